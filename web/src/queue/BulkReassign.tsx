import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { HandoffDetail, HandoffItem } from '../api/types.ts';
import { useSession } from '../app/session.tsx';
import { Dialog, Kbd } from '../app/ui.tsx';
import { LostOwnerNote, OwnerOptions } from '../handoffs/OwnerOptions.tsx';
import { mayOwn, ownerRuleWords } from '../handoffs/owner-choice.ts';
import { type BulkOutcome, progressWords, runWords, sharedTeam } from './picks.ts';

// Each request reassigns this many in one transaction (the server takes up to 100): a large
// rebalancing shows its progress and can be stopped between them; each new owner gets a notice per request.
const CHUNK = 25;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The picked handoffs and what can be done with them at once: reassign them to one person (or to
 * each team's rule) with one reason, 25 to a request, with progress; one the server refuses (someone
 * resolved it meanwhile) is named with its words and stays picked. A request refused whole (the owner
 * named was deactivated meanwhile) ends the run: the next would meet the same refusal.
 */
export function BulkReassign({
  picked,
  shownPickable,
  titleOf,
  open,
  setOpen,
  onPickAll,
  onClear,
  onReassigned,
}: {
  picked: HandoffItem[];
  /** How many of the rows shown could be picked: "Pick all" picks them. */
  shownPickable: number;
  titleOf: (h: HandoffItem) => string;
  /** Whether the dialog is open (the `o` key opens it too). */
  open: boolean;
  setOpen: (open: boolean) => void;
  onPickAll: () => void;
  onClear: () => void;
  onReassigned: (h: HandoffDetail) => void;
}) {
  const s = useSession();
  const [ownerId, setOwnerId] = useState('');
  const [reason, setReason] = useState('');
  const [running, setRunning] = useState<{ done: number; total: number } | null>(null);
  const [failures, setFailures] = useState<{ title: string; error: string }[]>([]);
  // Why the last run ended before its end when the server refused a whole request.
  const [refusal, setRefusal] = useState('');
  const [said, setSaid] = useState('');
  // The run's handoffs: the dialog keeps speaking of them while they leave the picks one by one.
  const [batch, setBatch] = useState<HandoffItem[]>([]);
  const stop = useRef(false);

  // Opened again, the dialog speaks of the picks as they are now.
  useEffect(() => {
    if (open) {
      setFailures([]);
      setRefusal('');
      setBatch([]);
    }
  }, [open]);
  // The last run's words stay until the next pick.
  const count = picked.length;
  const lastCount = useRef(count);
  useEffect(() => {
    if (count > lastCount.current) setSaid('');
    lastCount.current = count;
  }, [count]);

  const subject = batch.length ? batch : picked;
  const teamKey = sharedTeam(subject);
  const team = teamKey ? s.teams.find((t) => t.key === teamKey) : undefined;
  const scenarioIds = new Set(subject.map((h) => h.scenario));
  const sharedScenario = scenarioIds.size === 1 ? s.scenarios.find((x) => scenarioIds.has(x.id)) : undefined;
  // Only a person shown as a choice is ever sent (the picks may have changed team since).
  const chosen = mayOwn(team?.members ?? []).some((m) => m.id === ownerId) ? ownerId : '';

  const run = async (e: FormEvent) => {
    e.preventDefault();
    const why = reason.trim();
    if (!why || running) return;
    const handoffs = [...picked];
    setBatch(handoffs);
    const outcomes: BulkOutcome[] = [];
    const failed: { title: string; error: string }[] = [];
    let refused = '';
    stop.current = false;
    setFailures([]);
    setRefusal('');
    setSaid('');
    setRunning({ done: 0, total: handoffs.length });
    for (let at = 0; at < handoffs.length && !stop.current && !refused; at += CHUNK) {
      const chunk = handoffs.slice(at, at + CHUNK);
      const fail = (h: HandoffItem, error: string) => {
        outcomes.push({ id: h.id, error });
        failed.push({ title: titleOf(h), error });
      };
      try {
        const answer = await api.reassignMany(
          chunk.map((h) => h.id),
          why,
          chosen || undefined,
        );
        for (const [i, o] of answer.outcomes.entries()) {
          if (o.outcome === 'refused') fail(chunk[i]!, o.error.message);
          else {
            outcomes.push({ id: o.id, error: null });
            if (o.handoff) onReassigned(o.handoff);
          }
        }
      } catch (error) {
        refused = messageOf(error);
      }
      setRunning({ done: outcomes.length, total: handoffs.length });
    }
    setRunning(null);
    setSaid(runWords(outcomes, handoffs.length, refused || (stop.current ? 'stopped' : null)));
    setFailures(failed);
    setRefusal(refused);
    // Done: the next run starts afresh. With failures, owner and reason stay to try again.
    if (!failed.length && !refused) {
      setOpen(false);
      setOwnerId('');
      setReason('');
    }
  };

  const close = () => {
    // Closing while it runs stops before the next one; what is done stays done.
    stop.current = true;
    setOpen(false);
  };

  return (
    <>
      {picked.length ? (
        <section className="bulk-bar" aria-label="Picked handoffs" data-testid="bulk-bar">
          <strong>{picked.length.toLocaleString()} picked</strong>
          <button type="button" className="button small primary" onClick={() => setOpen(true)}>
            Reassign {picked.length === 1 ? 'it' : `all ${picked.length}`}… <Kbd>o</Kbd>
          </button>
          {shownPickable > picked.length ? (
            <button type="button" className="button small" onClick={onPickAll}>
              Pick all {shownPickable.toLocaleString()} shown
            </button>
          ) : null}
          <button type="button" className="button small" onClick={onClear}>
            Clear <Kbd>Esc</Kbd>
          </button>
        </section>
      ) : null}
      <p className="visually-hidden" role="status" data-testid="bulk-said">
        {said}
      </p>
      {said && !open ? (
        <div
          className={`note ${failures.length || refusal ? 'note-warn' : 'note-good'}`}
          data-testid="bulk-result"
        >
          {said}
        </div>
      ) : null}
      <Dialog
        title={`Reassign ${subject.length === 1 ? 'the picked handoff' : `${subject.length} handoffs`}`}
        open={open}
        onClose={close}
      >
        <form onSubmit={run} className="form">
          <div className="field">
            <label htmlFor="bulk-owner">New owner</label>
            <select
              id="bulk-owner"
              value={chosen}
              onChange={(e) => setOwnerId(e.target.value)}
              disabled={!!running}
            >
              <option value="">
                {team
                  ? `Let Baton choose (${ownerRuleWords(team.ownershipStrategy, sharedScenario)}), one by one`
                  : 'Let each team’s rule choose, one by one'}
              </option>
              <OwnerOptions members={team?.members ?? []} />
            </select>
            <LostOwnerNote ownerId={ownerId} />
            {team ? null : (
              <p className="hint">They go to more than one team: each team’s rule picks its owner.</p>
            )}
          </div>
          <div className="field">
            <label htmlFor="bulk-reason">Reason</label>
            <input
              id="bulk-reason"
              required
              value={reason}
              disabled={!!running}
              onChange={(e) => setReason(e.target.value)}
              placeholder="Out sick today, rebalancing the team…"
            />
          </div>
          {running ? (
            <div className="bulk-progress">
              <progress max={running.total} value={running.done} aria-label="Reassigned so far" />
              <span className="small">{progressWords(running.done, running.total, CHUNK)}</span>
            </div>
          ) : null}
          {failures.length || refusal ? (
            <div className="note note-warn" role="alert" data-testid="bulk-failures">
              <strong>{said}</strong>
              {failures.length ? (
                <ul>
                  {failures.map((f) => (
                    <li key={f.title + f.error}>
                      {f.title}: {f.error}
                    </li>
                  ))}
                </ul>
              ) : null}
              <span>Those still open stay picked, to try again.</span>
            </div>
          ) : null}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={close}>
              {running ? 'Stop' : failures.length || refusal ? 'Close' : 'Cancel'}
            </button>
            {picked.length || running ? (
              <button type="submit" className="button primary" disabled={!reason.trim() || !!running}>
                {running ? 'Reassigning…' : `Reassign ${picked.length}`}
              </button>
            ) : null}
          </div>
        </form>
      </Dialog>
    </>
  );
}
