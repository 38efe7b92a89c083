import type { HandoffView } from './derive.ts';

export type BouncingPair = {
  teams: [string, string];
  /** Handoffs from the first team to the second (the team that sent more comes first), and back. */
  forth: number;
  back: number;
  bounces: number;
  pingPongs: number;
  /** Cases in which the pair bounced work or passed it back. */
  cases: number;
};

/**
 * Team pairs that pass work back and forth: for each pair of teams (either direction), the handoffs
 * between them that were bounced or went back to a team that held the case before.
 */
export function bouncingPairs(views: readonly HandoffView[]): BouncingPair[] {
  const pairs = new Map<string, BouncingPair & { caseIds: Set<string> }>();
  for (const v of views) {
    const [a, b] = [v.route.from, v.route.to].sort() as [string, string];
    if (a === b) continue;
    const key = `${a}\u0000${b}`;
    let p = pairs.get(key);
    if (!p) {
      p = { teams: [a, b], forth: 0, back: 0, bounces: 0, pingPongs: 0, cases: 0, caseIds: new Set() };
      pairs.set(key, p);
    }
    if (v.route.from === a) p.forth++;
    else p.back++;
    if (v.bounced) p.bounces++;
    if (v.pingPong) p.pingPongs++;
    if (v.bounced || v.pingPong) p.caseIds.add(v.h.caseId);
  }
  return [...pairs.values()]
    .filter((p) => p.caseIds.size > 0)
    .map(({ caseIds, ...p }) =>
      p.back > p.forth
        ? {
            ...p,
            teams: [p.teams[1], p.teams[0]] as [string, string],
            forth: p.back,
            back: p.forth,
            cases: caseIds.size,
          }
        : { ...p, cases: caseIds.size },
    )
    .sort(
      (x, y) =>
        y.cases - x.cases ||
        y.bounces + y.pingPongs - (x.bounces + x.pingPongs) ||
        x.teams.join().localeCompare(y.teams.join()),
    );
}
