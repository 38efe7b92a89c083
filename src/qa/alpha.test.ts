import { describe, expect, it } from 'vitest';
import { alphaOfRatings, krippendorffAlpha, unitsOf } from './alpha.ts';

/** Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units, gaps. */
const M = null;
const observers = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, M, M, M],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, M, 3],
  [M, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, M],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, M],
];
const textbookUnits = observers[0]!.map((_, u) =>
  observers.map((o) => o[u]).filter((v): v is number => v !== null),
);

describe("Krippendorff's alpha against the textbook", () => {
  it('section C, nominal: 0.743 (unit 12, rated once, is not pairable)', () => {
    const r = krippendorffAlpha(textbookUnits, 'nominal');
    expect(r.alpha).toBeCloseTo(0.743, 3);
    expect(r).toMatchObject({ units: 11, pairable: 40 });
  });
  it('section C, interval: 0.849', () => {
    expect(krippendorffAlpha(textbookUnits, 'interval').alpha).toBeCloseTo(0.849, 3);
  });
  it('section A, binary data, two observers: 0.095', () => {
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    // o_01 = 4, n_0 = 14, n_1 = 6, n = 20: 1 - 19 * 4 / (14 * 6) = 0.0952
    expect(
      krippendorffAlpha(
        a.map((x, i) => [x, b[i]!]),
        'nominal',
      ).alpha,
    ).toBeCloseTo(1 - 76 / 84, 12);
  });
  it('section B, nominal data, two observers: 0.692', () => {
    const code = (s: string) => s.split('').map((ch) => 'abcde'.indexOf(ch));
    const a = code('aabbdcccedda');
    const b = code('babbbccceddd');
    expect(
      krippendorffAlpha(
        a.map((x, i) => [x, b[i]!]),
        'nominal',
      ).alpha,
    ).toBeCloseTo(0.692, 3);
  });
});

describe("Krippendorff's alpha by hand", () => {
  it('interval, two raters, one disagreement of 1: 1 - 5 * 2 / 82', () => {
    // values 1,1 | 2,2 | 3,4: observed sum 2; expected sum over ordered pairs 2 * 41 = 82; n = 6
    const r = krippendorffAlpha(
      [
        [1, 1],
        [2, 2],
        [3, 4],
      ],
      'interval',
    );
    expect(r.alpha).toBeCloseTo(1 - 10 / 82, 12);
    expect(r.observed).toBeCloseTo(2 / 6, 12);
    expect(r.expected).toBeCloseTo(82 / 30, 12);
  });
  it('is 1 on perfect agreement, and below 0 on systematic disagreement', () => {
    expect(
      krippendorffAlpha(
        [
          [1, 1],
          [0, 0],
          [1, 1, 1],
        ],
        'nominal',
      ).alpha,
    ).toBe(1);
    expect(
      krippendorffAlpha(
        [
          [0, 1],
          [1, 0],
        ],
        'nominal',
      ).alpha,
    ).toBeLessThan(0);
  });
  it('is null with no variation or fewer than two pairable values', () => {
    expect(
      krippendorffAlpha(
        [
          [3, 3],
          [3, 3],
        ],
        'interval',
      ).alpha,
    ).toBeNull();
    expect(krippendorffAlpha([[3], [4]], 'interval')).toMatchObject({ alpha: null, units: 0, pairable: 0 });
    expect(krippendorffAlpha([], 'nominal').alpha).toBeNull();
  });
});

describe('ratings to units', () => {
  it('groups by unit, averaging a rater who rated a unit twice', () => {
    const u = unitsOf([
      { unit: 'h1', rater: 'a', value: 2 },
      { unit: 'h1', rater: 'a', value: 4 },
      { unit: 'h1', rater: 'b', value: 3 },
    ]);
    expect([...u.get('h1')!]).toEqual([
      ['a', 3],
      ['b', 3],
    ]);
    expect(
      alphaOfRatings(
        [
          { unit: 'h1', rater: 'a', value: 1 },
          { unit: 'h1', rater: 'b', value: 1 },
          { unit: 'h2', rater: 'a', value: 0 },
          { unit: 'h2', rater: 'b', value: 0 },
        ],
        'nominal',
      ).alpha,
    ).toBe(1);
  });
});
