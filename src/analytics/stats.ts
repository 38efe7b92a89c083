/** A share: `count` of `of`, the rate rounded to 4 decimals (null when `of` is 0). */
export type Rate = { count: number; of: number; rate: number | null };

/** p50 and p90 of a sample of milliseconds (null without values). */
export type Spread = { count: number; p50Ms: number | null; p90Ms: number | null };

export function round(value: number, digits = 4): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export function rate(count: number, of: number): Rate {
  return { count, of, rate: of === 0 ? null : round(count / of) };
}

/** The p-quantile (0..1), linear between closest ranks; null for no values. Does not modify `values`. */
export function quantile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** p50 and p90, rounded to whole milliseconds. */
export function spread(values: readonly number[]): Spread {
  const p50 = quantile(values, 0.5);
  const p90 = quantile(values, 0.9);
  return {
    count: values.length,
    p50Ms: p50 === null ? null : Math.round(p50),
    p90Ms: p90 === null ? null : Math.round(p90),
  };
}
