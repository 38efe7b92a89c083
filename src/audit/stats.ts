import type { Rate } from './audit.types.ts';

/** `count` of `of`, with the rate rounded to 4 decimals (null when `of` is 0). */
export function rate(count: number, of: number): Rate {
  return { count, of, rate: of === 0 ? null : round(count / of, 4) };
}

export function ratio(count: number, of: number): number | null {
  return of === 0 ? null : round(count / of, 4);
}

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** The p-quantile (0..1) of the values, linear between ranks; null for no values. Sorts in place. */
export function quantile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const at = (values.length - 1) * p;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return values[low] + (values[high] - values[low]) * (at - low);
}

export const MINUTE = 60_000;
export const HOUR = 3_600_000;

/** A quantile of millisecond values, in the given unit, rounded to 2 decimals. */
export function quantileIn(values: number[], p: number, unit: number): number | null {
  const q = quantile(values, p);
  return q === null ? null : round(q / unit, 2);
}

/** A percentage for plain-words text: `38%`, `0.4%`, `n/a`. */
export function percent(value: number | null): string {
  if (value === null) return 'n/a';
  const pct = value * 100;
  return `${pct >= 10 || pct === 0 ? Math.round(pct) : round(pct, 1)}%`;
}

/** A duration in plain words from hours: `35 min`, `5.2 h`, `3.1 days`. */
export function duration(hours: number | null, unitOf: number | null = hours): string {
  if (hours === null) return 'n/a';
  // The unit follows `unitOf`: two durations side by side read in one ("2.9 days, against 2.0 days").
  const scale = unitOf ?? hours;
  if (scale < 1) return `${count(Math.round(hours * 60))} min`;
  if (scale < 48) return `${count(round(hours, 1))} h`;
  return `${count(round(hours / 24, 1))} days`;
}

/** A count or a measure as people read it: thousands grouped, at most one decimal ("11,839"). */
export const count = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });
