import { describe, expect, it } from 'vitest';
import { type CalibrationReview, calibrate, verdictOf } from './calibration.ts';
import { scorecardSchema } from './qa.types.ts';

const v1 = scorecardSchema.parse({
  name: 'Rubric',
  criteria: [
    { id: 'context', label: 'Context', scale: { min: 1, max: 5 } },
    { id: 'routed', label: 'Routed right', scale: 'pass_fail' },
  ],
});
// v2 widens the context scale: v1 ratings of context no longer compare; routed still does.
const v2 = scorecardSchema.parse({
  name: 'Rubric',
  criteria: [
    { id: 'context', label: 'Context', scale: { min: 0, max: 10 } },
    { id: 'routed', label: 'Routed right', scale: 'pass_fail' },
  ],
});

const review = (
  handoffId: string,
  reviewerId: string,
  context: number,
  routed: boolean,
  total: number,
  scorecardVersion = 1,
): CalibrationReview => ({
  handoffId,
  reviewerId,
  scorecardVersion,
  total,
  items: [
    { criterion: 'context', value: context },
    { criterion: 'routed', value: routed },
  ],
});

describe('calibrate', () => {
  const reviews = [
    review('h1', 'ana', 1, true, 50),
    review('h1', 'ben', 1, true, 50),
    review('h2', 'ana', 2, false, 60),
    review('h2', 'ben', 2, false, 60),
    review('h3', 'ana', 3, true, 70),
    review('h3', 'ben', 4, false, 80),
  ];
  const result = calibrate(v1, new Map([[1, v1]]), reviews);

  it('computes interval alpha for scales and nominal alpha for pass/fail', () => {
    const [context, routed] = result.criteria;
    expect(context).toMatchObject({ criterion: 'context', metric: 'interval', units: 3, pairable: 6 });
    expect(context!.alpha).toBeCloseTo(1 - 10 / 82, 12); // values 1,1 | 2,2 | 3,4 (see alpha.test.ts)
    expect(context!.verdict).toBe('reliable');
    // routed: 1,1 | 0,0 | 1,0 -> o_01 = o_10 = 1, n_0 = 3, n_1 = 3: 1 - 5 * 2 / (2 * 9)
    expect(routed).toMatchObject({ criterion: 'routed', metric: 'nominal' });
    expect(routed!.alpha).toBeCloseTo(1 - 10 / 18, 12);
    expect(routed!.verdict).toBe('unreliable');
    expect(result).toMatchObject({ reviews: 6, handoffs: 3 });
  });

  it("reports each reviewer's drift, in scale points and as a share of the range", () => {
    const [context] = result.criteria;
    expect(context!.reviewers).toEqual([
      {
        reviewerId: 'ana',
        ratings: 3,
        sharedUnits: 3,
        drift: -1 / 3,
        driftShare: -1 / 12,
        meanAbsDiff: 1 / 3,
      },
      { reviewerId: 'ben', ratings: 3, sharedUnits: 3, drift: 1 / 3, driftShare: 1 / 12, meanAbsDiff: 1 / 3 },
    ]);
    expect(result.total.reviewers[1]).toMatchObject({
      reviewerId: 'ben',
      drift: 10 / 3,
      driftShare: 10 / 300,
    });
  });

  it('counts a review of another version only where the criterion kept its scale', () => {
    const mixed = calibrate(
      v2,
      new Map([
        [1, v1],
        [2, v2],
      ]),
      [review('h1', 'ana', 1, true, 50, 1), review('h1', 'ben', 8, true, 90, 2)],
    );
    expect(mixed.criteria[0]).toMatchObject({ criterion: 'context', units: 0, pairable: 0, alpha: null });
    expect(mixed.criteria[1]).toMatchObject({ criterion: 'routed', units: 1, pairable: 2 });
    expect(mixed.criteria[0]!.verdict).toBe('insufficient');
  });

  it("follows Krippendorff's thresholds", () => {
    expect([0.8, 0.79, 0.667, 0.5, null].map(verdictOf)).toEqual([
      'reliable',
      'tentative',
      'tentative',
      'unreliable',
      'insufficient',
    ]);
  });
});
