import { describe, expect, it } from 'vitest';
import type { CheckResult } from './quality.ts';
import {
  csatByBand,
  csatByCheck,
  csatByCriterion,
  disagreements,
  journeyScore,
  qaScoreOf,
  type RatedHandoffRow,
  satisfactionAgreement,
  separation,
  separationByReviewer,
} from './satisfaction-agreement.ts';

let n = 0;
/** A rated handoff: every check passes unless `failing` names it; `reviews` are totals with items. */
function row(
  satisfied: boolean,
  opts: {
    failing?: string[];
    na?: string[];
    reviews?: { total: number; by?: string; items?: { criterion: string; normalized: number }[] }[];
    sentAt?: string;
    /** The checks each earlier handoff of the case failed. */
    earlier?: string[][];
  } = {},
): RatedHandoffRow {
  n += 1;
  const weights = { packet_complete: 1, routed_right: 1, sla_met: 1, summary_present: 1 };
  const checksFailing = (failing: string[] = []): CheckResult[] =>
    Object.keys(weights).map((id) => ({
      id,
      result: failing.includes(id) ? 'fail' : opts.na?.includes(id) ? 'na' : 'pass',
    }));
  const checks = checksFailing(opts.failing);
  return {
    handoffId: `ho_${n}`,
    caseId: `case_${n}`,
    subject: `Case ${n}`,
    sentAt: opts.sentAt ?? `2026-11-${String(10 + (n % 15)).padStart(2, '0')}T10:00:00.000Z`,
    scenario: 'billing-to-finance',
    receivingTeam: { key: 'finance', name: 'Finance' },
    checks,
    weights,
    journey: [
      ...(opts.earlier ?? []).map((f) => ({ checks: checksFailing(f), weights })),
      { checks, weights },
    ],
    reviews: (opts.reviews ?? []).map((r) => ({
      reviewer: { id: r.by ?? 'hannah', name: r.by === 'omar' ? 'Omar' : 'Hannah' },
      total: r.total,
      items: r.items ?? [],
    })),
    rating: { rating: satisfied ? '5' : '1', satisfied, comment: null, ratedAt: '2026-11-26T10:00:00.000Z' },
  };
}

const scored = (pairs: [number, boolean][]) => pairs.map(([score, satisfied]) => ({ score, satisfied }));

describe('separation: does a score tell the satisfied from the rest', () => {
  it('calls a score that ranks every satisfied handoff above every unsatisfied one predictive', () => {
    const s = separation(
      scored([
        ...[90, 92, 95, 97, 99, 100].map((x): [number, boolean] => [x, true]),
        ...[40, 45, 50, 55, 60, 65].map((x): [number, boolean] => [x, false]),
      ]),
    );
    expect(s).toMatchObject({ satisfied: 6, unsatisfied: 6, auc: 1, verdict: 'predicts' });
    expect(s.pValue).toBeLessThan(0.05);
    expect(s.meanSatisfied).toBeCloseTo(95.5, 1);
    expect(s.meanUnsatisfied).toBeCloseTo(52.5, 1);
  });

  it('says so when the score points the wrong way', () => {
    const s = separation(
      scored([
        ...[40, 45, 50, 55, 60, 65].map((x): [number, boolean] => [x, true]),
        ...[90, 92, 95, 97, 99, 100].map((x): [number, boolean] => [x, false]),
      ]),
    );
    expect(s).toMatchObject({ auc: 0, verdict: 'contradicts' });
  });

  it('finds no evidence when both sides score alike, and gives no verdict on a handful', () => {
    const alike = separation(
      scored([
        ...[60, 70, 80, 90, 100, 75].map((x): [number, boolean] => [x, true]),
        ...[60, 70, 80, 90, 100, 75].map((x): [number, boolean] => [x, false]),
      ]),
    );
    expect(alike).toMatchObject({ auc: 0.5, verdict: 'no_evidence' });
    const few = separation(
      scored([
        ...[90, 92, 95, 97, 99, 100].map((x): [number, boolean] => [x, true]),
        ...[10, 20, 30, 40].map((x): [number, boolean] => [x, false]),
      ]),
    );
    expect(few).toMatchObject({ auc: 1, verdict: 'insufficient', unsatisfied: 4 });
    expect(separation([])).toMatchObject({ auc: null, pValue: null, verdict: 'insufficient' });
  });

  it('counts ties as half: every handoff on 100 separates nothing', () => {
    const s = separation(scored([...Array(10)].map((_, i): [number, boolean] => [100, i % 2 === 0])));
    expect(s.auc).toBe(0.5);
    expect(s.verdict).toBe('no_evidence');
  });
});

