import { mannWhitney } from '../analytics/significance.ts';
import { type Rate, rate, round } from '../analytics/stats.ts';
import { type CheckResult, checkIds, scoreChecks } from './quality.ts';

/**
 * Does QA agree with the customer? A handoff's automatic quality and its reviewers' totals set
 * against the satisfaction rating the customer gave while it held the case. A scorecard that
 * scores handoffs the customers hated as well as the ones they loved measures something else.
 */

/** One rated handoff: its checks, its reviews on one scorecard, and the customer's latest rating of it. */
export type RatedHandoffRow = {
  handoffId: string;
  caseId: string;
  subject: string;
  sentAt: string;
  scenario: string;
  receivingTeam: { key: string; name: string };
  checks: readonly CheckResult[];
  weights: Record<string, number>;
  /**
   * The case's handoffs sent up to the rating, this one among them: the customer rates the whole
   * way their case went, and the bounce or the lost day may have been an earlier handoff's.
   */
  journey: readonly { checks: readonly CheckResult[]; weights: Record<string, number> }[];
  /** The reviews on the chosen scorecard: who reviewed, totals and each criterion's value on 0..1. */
  reviews: readonly {
    reviewer: { id: string; name: string };
    total: number;
    items: readonly { criterion: string; normalized: number }[];
  }[];
  rating: { rating: string; satisfied: boolean; comment: string | null; ratedAt: string };
};

export type Verdict = 'predicts' | 'weak' | 'no_evidence' | 'contradicts' | 'insufficient';

/** Below this many ratings on either side (satisfied, not), no verdict is given. */
export const minPerSide = 5;
/** An AUC from here up, significant, "predicts"; above 0.5 but below it, "weak". */
export const predictsFrom = 0.65;
const alpha = 0.05;

/** Score bands the page charts CSAT over: the quality report's own reading of "good", "fair", "poor". */
export const scoreBands = [
  { band: 'below_60', from: 0, to: 60 },
  { band: '60_to_79', from: 60, to: 80 },
  { band: '80_and_up', from: 80, to: Number.POSITIVE_INFINITY },
] as const;

/** A QA score counted as "passed" by the disagreement lists, and as "failed". */
export const highScore = 80;
export const lowScore = 60;
const listed = 20;

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const points = (a: number | null, b: number | null) =>
  a === null || b === null ? null : Math.round((a - b) * 1000) / 10;

/**
 * How well a score separates the satisfied from the rest: the AUC (the chance that a satisfied
 * handoff scored higher than an unsatisfied one, ties half; 0.5 is a coin) from the Mann-Whitney
 * U, its two-sided p-value, and a verdict. A rank statistic, because QA scores bunch at 100.
 */
export function separation(scored: readonly { score: number; satisfied: boolean }[]) {
  const happy = scored.filter((s) => s.satisfied).map((s) => s.score);
  const unhappy = scored.filter((s) => !s.satisfied).map((s) => s.score);
  const test = mannWhitney(unhappy, happy);
  const auc = test ? test.u / (happy.length * unhappy.length) : null;
  let verdict: Verdict;
  if (!test || Math.min(happy.length, unhappy.length) < minPerSide) verdict = 'insufficient';
  else if (test.pValue >= alpha) verdict = 'no_evidence';
  else if (auc! < 0.5) verdict = 'contradicts';
  else verdict = auc! >= predictsFrom ? 'predicts' : 'weak';
  return {
    satisfied: happy.length,
    unsatisfied: unhappy.length,
    meanSatisfied: happy.length ? round(mean(happy), 1) : null,
    meanUnsatisfied: unhappy.length ? round(mean(unhappy), 1) : null,
    auc: auc === null ? null : round(auc, 3),
    pValue: test ? round(test.pValue, 4) : null,
    verdict,
  };
}

/** CSAT in each score band. */
export function csatByBand(scored: readonly { score: number; satisfied: boolean }[]) {
  return scoreBands.map(({ band, from, to }) => {
    const inBand = scored.filter((s) => s.score >= from && s.score < to);
    return { band, from, to: Number.isFinite(to) ? to : null, ...csat(inBand) };
  });
}

function csat(list: readonly { satisfied: boolean }[]): Rate {
  return rate(list.filter((s) => s.satisfied).length, list.length);
}

/** Split CSAT: where the thing failed against where it passed, and the gap (failed minus passed, points). */
function split(failed: readonly { satisfied: boolean }[], passed: readonly { satisfied: boolean }[]) {
  const f = csat(failed);
  const p = csat(passed);
  return { failed: f, passed: p, gap: points(f.rate, p.rate) };
}

/** Per automatic check: CSAT where it failed against where it passed (not applicable aside). */
export function csatByCheck(rows: readonly RatedHandoffRow[]) {
  return checkIds
    .map((check) => {
      const result = (r: RatedHandoffRow) => r.checks.find((c) => c.id === check)?.result;
      return {
        check,
        ...split(
          rows.filter((r) => result(r) === 'fail').map((r) => r.rating),
          rows.filter((r) => result(r) === 'pass').map((r) => r.rating),
        ),
      };
    })
    .sort((a, b) => (a.gap ?? Number.POSITIVE_INFINITY) - (b.gap ?? Number.POSITIVE_INFINITY));
}

/**
 * Per criterion of the scorecard: CSAT where the reviewers scored it in the lower half of its scale
 * (a fail, for pass/fail) against the upper half, each handoff by its reviewers' mean.
 */
