import { api } from '../api/endpoints.ts';
import { Link } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { ErrorNote, Loading } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { CaseRoom, ViewingNow } from '../cases/CaseRoom.tsx';
import { usePresence } from '../cases/usePresence.ts';
import { useLive } from '../live/useLive.tsx';
import { useHandoffActions } from './actions.tsx';
import { HandoffPanel } from './HandoffPanel.tsx';

/** One handoff on its own page, live, with the case room that sender and receiver share. */
export function HandoffPage({ handoffId }: { handoffId: string }) {
  const s = useSession();
  const h = useResource(`handoff:${handoffId}`, (signal) => api.handoff(handoffId, signal));
  const caseId = h.data?.caseId;
  const events = useResource(caseId ? `case-events:${caseId}` : null, () => api.caseEvents(caseId!));
  const viewers = usePresence(caseId);
  const actions = useHandoffActions(h.data, (next) => {
    h.set(next);
    events.reload();
  });
  useLive(
    (e) => e.handoffId === handoffId || (caseId !== undefined && e.caseId === caseId),
    () => {
      h.reload();
      events.reload();
    },
  );
  if (h.error) return <ErrorNote error={h.error} title="This handoff could not be loaded" />;
  if (!h.data) return <Loading label="Loading the handoff" />;
  const toTeam = h.data.toTeam;
  return (
    <div className="page">
      <div className="page-topline">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          {/* The receiving team comes here from its queue; a sender from the cases they hand off. */}
          {s.myTeams.some((t) => t.key === toTeam) ? (
            <Link to="/queue">Queue</Link>
          ) : (
            <Link to="/cases">Cases</Link>
          )}{' '}
          <span aria-hidden="true">/</span> <Link to={`/cases/${h.data.caseId}`}>Case</Link>{' '}
          <span aria-hidden="true">/</span> <span aria-current="page">Handoff</span>
        </nav>
        <div className="room-bar">
          <ViewingNow viewers={viewers} />
          <a href="#case-room" className="small">
            Case room
          </a>
        </div>
      </div>
      {h.data.state === 'draft' && actions.available.includes('send') ? (
        <div className="note note-info resend-bar" role="note">
          <span>A draft: nothing has gone to the receiving team yet.</span>
          <Link to={`/cases/${h.data.caseId}/handoff?draft=${h.data.id}`} className="button primary small">
            Continue in the form
          </Link>
        </div>
      ) : null}
      {h.data.state === 'bounced' && s.can('agent', 'lead', 'supervisor') ? (
        <div className="note note-warn resend-bar" role="note">
          <span>It came back to the sender. Fix what the receiving team asked for and send it again.</span>
          <Link to={`/cases/${h.data.caseId}/handoff?resend=${h.data.id}`} className="button primary small">
            Fix and send again
          </Link>
        </div>
      ) : null}
      <HandoffPanel
        h={h.data}
        events={events.data}
        actions={actions}
        below={<CaseRoom caseId={h.data.caseId} canWrite={s.can('agent', 'lead', 'supervisor')} />}
      />
    </div>
  );
}
