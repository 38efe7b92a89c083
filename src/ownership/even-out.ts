import { type Candidate, eligible } from './assign.ts';

/** A member of the team as evening out sees them: `waiting` are the team's sent handoffs they own, oldest first. */
export type Holder = Candidate & { waiting: readonly string[] };
export type Move = { handoffId: string; from: string; to: string };

const share = (load: number, capacity: number) => load / Math.max(1, capacity);

/**
 * Evens out a team's waiting handoffs (sent, nobody working on them yet): a member who cannot take
 * work now (away, offline, off shift) gives up all of theirs; then, while the most loaded member
 * holding one is loaded more than the least loaded eligible member would be after taking it, the
 * oldest moves from the one to the other. Loads count every open handoff a person owns, in any
 * team, against their capacity; accepted handoffs never move (someone is working on them), and
 * nobody is given more than their capacity. A move never makes its receiver more loaded than its
 * giver, so nothing moves back and forth. At most `limit` moves.
 */
export function evenOut(members: readonly Holder[], limit = 100): Move[] {
  const team = members.map((m) => ({ ...m, waiting: [...m.waiting] }));
  const moves: Move[] = [];
  // Who would be least loaded after taking one more.
  const receiver = (giver: (typeof team)[number] | null) =>
    team
      .filter((m) => m !== giver && eligible(m))
      .sort(
        (a, b) => share(a.load + 1, a.capacity) - share(b.load + 1, b.capacity) || (a.id < b.id ? -1 : 1),
      )[0];
  const give = (from: (typeof team)[number], to: (typeof team)[number]) => {
    moves.push({ handoffId: from.waiting.shift()!, from: from.id, to: to.id });
    from.load -= 1;
    to.load += 1;
  };
  for (const away of team.filter((m) => !(m.available && m.onShift)))
    while (away.waiting.length && moves.length < limit) {
      const to = receiver(away);
      if (!to) break;
      give(away, to);
    }
  while (moves.length < limit) {
    const givers = team
      .filter((m) => m.waiting.length && m.available && m.onShift)
      .sort((a, b) => share(b.load, b.capacity) - share(a.load, a.capacity) || (a.id < b.id ? -1 : 1));
    const from = givers[0];
    const to = from ? receiver(from) : undefined;
    if (!from || !to || share(to.load + 1, to.capacity) > share(from.load - 1, from.capacity)) break;
    give(from, to);
  }
  return moves;
}
