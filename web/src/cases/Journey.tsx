import { useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { CaseDetail } from '../api/types.ts';
import { formatDateTime, humanize, stateLabels } from '../app/format.ts';
import { Link } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { Badge, ErrorNote, stateTone } from '../app/ui.tsx';

type Step = CaseDetail['handoffs'][number];

/** The case's handoffs in order: where it went, who owns it, how each ended. */
export function Journey({
  handoffs,
  onChanged,
}: {
  handoffs: CaseDetail['handoffs'];
  onChanged: () => void;
}) {
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
              {(h.state === 'sent' || h.state === 'accepted') &&
              h.ownerId &&
              h.ownerId === s.me.person?.id ? (
                <OwnerAction step={h} onDone={onChanged} />
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * The owner moves their handoff on from the case itself, where they read it, without opening its
 * page: Accept while it waits for pickup, Resolve once it is theirs.
 */
function OwnerAction({ step, onDone }: { step: Step; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const accepting = step.state === 'sent';
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await (accepting ? api.accept(step.id) : api.resolve(step.id));
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const label = accepting ? 'Accept' : 'Resolve';
  return (
    <div className="journey-action">
      <button type="button" className="button primary small" onClick={run} disabled={busy}>
        {busy ? (accepting ? 'Accepting…' : 'Resolving…') : label}
      </button>
      <ErrorNote error={error} title={accepting ? 'Not accepted' : 'Not resolved'} />
    </div>
  );
}
