// Statistics for before/after comparisons: a two-proportion z-test for rates, Mann-Whitney U and
// a seeded bootstrap for times and scores. Pure and deterministic (the bootstrap's seed is fixed).

import { seededRandom } from '../vocabulary/random.ts';

const Z95 = 1.959963984540054;

// Numerical Recipes' erfcc coefficients, highest power last.
const ERFC = [
  -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587,
  -0.82215223, 0.17087277,
];

/** The complementary error function (Numerical Recipes' erfcc, relative error < 1.2e-7). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  let poly = 0;
  for (let i = ERFC.length - 1; i >= 0; i--) poly = ERFC[i]! + t * poly;
  const r = t * Math.exp(-z * z + poly);
  return x >= 0 ? r : 2 - r;
}

/** P(Z <= z) for a standard normal Z. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** The two-sided p-value of a standard normal statistic. */
export function twoSidedP(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

export type ProportionTest = {
  difference: number;
  z: number;
  pValue: number;
  /** 95 % confidence interval of `after - before` (Wald, unpooled). */
  ci95: [number, number];
};

/**
 * Compares `x2/n2` (after) with `x1/n1` (before): the z statistic uses the pooled proportion, the
 * interval the unpooled standard error. Null when either side has no trials.
 */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): ProportionTest | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const difference = p2 - p1;
  const pooled = (x1 + x2) / (n1 + n2);
  const se0 = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = se0 === 0 ? 0 : difference / se0;
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  return {
    difference,
    z,
    pValue: se0 === 0 ? 1 : twoSidedP(z),
    ci95: [difference - Z95 * se, difference + Z95 * se],
  };
}

/** Average ranks (1-based) of the values, ties sharing their mean rank; also the tie sizes. */
function ranks(values: readonly number[]): { ranks: Float64Array; ties: number[] } {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Float64Array(values.length);
  const ties: number[] = [];
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const r = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) out[order[k]![1]] = r;
    if (j > i) ties.push(j - i + 1);
    i = j + 1;
  }
  return { ranks: out, ties };
}

export type MannWhitney = { u: number; z: number; pValue: number };

/**
 * Mann-Whitney U test of `after` against `before`, two-sided, with the normal approximation, a
 * tie correction and a continuity correction. `u` is the U of `after`: above n1*n2/2 means
 * `after` tends to be larger. Null when either side is empty.
 */
export function mannWhitney(before: readonly number[], after: readonly number[]): MannWhitney | null {
  const n1 = before.length;
  const n2 = after.length;
  if (n1 === 0 || n2 === 0) return null;
  const n = n1 + n2;
  const { ranks: r, ties } = ranks([...before, ...after]);
  let r2 = 0;
  for (let i = n1; i < n; i++) r2 += r[i]!;
  const u = r2 - (n2 * (n2 + 1)) / 2;
  const mu = (n1 * n2) / 2;
  const tieTerm = ties.reduce((s, t) => s + t ** 3 - t, 0);
  const variance = ((n1 * n2) / 12) * (n + 1 - (n > 1 ? tieTerm / (n * (n - 1)) : 0));
  if (variance <= 0) return { u, z: 0, pValue: 1 };
  const gap = Math.abs(u - mu);
  const z = gap <= 0.5 ? 0 : (Math.sign(u - mu) * (gap - 0.5)) / Math.sqrt(variance);
  return { u, z, pValue: twoSidedP(z) };
}

/** The k-th smallest of the first `n` entries (Hoare's quickselect; reorders them). */
function select(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

export type Statistic = 'median' | 'mean';

function statOf(a: Float64Array, n: number, statistic: Statistic): number {
  if (statistic === 'mean') {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i]!;
    return s / n;
  }
  const hiMid = select(a, n, n >> 1);
  if (n % 2 === 1) return hiMid;
  let loMid = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n >> 1; i++) if (a[i]! > loMid) loMid = a[i]!; // select left the lower half below
  return (loMid + hiMid) / 2;
}

export type BootstrapOptions = { statistic?: Statistic; resamples?: number; seed?: number };

/**
 * Percentile bootstrap 95 % interval of `statistic(after) - statistic(before)`, resampling each
 * side with replacement. Null when either side is empty.
 */
export function bootstrapDifference(
  before: readonly number[],
  after: readonly number[],
  options: BootstrapOptions = {},
): [number, number] | null {
  const { statistic = 'median', resamples = 2000, seed = 20261123 } = options;
  if (before.length === 0 || after.length === 0) return null;
  const random = seededRandom(seed);
  const a = new Float64Array(before.length);
  const b = new Float64Array(after.length);
  const diffs = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < a.length; i++) a[i] = before[Math.floor(random() * before.length)]!;
    for (let i = 0; i < b.length; i++) b[i] = after[Math.floor(random() * after.length)]!;
    diffs[r] = statOf(b, b.length, statistic) - statOf(a, a.length, statistic);
  }
  diffs.sort();
  const at = (p: number) => diffs[Math.min(resamples - 1, Math.max(0, Math.round(p * (resamples - 1))))]!;
  return [at(0.025), at(0.975)];
}

/** The statistic of a whole sample (for the point estimate beside the bootstrap interval). */
export function statistic(values: readonly number[], which: Statistic): number | null {
  if (values.length === 0) return null;
  return statOf(Float64Array.from(values), values.length, which);
}
