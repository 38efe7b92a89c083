import type { CaseDetail } from '../api/types.ts';
import { formatDateTime, humanize, stateLabels } from '../app/format.ts';
import { Link } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { Badge, stateTone } from '../app/ui.tsx';

/** The case's handoffs in order: where it went, who owns it, how each ended. */
export function Journey({ handoffs }: { handoffs: CaseDetail['handoffs'] }) {
  const s = useSession();
  if (handoffs.length === 0) return <p className="muted">Not handed off yet.</p>;
  return (
    <ol className="journey">
      {handoffs.map((h) => {
        const scenario = s.scenarios.find((x) => x.id === h.scenario);
        return (
          <li key={h.id} className={`journey-step journey-${h.state}`}>
            <span className="journey-dot" aria-hidden="true" />
            <div>
              <Link to={`/handoffs/${h.id}`} className="journey-title">
                {scenario?.name ?? humanize(h.scenario)}
              </Link>
              <div className="journey-meta">
                <Badge tone={stateTone(h.state)}>{stateLabels[h.state] ?? h.state}</Badge>
                <span>
                  to {s.teams.find((t) => t.key === h.toTeam)?.name ?? h.toTeam}
                  {h.ownerId ? ` · ${s.personName(h.ownerId)}` : ''}
                </span>
              </div>
              <div className="muted small">{h.sentAt ? `Sent ${formatDateTime(h.sentAt)}` : 'Draft'}</div>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
