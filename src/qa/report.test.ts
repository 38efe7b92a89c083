import { describe, expect, it } from 'vitest';
import { type CheckResult, defaultCheckWeights } from './quality.ts';
import { isoWeek, periodOf, qualityReport, type ReportRow, reportTable } from './report.ts';

const checks = (fails: string[]): CheckResult[] =>
  ['packet_complete', 'routed_right', 'sla_met', 'summary_present'].map((id) => ({
    id,
    result: fails.includes(id) ? 'fail' : 'pass',
  }));
const grace = { id: 'p_grace', name: 'Liu, Grace' };
const row = (over: Partial<ReportRow>): ReportRow => ({
  handoffId: 'h',
  sentAt: '2026-11-23T10:00:00.000Z',
  scenario: 'billing-to-finance',
  agent: grace,
  team: { key: 'support', name: 'Support' },
  receivingTeam: { key: 'finance', name: 'Finance' },
  checks: checks([]),
  weights: defaultCheckWeights,
  reviewTotals: [],
  ...over,
});

describe('isoWeek', () => {
  it.each([
    ['2026-11-23T10:00:00Z', '2026-W48'],
    ['2026-01-01T00:00:00Z', '2026-W01'], // a Thursday
    ['2027-01-01T12:00:00Z', '2026-W53'], // a Friday: still the last week of 2026
    ['2024-12-30T00:00:00Z', '2025-W01'], // a Monday in week 1 of the next year
    ['2026-11-29T23:59:59Z', '2026-W48'], // Sunday ends the week
  ])('%s is %s', (at, week) => expect(isoWeek(at)).toBe(week));
});

describe('periodOf', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  it('defaults to the 28 days before now', () => {
    expect(periodOf(undefined, undefined, now)).toEqual({ from: new Date('2026-11-02T12:00:00Z'), to: now });
  });
  it('includes the whole day of a bare `to` date', () => {
    expect(periodOf('2026-11-01', '2026-11-30', now)).toEqual({
      from: new Date('2026-11-01T00:00:00Z'),
      to: new Date('2026-12-01T00:00:00Z'),
    });
  });
});

describe('qualityReport', () => {
  const rows = [
    row({ handoffId: 'a', checks: checks(['routed_right']), reviewTotals: [40, 60] }),
    row({
      handoffId: 'b',
      checks: checks(['routed_right', 'summary_present']),
      sentAt: '2026-11-30T09:00:00Z',
    }),
    row({ handoffId: 'c', agent: null, scenario: 'voice-to-chat' }),
  ];
  // weights 3, 3, 2, 1 = 9: a scores 67 (loses 3/9), b 56 (loses 4/9), c 100
  it('groups by agent, averaging scores and counting each check', () => {
    const r = qualityReport(rows, 'agent');
    expect(r.groups.map((g) => [g.key, g.label, g.handoffs, g.averageScore])).toEqual([
      ['-', '(no sending person)', 1, 100],
      ['p_grace', 'Liu, Grace', 2, 61.5],
    ]);
    expect(r.groups[1]!.checks.routed_right).toEqual({ pass: 0, fail: 2, na: 0 });
    expect(r.groups[1]!.reviews).toEqual({ count: 2, averageTotal: 50 });
    expect(r.overall).toMatchObject({ handoffs: 3, averageScore: 74.3 });
  });
  it('ranks the failing checks by the points they cost', () => {
    expect(qualityReport(rows, 'scenario').overall.costliest).toEqual([
      { check: 'routed_right', failures: 2, pointsLost: 66.7, perHandoff: 22.2, share: 85.7 },
      { check: 'summary_present', failures: 1, pointsLost: 11.1, perHandoff: 3.7, share: 14.3 },
    ]);
  });
  it('follows the scenario weights', () => {
    const r = qualityReport(
      [row({ checks: checks(['routed_right']), weights: { routed_right: 0 } })],
      'week',
    );
    expect(r.groups).toMatchObject([{ key: '2026-W48', averageScore: 100, costliest: [] }]);
  });
  it('groups by ISO week and by team', () => {
    expect(qualityReport(rows, 'week').groups.map((g) => [g.key, g.handoffs])).toEqual([
      ['2026-W48', 2],
      ['2026-W49', 1],
    ]);
    expect(qualityReport(rows, 'receiving_team').groups.map((g) => g.key)).toEqual(['finance']);
    expect(qualityReport(rows, 'team').groups.map((g) => g.key)).toEqual(['support']);
  });
  it('tabulates one CSV line per group and one for all', () => {
    const t = reportTable(qualityReport(rows, 'agent'));
    expect(t.header.slice(0, 8)).toEqual([
      'by',
      'key',
      'label',
      'handoffs',
      'average_score',
      'reviews',
      'average_review_total',
      'costliest_check',
    ]);
    expect(t.header).toContain('routed_right_points_lost');
    expect(t.rows.map((r) => r.slice(0, 8))).toEqual([
      ['agent', '-', '(no sending person)', 1, 100, 0, null, ''],
      ['agent', 'p_grace', 'Liu, Grace', 2, 61.5, 2, 50, 'routed_right'],
      ['agent', '*', '(all)', 3, 74.3, 2, 50, 'routed_right'],
    ]);
    const i = t.header.indexOf('routed_right_fail');
    expect(t.rows[1]![i]).toBe(2);
    expect(t.rows[1]![i + 1]).toBe(66.7);
  });
});
