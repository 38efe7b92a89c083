import type { Metrics, Samples } from './metrics.ts';
import {
  bootstrapDifference,
  mannWhitney,
  type Statistic,
  statistic,
  twoProportionTest,
} from './significance.ts';
import { type Rate, round } from './stats.ts';

type Better = 'lower' | 'higher';
export type Verdict = 'improved' | 'worsened' | 'no clear change' | 'not enough data';
type Side = { metrics: Metrics; samples: Samples };

/** The rates a before/after comparison tests, and which way is better. */
export const comparedRates: { figure: string; better: Better; of: (m: Metrics) => Rate }[] = [
  { figure: 'repeatContact', better: 'lower', of: (m) => m.repeatContact },
  { figure: 'escalation', better: 'lower', of: (m) => m.escalation },
  { figure: 'contextComplete', better: 'higher', of: (m) => m.contextComplete },
  { figure: 'bounce', better: 'lower', of: (m) => m.bounce },
  { figure: 'pingPong', better: 'lower', of: (m) => m.pingPong },
  { figure: 'lostEscalations', better: 'lower', of: (m) => m.lostEscalations },
  { figure: 'reExplanation', better: 'lower', of: (m) => m.reExplanation },
  { figure: 'documentReRequests', better: 'lower', of: (m) => m.documentReRequests.cases },
  { figure: 'complaints', better: 'lower', of: (m) => m.complaints },
  { figure: 'slaAttainment', better: 'higher', of: (m) => m.slaAttainment.overall },
  { figure: 'satisfaction', better: 'higher', of: (m) => m.satisfaction },
];

/** The samples a comparison tests with Mann-Whitney and a bootstrap interval. */
export const comparedSamples: {
  figure: string;
  better: Better;
  statistic: Statistic;
  of: (s: Samples) => number[];
}[] = [
  {
    figure: 'resolutionTime.calendar',
    better: 'lower',
    statistic: 'median',
    of: (s) => s.resolutionCalendar,
  },
  {
    figure: 'resolutionTime.business',
    better: 'lower',
    statistic: 'median',
    of: (s) => s.resolutionBusiness,
  },
  { figure: 'pickup.calendar', better: 'lower', statistic: 'median', of: (s) => s.pickupCalendar },
  { figure: 'pickup.business', better: 'lower', statistic: 'median', of: (s) => s.pickupBusiness },
  { figure: 'quality', better: 'higher', statistic: 'mean', of: (s) => s.quality },
];

/** Improved or worsened when significant at 5 %, in the figure's good direction or not. */
export function verdictOf(change: number | null, pValue: number | null, better: Better): Verdict {
  if (change === null || pValue === null) return 'not enough data';
  if (pValue >= 0.05 || change === 0) return 'no clear change';
  return change < 0 === (better === 'lower') ? 'improved' : 'worsened';
}

const relative = (before: number | null, after: number | null) =>
  before === null || after === null || before === 0 ? null : round((after - before) / before);

export function compareRate(figure: string, better: Better, before: Rate, after: Rate) {
  const t = twoProportionTest(before.count, before.of, after.count, after.of);
  const change = t ? round(t.difference) : null;
  return {
    figure,
    better,
    before,
    after,
    change,
    relativeChange: relative(before.rate, after.rate),
    test: 'two-proportion z-test',
    pValue: t ? round(t.pValue) : null,
    ci95: t ? ([round(t.ci95[0]), round(t.ci95[1])] as [number, number]) : null,
    verdict: verdictOf(change, t?.pValue ?? null, better),
  };
}

export function compareSample(
  figure: string,
  better: Better,
  which: Statistic,
  before: number[],
  after: number[],
) {
  const a = statistic(before, which);
  const b = statistic(after, which);
  const t = mannWhitney(before, after);
  const ci = bootstrapDifference(before, after, { statistic: which });
  const change = a === null || b === null ? null : round(b - a, 2);
  return {
    figure,
    better,
    statistic: which,
    before: { count: before.length, value: a === null ? null : round(a, 2) },
    after: { count: after.length, value: b === null ? null : round(b, 2) },
    change,
    relativeChange: relative(a, b),
    test: 'Mann-Whitney U; bootstrap interval of the difference',
    pValue: t ? round(t.pValue) : null,
    ci95: ci ? ([round(ci[0], 2), round(ci[1], 2)] as [number, number]) : null,
    verdict: verdictOf(change, t?.pValue ?? null, better),
  };
}

/** Every compared figure of two periods: the change, its p-value and 95 % interval, a verdict. */
export function comparePeriods(before: Side, after: Side) {
  return {
    before: { period: before.metrics.period, cases: before.metrics.cases, handoffs: before.metrics.handoffs },
    after: { period: after.metrics.period, cases: after.metrics.cases, handoffs: after.metrics.handoffs },
    filters: after.metrics.filters,
    rates: comparedRates.map((r) =>
      compareRate(r.figure, r.better, r.of(before.metrics), r.of(after.metrics)),
    ),
    times: comparedSamples.map((s) =>
      compareSample(s.figure, s.better, s.statistic, s.of(before.samples), s.of(after.samples)),
    ),
    metrics: { before: before.metrics, after: after.metrics },
  };
}
