import type { CaseView } from './derive.ts';
import { type Rate, rate, spread } from './stats.ts';

/** Figures over cases. Each takes the cases already selected for the period and filters. */

export function repeatContactRate(cases: readonly CaseView[]): Rate {
  return rate(cases.filter((c) => c.repeatContact).length, cases.length);
}

/** Cases with at least one handoff sent (matching the filters), of all cases of the period. */
export function escalationRate(cases: readonly CaseView[], escalated: number): Rate {
  return rate(escalated, cases.length);
}

/** Creation to resolution of resolved cases, in calendar and business time. */
export function resolutionTimes(cases: readonly CaseView[]) {
  const resolved = cases.filter((c) => c.resolution !== null);
  const business = resolved
    .filter((c) => c.resolution!.businessMs !== null)
    .map((c) => c.resolution!.businessMs!);
  return {
    count: resolved.length,
    open: cases.length - resolved.length,
    calendar: spread(resolved.map((c) => c.resolution!.calendarMs)),
    business: spread(business),
  };
}

export function complaintRate(cases: readonly CaseView[]): Rate {
  return rate(cases.filter((c) => c.complaint).length, cases.length);
}

/** Documents asked for again though on file: how many requests, and the share of cases with one. */
export function documentReRequests(cases: readonly CaseView[]) {
  return {
    requests: cases.reduce((s, c) => s + c.rerequests, 0),
    cases: rate(cases.filter((c) => c.rerequests > 0).length, cases.length),
  };
}
