import { type Candidate, eligible } from './assign.ts';

/** A member of the team as evening out sees them: `waiting` are the team's sent handoffs they own, oldest first. */
export type Holder = Candidate & { waiting: readonly string[] };
export type Move = { handoffId: string; from: string; to: string };
export type EvenOutOptions = {
  /** At most this many moves. */
  limit?: number;
  /**
   * The skills each handoff routed by skills asks for (its scenario's, when the scenario or the team
   * assigns by skills): such a handoff only moves to someone who matches them at least as well.
   */
  wanted?: ReadonlyMap<string, readonly string[]>;
};

const share = (load: number, capacity: number) => load / Math.max(1, capacity);

/**
 * Evens out a team's waiting handoffs (sent, nobody working on them yet): a member who cannot take
 * work now (away, offline, off shift) gives up all of theirs, each to the best skills match who can
 * take it, least loaded after taking it; then, while some member holds a handoff that someone less
 * loaded (after taking it) than its holder (after giving it) can take, it moves: from the most
 * loaded holder first, their oldest first, to the least loaded. Loads count every open handoff a
 * person owns, in any team, against their capacity; accepted handoffs never move (someone is working
 * on them), nobody is given more than their capacity, and a handoff routed by skills never goes to
 * someone matching fewer of them. A move never makes its receiver more loaded than its giver, so
 * nothing moves back and forth.
 */
export function evenOut(members: readonly Holder[], opts: EvenOutOptions = {}): Move[] {
  const limit = opts.limit ?? 100;
  const team = members.map((m) => ({ ...m, waiting: [...m.waiting] }));
  type Member = (typeof team)[number];
  const moves: Move[] = [];
  const score = (m: Member, handoffId: string) => {
    const wanted = opts.wanted?.get(handoffId) ?? [];
    return wanted.filter((s) => m.skills.includes(s)).length;
  };
  const leastLoaded = (pool: Member[]) =>
    pool.sort(
      (a, b) => share(a.load + 1, a.capacity) - share(b.load + 1, b.capacity) || (a.id < b.id ? -1 : 1),
    )[0];
  const give = (from: Member, handoffId: string, to: Member) => {
    from.waiting.splice(from.waiting.indexOf(handoffId), 1);
    moves.push({ handoffId, from: from.id, to: to.id });
    from.load -= 1;
    to.load += 1;
  };

  for (const away of team.filter((m) => !(m.available && m.onShift)))
    for (const handoffId of [...away.waiting]) {
      if (moves.length >= limit) break;
      const pool = team.filter((m) => m !== away && eligible(m));
      // As a send would choose: the best match, when anyone matches at all.
      const best = Math.max(0, ...pool.map((m) => score(m, handoffId)));
      const to = leastLoaded(pool.filter((m) => score(m, handoffId) === best));
      if (to) give(away, handoffId, to);
    }

  // One move of the most loaded holder's oldest handoff that someone can take, or none.
  const nextMove = () => {
    const givers = team
      .filter((m) => m.waiting.length && m.available && m.onShift)
      .sort((a, b) => share(b.load, b.capacity) - share(a.load, a.capacity) || (a.id < b.id ? -1 : 1));
    for (const from of givers)
      for (const handoffId of from.waiting) {
        const to = leastLoaded(
          team.filter(
            (m) =>
              m !== from &&
              eligible(m) &&
              share(m.load + 1, m.capacity) <= share(from.load - 1, from.capacity) &&
              score(m, handoffId) >= score(from, handoffId),
          ),
        );
        if (to) return { from, handoffId, to };
      }
    return undefined;
  };
  while (moves.length < limit) {
    const move = nextMove();
    if (!move) break;
    give(move.from, move.handoffId, move.to);
  }
  return moves;
}

/**
 * Why a waiting handoff stays with its holder although an even-out would otherwise move it (`kept`:
 * the supervisor chose to leave it, which the planner never sees).
 */
export type StayReason = 'nobody_free' | 'skills' | 'limit' | 'kept';
export type Stay = { handoffId: string; holder: string; reason: StayReason };

/**
 * The waiting handoffs a plan leaves where they are for a reason a supervisor should hear, judged on
 * the loads after `moves`: held by someone who cannot take work while nobody who can has room
 * (`nobody_free`); held by someone more loaded than a member with room who lacks the skills it asks
 * for (`skills`); or left because the plan stopped at its limit (`limit`). Handoffs kept because the
 * team is already even are not listed.
 */
export function staying(
  members: readonly Holder[],
  moves: readonly Move[],
  opts: EvenOutOptions = {},
): Stay[] {
  const team = new Map(members.map((m) => [m.id, { ...m, waiting: [...m.waiting] }]));
  for (const m of moves) {
    const from = team.get(m.from);
    const to = team.get(m.to);
    if (!from || !to) continue;
    from.waiting = from.waiting.filter((id) => id !== m.handoffId);
    from.load -= 1;
    to.load += 1;
  }
  const stopped = moves.length >= (opts.limit ?? 100);
  const knows = (m: Holder, handoffId: string) =>
    (opts.wanted?.get(handoffId) ?? []).filter((s) => m.skills.includes(s)).length;
  const stays: Stay[] = [];
  for (const holder of team.values())
    for (const handoffId of holder.waiting) {
      const others = [...team.values()].filter((m) => m !== holder && eligible(m));
      const able = holder.available && holder.onShift;
      const roomy = able
        ? others.filter((m) => share(m.load + 1, m.capacity) <= share(holder.load - 1, holder.capacity))
        : others;
      if (!roomy.length) {
        if (!able) stays.push({ handoffId, holder: holder.id, reason: 'nobody_free' });
        continue;
      }
      const skilled = able ? roomy.filter((m) => knows(m, handoffId) >= knows(holder, handoffId)) : roomy;
      // Someone could take it after all only when the plan stopped short.
      if (!skilled.length) stays.push({ handoffId, holder: holder.id, reason: 'skills' });
      else if (stopped) stays.push({ handoffId, holder: holder.id, reason: 'limit' });
    }
  return stays;
}
