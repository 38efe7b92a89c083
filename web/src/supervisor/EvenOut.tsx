import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { EvenOutAnswer } from '../api/types.ts';
import { Dialog, ErrorNote, Loading } from '../app/ui.tsx';
import { EvenOutWhich } from './EvenOutWhich.tsx';
import { evenedOutWords, movesInWords, stayingInWords } from './even-out-words.ts';

type Team = { key: string; name: string };

/** Before (light) and after (dark) as two thin bars against the largest load or capacity shown. */
function LoadBars({ before, after, max }: { before: number; after: number; max: number }) {
  const w = (n: number) => Math.max(0, (n / Math.max(1, max)) * 120);
  return (
    <svg width="120" height="16" aria-hidden="true" focusable="false" className="even-out-bars">
      <rect y={1} width={120} height={6} className="chart-track" rx={2} />
      <rect y={1} width={w(before)} height={6} className="chart-progress" rx={2} />
      <rect y={9} width={120} height={6} className="chart-track" rx={2} />
      <rect y={9} width={w(after)} height={6} className="chart-waiting" rx={2} />
    </svg>
  );
}

/**
 * Evening out a team's waiting handoffs from the supervisor board: the dialog first asks the server
 * what it would move (`dryRun`) and shows each member's load now and after, then moves them with
 * one reason. The server plans again when it moves: what it did is what the board then says.
 */
export function EvenOut({ teams, onDone }: { teams: Team[]; onDone: (words: string) => void }) {
  const [team, setTeam] = useState<Team | null>(null);
  const [plan, setPlan] = useState<EvenOutAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reason, setReason] = useState('');
  const [running, setRunning] = useState(false);
  // Handoffs the supervisor leaves where they are: the plan is made again without them.
  const [keep, setKeep] = useState<string[]>([]);
  const [planning, setPlanning] = useState(false);

  useEffect(() => {
    if (!team) return;
    let live = true;
    setPlanning(true);
    setError(null);
    api
      .evenOut(team.key, { dryRun: true, ...(keep.length ? { keep } : {}) })
      .then(
        (p) => live && setPlan(p),
        (e: unknown) => live && setError(e),
      )
      .finally(() => live && setPlanning(false));
    return () => {
      live = false;
    };
  }, [team, keep]);

  const open = (t: Team) => {
    setPlan(null);
    setKeep([]);
    setTeam(t);
  };
  const close = () => {
    setTeam(null);
    setReason('');
    setKeep([]);
  };
  const run = async (e: FormEvent) => {
    e.preventDefault();
    if (!team || running) return;
    setRunning(true);
    setError(null);
    try {
      const done = await api.evenOut(team.key, {
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(keep.length ? { keep } : {}),
      });
      onDone(evenedOutWords(done.moves.length, team.name));
      close();
    } catch (err) {
      setError(err);
    } finally {
      setRunning(false);
    }
  };

  const max = plan ? Math.max(1, ...plan.members.flatMap((m) => [m.before, m.after, m.capacity])) : 1;
  const count = plan?.moves.length ?? 0;
  return (
    <>
      <p className="small" data-testid="even-out-teams">
        Even out the waiting handoffs of:{' '}
        {teams.map((t, i) => (
          <span key={t.key}>
            {i ? ' · ' : null}
            <button type="button" className="link-button" onClick={() => open(t)}>
              {t.name}
            </button>
          </span>
        ))}
      </p>
      <Dialog title={team ? `Even out ${team.name}` : 'Even out'} open={Boolean(team)} onClose={close}>
        <form onSubmit={run} className="form" aria-busy={planning}>
          <p className="hint">
            Waiting handoffs (sent, not yet accepted) move from whoever has the most to whoever has the
            fewest, within each person’s capacity; those held by someone away or off shift go first. Accepted
            ones stay with the person working on them.
          </p>
          <ErrorNote error={error} />
          {!plan && !error ? <Loading label="Working out what would move" /> : null}
          {plan ? (
            <>
              <table className="table even-out-table" data-testid="even-out-plan">
                <thead>
                  <tr>
                    <th scope="col">Person</th>
                    <th scope="col">Open now</th>
                    <th scope="col">After</th>
                    <th scope="col">
                      <span className="small">Now (light) and after (dark)</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...plan.members]
                    .sort((a, b) => a.name.localeCompare(b.name))
                    .map((m) => (
                      <tr key={m.id}>
                        <td>
                          {m.name}
                          {m.able ? null : <span className="muted"> (away or off shift)</span>}
                        </td>
                        <td>
                          {m.before} <span className="muted small">of {m.capacity}</span>
                        </td>
                        <td className={m.after === m.before ? 'muted' : undefined}>{m.after}</td>
                        <td>
                          <LoadBars before={m.before} after={m.after} max={max} />
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
              <p role="status" data-testid="even-out-summary">
                {count
                  ? `${count} waiting handoff${count === 1 ? '' : 's'} would move: ${movesInWords(plan.moves)}.`
                  : plan.staying.length
                    ? 'Nothing can move now:'
                    : 'Nothing to move: everyone who can take work is as even as their waiting handoffs allow.'}
              </p>
              {plan.staying.length ? (
                <ul className="small even-out-staying" data-testid="even-out-staying">
                  {stayingInWords(plan.staying).map((w, i, all) => (
                    // Two holders of one name may give the same sentence: the key counts the repeats.
                    <li key={`${w}#${all.slice(0, i).filter((x) => x === w).length}`}>{w}</li>
                  ))}
                </ul>
              ) : null}
              <EvenOutWhich
                plan={plan}
                busy={planning || running}
                onKeep={(id, yes) => setKeep((k) => (yes ? [...k, id] : k.filter((x) => x !== id)))}
              />
              {count ? (
                <div className="field">
                  <label htmlFor="even-out-reason">Reason (optional)</label>
                  <input
                    id="even-out-reason"
                    value={reason}
                    disabled={running}
                    onChange={(e) => setReason(e.target.value)}
                    placeholder={`evening out ${team?.name}'s load`}
                    maxLength={1000}
                  />
                </div>
              ) : null}
            </>
          ) : null}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={close}>
              {count ? 'Cancel' : 'Close'}
            </button>
            {count ? (
              <button type="submit" className="button primary" disabled={running || planning}>
                {running ? 'Moving…' : `Move ${count}`}
              </button>
            ) : null}
          </div>
        </form>
      </Dialog>
    </>
  );
}
