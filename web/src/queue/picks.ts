import { allowedActions, type HandoffState } from '../../../src/handoffs/state-machine.ts';
import { mayActOn } from '../handoffs/may-act.ts';

/**
 * Handoffs picked in the queue to be reassigned together (a lead moving an absent colleague's work,
 * a supervisor rebalancing a team): picked by id, so a pick survives live updates and filtering.
 */
export type Picks = ReadonlySet<string>;

type Who = Parameters<typeof mayActOn>[0];
type Row = {
  id: string;
  state: string;
  toTeam: string;
  owner: { id: string } | null;
  sender: { id: string } | null;
};

/** Only handoffs this person may reassign now (open, and theirs to act on) can be picked. */
export function pickable(who: Who, h: Row): boolean {
  return (
    allowedActions(h.state as HandoffState).includes('reassign') &&
    mayActOn(
      who,
      { ownerId: h.owner?.id ?? null, senderId: h.sender?.id ?? null, toTeam: h.toTeam, state: h.state },
      'reassign',
    )
  );
}

export function togglePick(picks: Picks, id: string): Picks {
  const next = new Set(picks);
  if (!next.delete(id)) next.add(id);
  return next;
}

/**
 * Shift+x, or a shift-click: every pickable row from the one picked last to this one, both included,
 * picked (as a mail client picks a range). Without a last one still shown, this row alone.
 */
export function pickRange<T extends Row>(
  who: Who,
  picks: Picks,
  rows: readonly T[],
  lastId: string | null,
  id: string,
): Picks {
  const to = rows.findIndex((h) => h.id === id);
  if (to < 0) return picks;
  const from = lastId ? rows.findIndex((h) => h.id === lastId) : -1;
  const [a, b] = from < 0 ? [to, to] : [Math.min(from, to), Math.max(from, to)];
  const next = new Set(picks);
  for (const h of rows.slice(a, b + 1)) if (pickable(who, h)) next.add(h.id);
  return next;
}

/** The picks still in the queue and still pickable, in the queue's order (rows leave as others act). */
export function pickedRows<T extends Row>(who: Who, picks: Picks, rows: readonly T[]): T[] {
  return picks.size ? rows.filter((h) => picks.has(h.id) && pickable(who, h)) : [];
}

/** The one receiving team of the picked handoffs, if they share one: its members can be named as owner. */
export function sharedTeam(rows: readonly Row[]): string | null {
  const teams = new Set(rows.map((h) => h.toTeam));
  return teams.size === 1 ? [...teams][0]! : null;
}

export type BulkOutcome = { id: string; error: string | null };

/** "5 reassigned", "4 reassigned, 1 not", "None reassigned": the words after a bulk reassignment. */
export function outcomeWords(outcomes: readonly BulkOutcome[]): string {
  const failed = outcomes.filter((o) => o.error).length;
  const done = outcomes.length - failed;
  if (!done) return failed === 1 ? 'The handoff was not reassigned' : `None of the ${failed} was reassigned`;
  const handoffs = `${done} handoff${done === 1 ? '' : 's'} reassigned`;
  return failed ? `${handoffs}; ${failed} ${failed === 1 ? 'was' : 'were'} not` : handoffs;
}

/**
 * The words after a whole run: what was done and, when it ended early, why the rest were left as
 * they were ("stopped", or the server's refusal of a whole request, such as an owner deactivated
 * meanwhile, which the next request would meet too).
 */
export function runWords(outcomes: readonly BulkOutcome[], total: number, endedBy: string | null): string {
  const left = total - outcomes.length;
  if (!left || !endedBy) return `${outcomeWords(outcomes)}.`;
  if (!outcomes.length)
    return `${total === 1 ? 'The handoff was not' : `None of the ${total} was`} reassigned (${endedBy}).`;
  return `${outcomeWords(outcomes)}; ${left} left as they were (${endedBy}).`;
}

/** "Reassigning 1 of 1…", "Reassigning 26–50 of 60…": the requests in flight while a bulk run goes on. */
export function progressWords(done: number, total: number, chunk: number): string {
  const from = Math.min(done + 1, total);
  const to = Math.min(done + chunk, total);
  return `Reassigning ${from === to ? from : `${from}–${to}`} of ${total}…`;
}