export function csatByCriterion(
  rows: readonly RatedHandoffRow[],
  criteria: readonly { id: string; label: string }[],
) {
  return criteria.map(({ id, label }) => {
    const scored = rows.flatMap((r) => {
      const values = r.reviews.flatMap((v) =>
        v.items.filter((i) => i.criterion === id).map((i) => i.normalized),
      );
      return values.length ? [{ value: mean(values), satisfied: r.rating.satisfied }] : [];
    });
    return {
      criterion: id,
      label,
      ...split(
        scored.filter((s) => s.value < 0.5),
        scored.filter((s) => s.value >= 0.5),
      ),
    };
  });
}

/**
 * The journey's automatic score: its weakest handoff's. A customer remembers the worst moment of the
 * way their case went, not the average, and a mean would let the last good handoff hide a bounce.
 */
export function journeyScore(r: Pick<RatedHandoffRow, 'checks' | 'weights' | 'journey'>): number {
  const scores = r.journey.map((h) => scoreChecks(h.checks, h.weights));
  return scores.length ? Math.min(...scores) : scoreChecks(r.checks, r.weights);
}

/**
 * Per reviewer: whether their totals tell the customers' satisfied handoffs from the rest, on the
 * rated handoffs they reviewed. Who scores like the customers, and who scores something else: the
 * calibration session's other question. Most handoffs reviewed first.
 */
export function separationByReviewer(rows: readonly RatedHandoffRow[]) {
  const byReviewer = new Map<
    string,
    { reviewer: { id: string; name: string }; scored: { score: number; satisfied: boolean }[] }
  >();
  for (const r of rows)
    for (const v of r.reviews) {
      const entry = byReviewer.get(v.reviewer.id) ?? { reviewer: v.reviewer, scored: [] };
      entry.scored.push({ score: v.total, satisfied: r.rating.satisfied });
      byReviewer.set(v.reviewer.id, entry);
    }
  return [...byReviewer.values()]
    .map(({ reviewer, scored }) => ({ reviewer, handoffs: scored.length, ...separation(scored) }))
    .sort((a, b) => b.handoffs - a.handoffs || a.reviewer.name.localeCompare(b.reviewer.name));
}

/** The score QA gave a handoff: its reviewers' mean total, or its automatic quality when nobody reviewed it. */
export function qaScoreOf(r: RatedHandoffRow): { score: number; from: 'reviews' | 'automatic' } {
  return r.reviews.length
    ? { score: round(mean(r.reviews.map((v) => v.total)), 1), from: 'reviews' }
    : { score: scoreChecks(r.checks, r.weights), from: 'automatic' };
}

/**
 * The handoffs to talk over in a calibration session: QA passed them and the customer was not
 * satisfied, or QA failed them and the customer was. The starkest first, at most 20 of each.
 */
export function disagreements(rows: readonly RatedHandoffRow[]) {
  const item = (r: RatedHandoffRow) => {
    const qa = qaScoreOf(r);
    return {
      handoffId: r.handoffId,
      caseId: r.caseId,
      subject: r.subject,
      sentAt: r.sentAt,
      scenario: r.scenario,
      receivingTeam: r.receivingTeam,
      qaScore: qa.score,
      scoredBy: qa.from,
      failedChecks: r.checks.filter((c) => c.result === 'fail').map((c) => c.id),
      rating: r.rating,
    };
  };
  const all = rows.map(item);
  const byDate = (a: { sentAt: string }, b: { sentAt: string }) => b.sentAt.localeCompare(a.sentAt);
  return {
    qaPassedCustomerUnsatisfied: all
      .filter((i) => i.qaScore >= highScore && !i.rating.satisfied)
      .sort((a, b) => b.qaScore - a.qaScore || byDate(a, b))
      .slice(0, listed),
    qaFailedCustomerSatisfied: all
      .filter((i) => i.qaScore < lowScore && i.rating.satisfied)
      .sort((a, b) => a.qaScore - b.qaScore || byDate(a, b))
      .slice(0, listed),
  };
}

/** The whole comparison: the automatic score and the reviewers' against the customers' ratings. */
export function satisfactionAgreement(
  rows: readonly RatedHandoffRow[],
  criteria: readonly { id: string; label: string }[] | null,
) {
  const automatic = rows.map((r) => ({
    score: scoreChecks(r.checks, r.weights),
    satisfied: r.rating.satisfied,
  }));
  const journeys = rows.map((r) => ({ score: journeyScore(r), satisfied: r.rating.satisfied }));
  const reviewed = rows.filter((r) => r.reviews.length > 0);
  const reviewScores = reviewed.map((r) => ({ score: qaScoreOf(r).score, satisfied: r.rating.satisfied }));
  return {
    rated: csat(rows.map((r) => r.rating)),
    automatic: { ...separation(automatic), bands: csatByBand(automatic), checks: csatByCheck(rows) },
    journey: {
      /** Rated handoffs whose case had been handed off before them. */
      afterEarlierHandoffs: rows.filter((r) => r.journey.length > 1).length,
      ...separation(journeys),
      bands: csatByBand(journeys),
    },
    reviews: {
      handoffs: reviewed.length,
      ...separation(reviewScores),
      bands: csatByBand(reviewScores),
      criteria: criteria ? csatByCriterion(reviewed, criteria) : [],
      reviewers: separationByReviewer(reviewed),
    },
    disagreements: disagreements(rows),
  };
}
