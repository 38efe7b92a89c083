import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scorecardSchema } from '../../src/qa/qa.types.ts';
import { scoreReview } from '../../src/qa/scorecard.ts';
import { previewTotal, reviewBody } from '../../web/src/qa/review-draft.ts';
import { draftOf, fieldAt, idFromLabel, scorecardOf } from '../../web/src/qa/scorecard-draft.ts';

/** The review form's pure rules: the previewed total is the server's, and editor drafts round-trip. */
const card = scorecardSchema.parse({
  name: 'Handoff quality',
  criteria: [
    { id: 'context', label: 'Context complete', scale: { min: 1, max: 5 } },
    { id: 'right_team', label: 'Right team', weight: 2, scale: 'pass_fail', critical: true },
    {
      id: 'refund',
      label: 'Refund stated',
      scale: { min: 1, max: 3 },
      onlyForScenarios: ['billing-to-finance'],
    },
  ],
});

describe('review form', () => {
  it('previews 93.8 for 4/5, pass, 3/3 (weights 1, 2, 1), 0 on a critical fail, nothing while incomplete', () => {
    const d = { values: { context: 4, right_team: true, refund: 3 }, notes: {}, comment: '' };
    expect(previewTotal(card, 'billing-to-finance', d).total).toBe(93.8);
    expect(
      previewTotal(card, 'billing-to-finance', { ...d, values: { ...d.values, right_team: false } }),
    ).toEqual({
      total: 0,
      missing: [],
      criticalFail: ['right_team'],
    });
    expect(previewTotal(card, 'billing-to-finance', { ...d, values: { context: 4 } })).toMatchObject({
      total: null,
      missing: ['right_team', 'refund'],
    });
    // The conditional criterion does not apply to another scenario.
    expect(
      previewTotal(card, 'tech-to-engineering', { ...d, values: { context: 5, right_team: true } }).total,
    ).toBe(100);
  });

  it('previews exactly the total the server computes, for any scores on the scale', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom('billing-to-finance', 'tech-to-engineering'),
        fc.string({ maxLength: 5 }),
        (context, right, refund, scenario, note) => {
          const d = {
            values: { context, right_team: right, refund },
            notes: { context: note },
            comment: ' ',
          };
          const body = reviewBody({ ...card, id: 'qsc_1' }, 'ho_1', scenario, d);
          const server = scoreReview(card, scenario, body.scores);
          expect(server.ok).toBe(true);
          if (server.ok) expect(previewTotal(card, scenario, d).total).toBe(server.score.total);
          expect(body.comment).toBeUndefined();
          expect(body.scores.some((s) => s.criterion === 'refund')).toBe(scenario === 'billing-to-finance');
        },
      ),
    );
  });
});

describe('scorecard editor', () => {
  it('turns a saved scorecard into a draft and back unchanged', () => {
    expect(scorecardSchema.parse(scorecardOf(draftOf(card)))).toEqual(card);
  });

  it('derives ids from labels and finds the criterion of a server error', () => {
    expect(idFromLabel('  Right team chosen!')).toBe('right_team_chosen');
    expect(idFromLabel('Überprüfung')).toBe('uberprufung');
    expect(fieldAt('criteria.2.scale')).toEqual({ index: 2, field: 'scale' });
    expect(fieldAt('name')).toBeNull();
  });
});
