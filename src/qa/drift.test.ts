import { describe, expect, it } from 'vitest';
import { raterDrift } from './drift.ts';

describe('raterDrift', () => {
  it('is each rater’s mean difference from the other raters’ mean, unit by unit', () => {
    const r = (unit: string, rater: string, value: number) => ({ unit, rater, value });
    const drift = raterDrift([
      r('u1', 'ana', 5),
      r('u1', 'ben', 3),
      r('u1', 'cy', 4),
      r('u2', 'ana', 4),
      r('u2', 'ben', 2),
      r('u3', 'ben', 3),
      r('u3', 'cy', 3),
      r('u4', 'dee', 1),
    ]);
    // ana: u1 5 - 3.5 = 1.5, u2 4 - 2 = 2; ben: u1 3 - 4.5, u2 2 - 4, u3 0; cy: u1 4 - 4, u3 0
    expect(drift).toEqual([
      { rater: 'ana', units: 2, drift: 1.75, meanAbsDiff: 1.75 },
      { rater: 'ben', units: 3, drift: -3.5 / 3, meanAbsDiff: 3.5 / 3 },
      { rater: 'cy', units: 2, drift: 0, meanAbsDiff: 0 },
      { rater: 'dee', units: 0, drift: null, meanAbsDiff: null },
    ]);
  });
  it('tells an inconsistent rater (no bias, large spread) from a biased one', () => {
    const r = (unit: string, rater: string, value: number) => ({ unit, rater, value });
    const [erratic] = raterDrift([r('u1', 'a', 1), r('u1', 'b', 3), r('u2', 'a', 5), r('u2', 'b', 3)]);
    expect(erratic).toEqual({ rater: 'a', units: 2, drift: 0, meanAbsDiff: 2 });
  });
});
