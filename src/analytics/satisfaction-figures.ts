import type { CaseView } from './derive.ts';
import { groupBy } from './facts.ts';
import { mean, type Rate, rate, round } from './stats.ts';

/** CSAT: of the cases the customer rated (their latest rating), the share rated satisfied. */
export function satisfactionRate(cases: readonly CaseView[]): Rate {
  const rated = cases.filter((c) => c.rating !== null);
  return rate(rated.filter((c) => c.rating!.satisfied).length, rated.length);
}

/**
 * What a case's handoffs went through, as the satisfaction comparison reads it: each a failure the
 * seed names (bounced, incomplete context, the customer explaining again, a breached SLA, a document
 * asked for again), and being handed off at all.
 */
export const satisfactionSignals = {
  handed_off: (c: CaseView) => c.handoffs.length > 0,
  bounced: (c: CaseView) => c.handoffs.some((v) => v.bounced),
  context_incomplete: (c: CaseView) => c.handoffs.some((v) => !v.contextComplete),
  repeated_explanation: (c: CaseView) => c.handoffs.some((v) => v.repeated),
  sla_breached: (c: CaseView) => c.handoffs.some((v) => v.breached),
  document_rerequest: (c: CaseView) => c.rerequests > 0,
} as const;

export type SatisfactionSignal = keyof typeof satisfactionSignals;

/**
 * CSAT of the rated cases with and without each signal: what a bad handoff costs in satisfaction,
 * in the organisation's own ratings. `gap` is with minus without, in points of the rate (null
 * when either side has no rating).
 */
export function satisfactionBySignal(cases: readonly CaseView[]) {
  const rated = cases.filter((c) => c.rating !== null);
  return (Object.keys(satisfactionSignals) as SatisfactionSignal[]).map((signal) => {
    const has = satisfactionSignals[signal];
    const withIt = satisfactionRate(rated.filter(has));
    const without = satisfactionRate(rated.filter((c) => !has(c)));
    const gap =
      withIt.rate === null || without.rate === null
        ? null
        : Math.round((withIt.rate - without.rate) * 1000) / 10;
    return { signal, with: withIt, without, gap };
  });
}

/**
 * CSAT per receiving team: each rating counted for the team whose handoff held the case when the
 * customer rated; ratings of cases never handed off are counted under `null`.
 */
export function satisfactionByTeam(cases: readonly CaseView[]) {
  const rated = cases.filter((c) => c.rating !== null);
  return [...groupBy(rated, (c) => c.rating!.team ?? '')]
    .map(([team, list]) => ({ team: team === '' ? null : team, ...satisfactionRate(list) }))
    .sort((a, b) => b.of - a.of || String(a.team).localeCompare(String(b.team)));
}

/** The quality of a rated case's weakest handoff sent before the customer rated (null: none was). */
function weakestBeforeRating(c: CaseView): number | null {
  const before = c.handoffs.filter((v) => v.h.sentAt <= c.rating!.at).map((v) => v.quality);
  return before.length === 0 ? null : Math.min(...before);
}

/**
 * The rated cases' journeys, satisfied against not: the mean quality of each case's weakest handoff
 * sent before the rating. A rating is counted for the handoff that held the case, but the bounce or
 * the thin packet the customer remembers was often an earlier one's (docs/qa.md): the weakest moment
 * reads the whole journey. `gap` is satisfied minus not satisfied, in quality points (null when
 * either side has no case).
 */
export function satisfactionByJourney(cases: readonly CaseView[]) {
  const side = (satisfied: boolean) => {
    const scores = cases
      .filter((c) => c.rating !== null && c.rating.satisfied === satisfied)
      .map(weakestBeforeRating)
      .filter((q): q is number => q !== null);
    const m = mean(scores);
    return { cases: scores.length, weakestQuality: m === null ? null : round(m, 1) };
  };
  const satisfied = side(true);
  const notSatisfied = side(false);
  const gap =
    satisfied.weakestQuality === null || notSatisfied.weakestQuality === null
      ? null
      : round(satisfied.weakestQuality - notSatisfied.weakestQuality, 1);
  return { satisfied, notSatisfied, gap };
}
