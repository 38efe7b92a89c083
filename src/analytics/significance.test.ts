import { describe, expect, it } from 'vitest';
import { seededRandom } from '../vocabulary/random.ts';
import {
  bootstrapDifference,
  mannWhitney,
  normalCdf,
  statistic,
  twoProportionTest,
  twoSidedP,
} from './significance.ts';
import { median } from './stats.ts';

describe('normal distribution', () => {
  it('matches tabulated values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
    expect(twoSidedP(1.959964)).toBeCloseTo(0.05, 6);
    expect(twoSidedP(-2.575829)).toBeCloseTo(0.01, 6);
    expect(twoSidedP(0)).toBe(1);
  });
});

describe('two-proportion z-test', () => {
  it('computes z, the p-value and the 95 % interval of the difference', () => {
    // 30/100 before, 20/100 after: pooled 0.25, se0 = sqrt(0.25*0.75*0.02)
    const t = twoProportionTest(30, 100, 20, 100)!;
    expect(t.difference).toBeCloseTo(-0.1, 10);
    expect(t.z).toBeCloseTo(-1.632993, 5);
    expect(t.pValue).toBeCloseTo(0.10247, 5);
    expect(t.ci95[0]).toBeCloseTo(-0.219222, 5);
    expect(t.ci95[1]).toBeCloseTo(0.019222, 5);
  });

  it('is null without trials and 1 when nothing varies', () => {
    expect(twoProportionTest(0, 0, 1, 2)).toBeNull();
    const same = twoProportionTest(0, 10, 0, 12)!;
    expect(same.pValue).toBe(1);
    expect(same.ci95).toEqual([0, 0]);
  });

  it('finds a large effect significant', () => {
    expect(twoProportionTest(380, 1000, 250, 1000)!.pValue).toBeLessThan(1e-8);
  });
});

describe('Mann-Whitney U', () => {
  it('matches the asymptotic test with continuity correction', () => {
    // scipy.stats.mannwhitneyu([1..5], [6..10], method='asymptotic') -> U of the first = 0, p = 0.01219
    const t = mannWhitney([1, 2, 3, 4, 5], [6, 7, 8, 9, 10])!;
    expect(t.u).toBe(25);
    expect(t.z).toBeCloseTo(2.506721, 5);
    expect(t.pValue).toBeCloseTo(0.012186, 5);
  });

  it('corrects for ties and handles degenerate samples', () => {
    // ranks of [1,2,2,3 | 2,3,3,4]: 1; the 2s share 3; the 3s share 6; 4 is 8. After: 3+6+6+8-10
    const t = mannWhitney([1, 2, 2, 3], [2, 3, 3, 4])!;
    expect(t.u).toBe(13);
    // variance = 16/12 * (9 - (24+24)/56)
    const sd = Math.sqrt((16 / 12) * (9 - 48 / 56));
    expect(t.z).toBeCloseTo((13 - 8 - 0.5) / sd, 10);
    expect(mannWhitney([5, 5], [5, 5])).toEqual({ u: 2, z: 0, pValue: 1 });
    expect(mannWhitney([], [1])).toBeNull();
  });
});

describe('bootstrap', () => {
  it('medians by selection agree with sorting', () => {
    const random = seededRandom(3);
    for (let n = 1; n < 40; n++) {
      const values = Array.from({ length: n }, () => Math.floor(random() * 20));
      expect(statistic(values, 'median')).toBe(median(values));
    }
    expect(statistic([1, 2, 9], 'mean')).toBe(4);
    expect(statistic([], 'mean')).toBeNull();
  });

  it('gives a deterministic interval around the true shift', () => {
    const random = seededRandom(11);
    const before = Array.from({ length: 200 }, () => 100 + random() * 50);
    const after = before.map((v) => v - 30);
    const ci = bootstrapDifference(before, after)!;
    expect(ci[0]).toBeLessThan(-30);
    expect(ci[1]).toBeGreaterThan(-30);
    expect(ci[1]).toBeLessThan(0);
    expect(bootstrapDifference(before, after)).toEqual(ci);
    expect(bootstrapDifference([4, 4], [6, 6, 6], { statistic: 'mean' })).toEqual([2, 2]);
    expect(bootstrapDifference([], [1])).toBeNull();
  });
});