describe('CSAT by band, check and criterion', () => {
  it('puts each score in its band, 60 and 80 opening the upper ones', () => {
    const bands = csatByBand(
      scored([
        [59.9, false],
        [60, true],
        [79, false],
        [80, true],
        [100, true],
      ]),
    );
    expect(bands).toEqual([
      { band: 'below_60', from: 0, to: 60, count: 0, of: 1, rate: 0 },
      { band: '60_to_79', from: 60, to: 80, count: 1, of: 2, rate: 0.5 },
      { band: '80_and_up', from: 80, to: null, count: 2, of: 2, rate: 1 },
    ]);
  });

  it('sets CSAT where a check failed against where it passed, the costliest first, not applicable aside', () => {
    const rows = [
      row(false, { failing: ['packet_complete'] }),
      row(false, { failing: ['packet_complete'], na: ['sla_met'] }),
      row(true, { na: ['sla_met'] }),
      row(true),
      row(false, { failing: ['sla_met'] }),
      row(true, { failing: ['sla_met'] }),
    ];
    const checks = csatByCheck(rows);
    expect(checks[0]).toEqual({
      check: 'packet_complete',
      failed: { count: 0, of: 2, rate: 0 },
      passed: { count: 3, of: 4, rate: 0.75 },
      gap: -75,
    });
    const sla = checks.find((c) => c.check === 'sla_met')!;
    expect(sla.failed).toEqual({ count: 1, of: 2, rate: 0.5 });
    expect(sla.passed).toEqual({ count: 1, of: 2, rate: 0.5 });
    expect(sla.gap).toBe(0);
    // A check no row carries has no rate on either side and goes last.
    const absent = checks.find((c) => c.check === 'no_ping_pong')!;
    expect(absent.gap).toBeNull();
    expect(checks.indexOf(absent)).toBeGreaterThan(checks.indexOf(sla));
  });

  it("splits each criterion at the middle of its scale by the reviewers' mean", () => {
    const rows = [
      // Two reviewers: 0.25 and 1 make 0.625, the upper half.
      row(true, {
        reviews: [
          { total: 40, items: [{ criterion: 'tone', normalized: 0.25 }] },
          { total: 90, items: [{ criterion: 'tone', normalized: 1 }] },
        ],
      }),
      row(false, { reviews: [{ total: 30, items: [{ criterion: 'tone', normalized: 0 }] }] }),
      row(false, { reviews: [{ total: 30, items: [{ criterion: 'tone', normalized: 0.4 }] }] }),
      // Not scored on this criterion: left out of it.
      row(true, { reviews: [{ total: 80, items: [] }] }),
    ];
    const [tone, refund] = csatByCriterion(rows, [
      { id: 'tone', label: 'Tone' },
      { id: 'refund', label: 'Refund stated' },
    ]);
    expect(tone).toEqual({
      criterion: 'tone',
      label: 'Tone',
      failed: { count: 0, of: 2, rate: 0 },
      passed: { count: 1, of: 1, rate: 1 },
      gap: -100,
    });
    expect(refund!.failed.of + refund!.passed.of).toBe(0);
  });
});

