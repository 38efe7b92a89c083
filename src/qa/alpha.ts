/**
 * Krippendorff's alpha (K. Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011):
 * agreement among any number of raters, with missing ratings, for nominal or interval values.
 *
 *   alpha = 1 - D_o / D_e = 1 - (n - 1) * sum_ck o_ck d2(c, k) / sum_ck n_c n_k d2(c, k)
 *
 * where o_ck is the coincidence matrix (each ordered pair of values within a unit that holds
 * m_u >= 2 values counts 1 / (m_u - 1)), n_c its marginals and n the number of pairable values.
 */
export type AlphaMetric = 'nominal' | 'interval';

export type AlphaResult = {
  /** null when it cannot be computed: fewer than two pairable values, or no variation at all. */
  alpha: number | null;
  /** Units holding at least two values. */
  units: number;
  /** Values in those units (n). */
  pairable: number;
  /** Observed and expected disagreement. */
  observed: number;
  expected: number;
};

const distance: Record<AlphaMetric, (a: number, b: number) => number> = {
  nominal: (a, b) => (a === b ? 0 : 1),
  interval: (a, b) => (a - b) ** 2,
};

/** `units`: the values each unit received, one per rater who rated it (missing ratings left out). */
export function krippendorffAlpha(units: readonly (readonly number[])[], metric: AlphaMetric): AlphaResult {
  const d2 = distance[metric];
  const pairableUnits = units.filter((u) => u.length >= 2);
  const counts = new Map<number, number>();
  let n = 0;
  let observedSum = 0;
  for (const u of pairableUnits) {
    n += u.length;
    for (const v of u) counts.set(v, (counts.get(v) ?? 0) + 1);
    let within = 0;
    for (let i = 0; i < u.length; i++)
      for (let j = 0; j < u.length; j++) if (i !== j) within += d2(u[i]!, u[j]!);
    observedSum += within / (u.length - 1);
  }
  const values = [...counts.entries()];
  let expectedSum = 0;
  for (const [c, nc] of values) for (const [k, nk] of values) expectedSum += nc * nk * d2(c, k);
  const observed = n > 0 ? observedSum / n : 0;
  const expected = n > 1 ? expectedSum / (n * (n - 1)) : 0;
  const alpha = n < 2 || expectedSum === 0 ? null : 1 - ((n - 1) * observedSum) / expectedSum;
  return { alpha, units: pairableUnits.length, pairable: n, observed, expected };
}

/** One rating: a rater's value for a unit. */
export type Rating = { unit: string; rater: string; value: number };

/** Groups ratings into units, a rater's repeated ratings of one unit averaged into one value. */
export function unitsOf(ratings: readonly Rating[]): Map<string, Map<string, number>> {
  const acc = new Map<string, Map<string, number[]>>();
  for (const r of ratings) {
    const unit = acc.get(r.unit) ?? new Map<string, number[]>();
    acc.set(r.unit, unit);
    unit.set(r.rater, [...(unit.get(r.rater) ?? []), r.value]);
  }
  const out = new Map<string, Map<string, number>>();
  for (const [u, raters] of acc)
    out.set(u, new Map([...raters].map(([r, vs]) => [r, vs.reduce((a, b) => a + b, 0) / vs.length])));
  return out;
}

export const alphaOfRatings = (ratings: readonly Rating[], metric: AlphaMetric) =>
  krippendorffAlpha(
    [...unitsOf(ratings).values()].map((raters) => [...raters.values()]),
    metric,
  );
