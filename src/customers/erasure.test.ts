import { describe, expect, it } from 'vitest';
import { confirmsErasure, erasedCustomer, erasedPacket, erasedReview, erasedScores } from './erasure.ts';

describe('what erasing a customer changes', () => {
  it('confirms only with the external id or the name, exactly, spaces around aside', () => {
    const c = { externalId: 'cust-7', name: 'Ada Lovelace' };
    expect(confirmsErasure(c, ' cust-7 ')).toBe(true);
    expect(confirmsErasure(c, 'Ada Lovelace')).toBe(true);
    expect(confirmsErasure(c, 'ada lovelace')).toBe(false);
    expect(confirmsErasure(c, 'cust')).toBe(false);
    expect(confirmsErasure(c, '   ')).toBe(false);
  });

  it("erases a packet's words and keeps its codes", () => {
    expect(
      erasedPacket({
        whatHappened: 'Ada was charged twice',
        attempted: ['Called Ada'],
        emotion: 'angry',
        urgency: 'high',
        documents: { required: ['invoice'], onFile: [] },
        nextSteps: [],
        summary: 'x',
        accountNumber: '12-34',
      }),
    ).toEqual({
      whatHappened: '[erased]',
      attempted: ['[erased]'],
      emotion: 'angry',
      urgency: 'high',
      documents: { required: ['invoice'], onFile: [] },
      nextSteps: [],
      summary: '[erased]',
      accountNumber: '[erased]',
    });
  });

  it('erases what a stored review quotes of the given cases, not of others', () => {
    const review = {
      week: '2026-W48',
      notable: [
        { caseId: 'cs_1', subject: 'Ada refund', customer: 'Ada', score: 3 },
        { caseId: 'cs_2', subject: 'Bo boiler', customer: 'Bo' },
      ],
      clusters: [{ items: [{ id: 'cs_1', subject: 'Ada refund' }] }],
    };
    expect(erasedReview(review, new Set(['cs_1']))).toEqual({
      week: '2026-W48',
      notable: [
        { caseId: 'cs_1', subject: '[erased]', customer: '[erased]', score: 3 },
        { caseId: 'cs_2', subject: 'Bo boiler', customer: 'Bo' },
      ],
      clusters: [{ items: [{ id: 'cs_1', subject: '[erased]' }] }],
    });
  });

  it("erases a review's comments on each criterion and keeps the scores", () => {
    expect(
      erasedScores([
        { criterion: 'context', value: 4, comment: 'Ada was upset' },
        { criterion: 'routing', value: true },
      ]),
    ).toEqual([
      { criterion: 'context', value: 4, comment: '[erased]' },
      { criterion: 'routing', value: true },
    ]);
  });

  it('leaves a customer row nothing that says who they were', () => {
    expect(erasedCustomer('cu_1')).toMatchObject({
      name: '[erased]',
      externalId: 'erased:cu_1',
      email: null,
      tier: null,
    });
  });
});
