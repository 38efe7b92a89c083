import { api } from '../api/endpoints.ts';
import { Erasable } from '../app/Erased.tsx';
import { humanize } from '../app/format.ts';
import { Link } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { ErrorNote, Loading, Section } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { useLive } from '../live/useLive.tsx';
import { CaseRoom } from './CaseRoom.tsx';
import { Conversation } from './Conversation.tsx';
import { DocumentFlags } from './DocumentFlags.tsx';
import { Documents } from './Documents.tsx';
import { Journey } from './Journey.tsx';
import { LatestRating } from './LatestRating.tsx';
import { RecordRating } from './RecordRating.tsx';
import { ResolveCase } from './ResolveCase.tsx';
import { satisfactionApi } from './satisfaction-api.ts';
import { Timeline } from './Timeline.tsx';
import { usePresence } from './usePresence.ts';

/** One case: the conversation, documents on file, the journey of handoffs and the event log, live. */
export function CaseView({ caseId }: { caseId: string }) {
  const s = useSession();
  const detail = useResource(`case:${caseId}`, () => api.case(caseId));
  const events = useResource(`case-events:${caseId}`, () => api.caseEvents(caseId));
  const satisfaction = useResource(`case-satisfaction:${caseId}`, (signal) =>
    satisfactionApi.list(caseId, signal),
  );
  const viewers = usePresence(caseId);
  useLive(
    (e) => e.caseId === caseId,
    (changes) => {
      detail.reload();
      events.reload();
      // Ratings change only by a rating or an erasure (null: the stream came back, read everything).
      if (!changes || changes.some((e) => e.type === 'satisfaction.rated' || e.type === 'customer.erased'))
        satisfaction.reload();
    },
  );

  if (detail.error) return <ErrorNote error={detail.error} title="This case could not be loaded" />;
  const c = detail.data;
  if (!c) return <Loading label="Loading the case" />;
  // The latest handoff still open is where the case is now.
  const open = c.handoffs.findLast((h) => h.state === 'sent' || h.state === 'accepted');
  const canSend = s.can('agent', 'lead', 'supervisor');

  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/cases">Cases</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">
          <Erasable text={c.subject} label="Subject erased" />
        </span>
      </nav>
      <div className="page-head">
        <div>
          <h1>
            <Erasable text={c.subject} label="Subject erased" />
          </h1>
          <p className="muted">
            <Link to={`/customers/${c.customer.id}`}>
              <Erasable text={c.customer.name} label="Erased customer" />
            </Link>{' '}
            · {humanize(c.channel)} · {humanize(c.status)}
            {c.issueType ? ` · ${c.issueType}` : ''}
          </p>
          <LatestRating latest={satisfaction.data?.latest} />
          {c.repeatOf ? (
            <p className="small">
              Repeat contact: the customer came back on the same issue ·{' '}
              <Link to={`/cases/${c.repeatOf}`}>earlier case</Link>
            </p>
          ) : null}
        </div>
        {canSend ? (
          <div className="page-actions">
            {open ? (
              <Link to={`/handoffs/${open.id}`} className="button">
                With {s.teams.find((t) => t.key === open.toTeam)?.name ?? humanize(open.toTeam)} now
              </Link>
            ) : null}
            {!open && (c.status === 'open' || c.status === 'pending') ? (
              <ResolveCase caseId={c.id} onResolved={detail.reload} />
            ) : null}
            <RecordRating
              caseId={c.id}
              onRecorded={() => {
                satisfaction.reload();
                events.reload();
              }}
            />
            <Link to={`/cases/${c.id}/handoff`} className="button primary">
              Hand off
            </Link>
          </div>
        ) : null}
      </div>
      <div className="layout-main-side">
        <div className="stack">
          <Conversation caseData={c} onAdded={detail.reload} canWrite={canSend} />
          <CaseRoom caseId={c.id} canWrite={canSend} viewers={viewers} />
          <Section title="Event timeline">
            {events.data ? <Timeline events={events.data} /> : <Loading label="Loading events" />}
          </Section>
        </div>
        <aside className="stack" aria-label="Case details">
          <Section title="Journey">
            <Journey
              handoffs={c.handoffs}
              onChanged={() => {
                detail.reload();
                events.reload();
              }}
            />
          </Section>
          <DocumentFlags caseData={c} />
          <Documents caseData={c} onChanged={detail.reload} canWrite={canSend} />
        </aside>
      </div>
    </div>
  );
}