describe('what QA said against what the customer said', () => {
  it("takes the reviewers' mean total when a handoff was reviewed, else its automatic quality", () => {
    expect(qaScoreOf(row(true, { reviews: [{ total: 70 }, { total: 85 }] }))).toEqual({
      score: 77.5,
      from: 'reviews',
    });
    expect(qaScoreOf(row(true, { failing: ['packet_complete'] }))).toEqual({ score: 75, from: 'automatic' });
  });

  it('lists the handoffs QA passed that the customer did not like, and the reverse, starkest first', () => {
    const passedUnhappy = row(false);
    const reviewedUnhappy = row(false, { reviews: [{ total: 85 }] });
    const failedHappy = row(true, { failing: ['packet_complete', 'routed_right', 'sla_met'] });
    const agreed = [row(true), row(false, { failing: ['packet_complete', 'routed_right'] })];
    const d = disagreements([reviewedUnhappy, failedHappy, passedUnhappy, ...agreed]);
    expect(d.qaPassedCustomerUnsatisfied.map((i) => [i.handoffId, i.qaScore, i.scoredBy])).toEqual([
      [passedUnhappy.handoffId, 100, 'automatic'],
      [reviewedUnhappy.handoffId, 85, 'reviews'],
    ]);
    expect(d.qaFailedCustomerSatisfied).toHaveLength(1);
    expect(d.qaFailedCustomerSatisfied[0]).toMatchObject({
      handoffId: failedHappy.handoffId,
      qaScore: 25,
      failedChecks: ['packet_complete', 'routed_right', 'sla_met'],
      rating: { satisfied: true },
    });
  });

  it('lists at most 20 of each', () => {
    const d = disagreements([...Array(25)].map(() => row(false)));
    expect(d.qaPassedCustomerUnsatisfied).toHaveLength(20);
  });

  it('puts it together: CSAT, the automatic score, the reviews (reviewed handoffs only)', () => {
    const rows = [
      ...[...Array(6)].map(() => row(true)),
      ...[...Array(6)].map(() => row(false, { failing: ['packet_complete', 'routed_right'] })),
      row(true, { reviews: [{ total: 90 }] }),
    ];
    const a = satisfactionAgreement(rows, null);
    expect(a.rated).toEqual({ count: 7, of: 13, rate: 0.5385 });
    expect(a.automatic).toMatchObject({ satisfied: 7, unsatisfied: 6, auc: 1, verdict: 'predicts' });
    expect(a.reviews).toMatchObject({ handoffs: 1, satisfied: 1, unsatisfied: 0, verdict: 'insufficient' });
    expect(a.reviews.criteria).toEqual([]);
    expect(a.journey).toMatchObject({ afterEarlierHandoffs: 0, auc: 1, verdict: 'predicts' });
  });
});

describe('the journey and the reviewers against CSAT', () => {
  it("scores a journey by its weakest handoff: an earlier bounce counts against the last handoff's 100", () => {
    expect(journeyScore(row(false))).toBe(100);
    expect(journeyScore(row(false, { earlier: [['routed_right', 'sla_met'], []] }))).toBe(50);
    expect(journeyScore(row(false, { failing: ['sla_met'], earlier: [['packet_complete']] }))).toBe(75);
    // A row from before journeys were read: the handoff alone.
    expect(journeyScore({ ...row(false, { failing: ['sla_met'] }), journey: [] })).toBe(75);
  });

  it('finds what the rated handoff hides: the unhappy customers were failed on an earlier handoff', () => {
    const rows = [
      ...[...Array(6)].map(() => row(true, { earlier: [[]] })),
      ...[...Array(6)].map(() => row(false, { earlier: [['routed_right', 'sla_met']] })),
    ];
    const a = satisfactionAgreement(rows, null);
    expect(a.automatic).toMatchObject({ auc: 0.5, verdict: 'no_evidence' });
    expect(a.journey).toMatchObject({
      afterEarlierHandoffs: 12,
      satisfied: 6,
      unsatisfied: 6,
      meanSatisfied: 100,
      meanUnsatisfied: 50,
      auc: 1,
      verdict: 'predicts',
    });
    expect(a.journey.bands.map((b) => [b.band, b.count, b.of])).toEqual([
      ['below_60', 0, 6],
      ['60_to_79', 0, 0],
      ['80_and_up', 6, 6],
    ]);
  });

  it('sets each reviewer’s totals against the customers, most reviews first', () => {
    const rows = [
      ...[...Array(5)].map((_, i) => row(true, { reviews: [{ total: 90 + i }, { total: 40, by: 'omar' }] })),
      ...[...Array(5)].map((_, i) => row(false, { reviews: [{ total: 50 + i }, { total: 95, by: 'omar' }] })),
      row(true, { reviews: [{ total: 80 }] }),
    ];
    const byReviewer = separationByReviewer(rows);
    expect(byReviewer.map((r) => [r.reviewer.name, r.handoffs, r.auc, r.verdict])).toEqual([
      ['Hannah', 11, 1, 'predicts'],
      ['Omar', 10, 0, 'contradicts'],
    ]);
    expect(byReviewer[1]).toMatchObject({ meanSatisfied: 40, meanUnsatisfied: 95 });
    expect(satisfactionAgreement(rows, null).reviews.reviewers).toEqual(byReviewer);
    expect(separationByReviewer([row(true)])).toEqual([]);
  });
});
