import { describe, expect, it } from 'vitest';
import { mean, median, quantile, rate, round, spread } from './stats.ts';

describe('stats', () => {
  it('rates round to 4 decimals and are null over nothing', () => {
    expect(rate(1, 3)).toEqual({ count: 1, of: 3, rate: 0.3333 });
    expect(rate(0, 0)).toEqual({ count: 0, of: 0, rate: null });
    expect(round(2.345678, 2)).toBe(2.35);
  });

  it('quantiles interpolate between ranks and leave the input alone', () => {
    const values = [40, 10, 30, 20];
    expect(quantile(values, 0.5)).toBe(25);
    expect(quantile(values, 0.9)).toBe(37);
    expect(quantile(values, 0)).toBe(10);
    expect(quantile(values, 1)).toBe(40);
    expect(values).toEqual([40, 10, 30, 20]);
    expect(quantile([], 0.5)).toBeNull();
    expect(median([5])).toBe(5);
  });

  it('means and spreads', () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNull();
    expect(spread([1000, 2000, 3000])).toEqual({ count: 3, p50Ms: 2000, p90Ms: 2800 });
    expect(spread([])).toEqual({ count: 0, p50Ms: null, p90Ms: null });
  });
});
