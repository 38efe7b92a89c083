import { type Rating, unitsOf } from './alpha.ts';

export type RaterDrift = {
  rater: string;
  /** Units this rater rated that at least one other rater rated too. */
  units: number;
  /** Mean of (own value - mean of the other raters' values) over those units: + is lenient, - strict. */
  drift: number | null;
  /** Mean absolute difference from the others: large with a small drift means inconsistent, not biased. */
  meanAbsDiff: number | null;
};

/** Each rater's drift from the group, unit by unit, over the units they share with others. */
export function raterDrift(ratings: readonly Rating[]): RaterDrift[] {
  const units = unitsOf(ratings);
  const diffs = new Map<string, number[]>();
  for (const r of new Set(ratings.map((x) => x.rater))) diffs.set(r, []);
  for (const raters of units.values()) {
    if (raters.size < 2) continue;
    const sum = [...raters.values()].reduce((a, b) => a + b, 0);
    for (const [rater, value] of raters) {
      const othersMean = (sum - value) / (raters.size - 1);
      diffs.get(rater)!.push(value - othersMean);
    }
  }
  return [...diffs.entries()]
    .map(([rater, d]) => ({
      rater,
      units: d.length,
      drift: d.length ? d.reduce((a, b) => a + b, 0) / d.length : null,
      meanAbsDiff: d.length ? d.reduce((a, b) => a + Math.abs(b), 0) / d.length : null,
    }))
    .sort((a, b) => a.rater.localeCompare(b.rater));
}
