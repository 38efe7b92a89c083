import { describe, expect, it } from 'vitest';
import { scorecardSchema } from './qa.types.ts';
import { scoreReview } from './scorecard.ts';

const card = scorecardSchema.parse({
  name: 'Handoff rubric',
  criteria: [
    { id: 'context', label: 'Context is complete', weight: 3, scale: { min: 1, max: 5 } },
    { id: 'tone', label: 'Warm handover to the customer', weight: 1, scale: { min: 0, max: 2 } },
    {
      id: 'no_promise',
      label: 'No promise the team cannot keep',
      weight: 2,
      scale: 'pass_fail',
      critical: true,
    },
    {
      id: 'refund_amount',
      label: 'Refund amount stated',
      scale: 'pass_fail',
      onlyForScenarios: ['billing-to-finance'],
    },
  ],
});

describe('scoreReview', () => {
  it('weights the normalized values into 0-100 with one decimal', () => {
    const r = scoreReview(card, 'billing-to-finance', [
      { criterion: 'context', value: 4 },
      { criterion: 'tone', value: 1, comment: 'a bit curt' },
      { criterion: 'no_promise', value: true },
      { criterion: 'refund_amount', value: false },
    ]);
    // (3 * 0.75 + 1 * 0.5 + 2 * 1 + 1 * 0) / 7 = 4.75 / 7 = 67.857 %
    expect(r).toEqual({
      ok: true,
      score: {
        total: 67.9,
        criticalFail: [],
        items: [
          { criterion: 'context', value: 4, normalized: 0.75, weight: 3 },
          { criterion: 'tone', value: 1, normalized: 0.5, weight: 1, comment: 'a bit curt' },
          { criterion: 'no_promise', value: true, normalized: 1, weight: 2 },
          { criterion: 'refund_amount', value: false, normalized: 0, weight: 1 },
        ],
      },
    });
  });

  it('leaves conditional criteria out on other scenarios', () => {
    const r = scoreReview(card, 'tech-to-engineering', [
      { criterion: 'context', value: 5 },
      { criterion: 'tone', value: 2 },
      { criterion: 'no_promise', value: true },
    ]);
    expect(r.ok && r.score.total).toBe(100);
  });

  it('zeroes the total on a critical fail, naming it', () => {
    const r = scoreReview(card, 'tech-to-engineering', [
      { criterion: 'context', value: 5 },
      { criterion: 'tone', value: 2 },
      { criterion: 'no_promise', value: false },
    ]);
    expect(r.ok && r.score).toMatchObject({ total: 0, criticalFail: ['no_promise'] });
  });

  it('names each criterion at fault', () => {
    const r = scoreReview(card, 'tech-to-engineering', [
      { criterion: 'context', value: 6 },
      { criterion: 'tone', value: 1.5 },
      { criterion: 'clarity', value: 3 },
      { criterion: 'no_promise', value: 1 },
      { criterion: 'refund_amount', value: true },
      { criterion: 'context', value: 3 },
    ]);
    expect(r).toEqual({
      ok: false,
      issues: [
        { criterion: 'context', field: 'scores.0.value', message: 'context: 6 is outside the scale 1 to 5' },
        { criterion: 'tone', field: 'scores.1.value', message: 'tone takes a whole number from 0 to 2' },
        { criterion: 'clarity', field: 'scores.2.criterion', message: 'unknown criterion clarity' },
        {
          criterion: 'no_promise',
          field: 'scores.3.value',
          message: 'no_promise is pass/fail: send true (pass) or false (fail)',
        },
        {
          criterion: 'refund_amount',
          field: 'scores.4.criterion',
          message: 'refund_amount applies only to billing-to-finance, not tech-to-engineering',
        },
        { criterion: 'context', field: 'scores.5.criterion', message: 'context is scored twice' },
      ],
    });
  });

  it('names each applicable criterion left unscored', () => {
    const r = scoreReview(card, 'billing-to-finance', [{ criterion: 'context', value: 3 }]);
    expect(r.ok ? [] : r.issues.map((i) => i.criterion)).toEqual(['tone', 'no_promise', 'refund_amount']);
  });

  it('refuses a review when no criterion applies to the scenario', () => {
    const only = scorecardSchema.parse({
      name: 'Billing only',
      criteria: [{ id: 'a', label: 'A', scale: 'pass_fail', onlyForScenarios: ['billing-to-finance'] }],
    });
    const r = scoreReview(only, 'voice-to-chat', []);
    expect(r).toEqual({
      ok: false,
      issues: [{ criterion: null, field: 'scorecardId', message: 'no criterion applies to voice-to-chat' }],
    });
  });
});

describe('scorecard schema', () => {
  it('refuses duplicate ids, empty scales and critical scales, naming the criterion', () => {
    const r = scorecardSchema.safeParse({
      name: 'Bad',
      criteria: [
        { id: 'a', label: 'A', scale: { min: 3, max: 3 } },
        { id: 'a', label: 'A again', scale: { min: 1, max: 5 }, critical: true },
      ],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['criteria.0.scale', 'criterion a: min must be below max'],
      ['criteria.1.id', 'duplicate criterion a'],
      ['criteria.1.critical', 'criterion a: only a pass_fail criterion can be critical'],
    ]);
  });
  it('gives each criterion a weight of 1 by default', () => {
    const c = scorecardSchema.parse({ name: 'x', criteria: [{ id: 'a', label: 'A', scale: 'pass_fail' }] });
    expect(c.criteria[0]!.weight).toBe(1);
  });
});
