import { type AlphaMetric, alphaOfRatings, type Rating } from './alpha.ts';
import { raterDrift } from './drift.ts';
import type { Scorecard } from './qa.types.ts';

/** What calibration reads of one stored review. */
export type CalibrationReview = {
  handoffId: string;
  reviewerId: string;
  scorecardVersion: number;
  total: number;
  items: { criterion: string; value: number | boolean }[];
};

export type Verdict = 'reliable' | 'tentative' | 'unreliable' | 'insufficient';

/** Krippendorff's own thresholds: rely on alpha >= .800, draw tentative conclusions from .667. */
export function verdictOf(alpha: number | null): Verdict {
  if (alpha === null) return 'insufficient';
  return alpha >= 0.8 ? 'reliable' : alpha >= 0.667 ? 'tentative' : 'unreliable';
}

function agreement(ratings: Rating[], metric: AlphaMetric, range: number) {
  const { alpha, units, pairable } = alphaOfRatings(ratings, metric);
  const counts = new Map<string, number>();
  for (const r of ratings) counts.set(r.rater, (counts.get(r.rater) ?? 0) + 1);
  return {
    metric,
    alpha,
    verdict: verdictOf(alpha),
    units,
    pairable,
    reviewers: raterDrift(ratings).map((d) => ({
      reviewerId: d.rater,
      ratings: counts.get(d.rater) ?? 0,
      sharedUnits: d.units,
      drift: d.drift,
      /** The drift as a share of the scale's range, comparable across criteria. */
      driftShare: d.drift === null ? null : d.drift / range,
      meanAbsDiff: d.meanAbsDiff,
    })),
  };
}

/**
 * Agreement per criterion of `card` (nominal alpha for pass/fail, interval for scales) and on the
 * total, with each reviewer's drift. A review of another version counts for a criterion only when
 * that version scored it on the same scale.
 */
export function calibrate(
  card: Scorecard,
  versions: ReadonlyMap<number, Scorecard>,
  reviews: readonly CalibrationReview[],
) {
  const criteria = card.criteria.map((c) => {
    const scale = JSON.stringify(c.scale);
    const ratings: Rating[] = [];
    for (const r of reviews) {
      const def = versions.get(r.scorecardVersion)?.criteria.find((x) => x.id === c.id);
      if (!def || JSON.stringify(def.scale) !== scale) continue;
      const item = r.items.find((i) => i.criterion === c.id);
      if (item === undefined) continue;
      ratings.push({ unit: r.handoffId, rater: r.reviewerId, value: Number(item.value) });
    }
    const pf = c.scale === 'pass_fail';
    const range = c.scale === 'pass_fail' ? 1 : c.scale.max - c.scale.min;
    return {
      criterion: c.id,
      label: c.label,
      scale: c.scale,
      ...agreement(ratings, pf ? 'nominal' : 'interval', range),
    };
  });
  const totals = reviews.map((r) => ({ unit: r.handoffId, rater: r.reviewerId, value: r.total }));
  return {
    reviews: reviews.length,
    handoffs: new Set(reviews.map((r) => r.handoffId)).size,
    criteria,
    total: agreement(totals, 'interval', 100),
  };
}
