import { describe, expect, it } from 'vitest';
import { comparePeriods, compareRate, compareSample, verdictOf } from './compare.ts';
import { deriveViews } from './derive.ts';
import { at, knownWeek } from './fixtures.ts';
import { computeMetrics } from './metrics.ts';
import { rate } from './stats.ts';

describe('verdicts', () => {
  it('speaks of improvement only when significant and in the good direction', () => {
    expect(verdictOf(-0.1, 0.01, 'lower')).toBe('improved');
    expect(verdictOf(-0.1, 0.01, 'higher')).toBe('worsened');
    expect(verdictOf(0.2, 0.04, 'higher')).toBe('improved');
    expect(verdictOf(0.2, 0.2, 'higher')).toBe('no clear change');
    expect(verdictOf(null, null, 'lower')).toBe('not enough data');
  });
});

describe('comparing a rate', () => {
  it("reports the seed's kind of result with its confidence", () => {
    // repeat contacts 30 % -> 20.7 % (the seed's "dropped 31 %") on 1,000 cases each
    const r = compareRate('repeatContact', 'lower', rate(300, 1000), rate(207, 1000));
    expect(r.change).toBe(-0.093);
    expect(r.relativeChange).toBe(-0.31);
    expect(r.pValue).toBeLessThan(0.0001);
    expect(r.ci95![0]).toBeLessThan(-0.093);
    expect(r.ci95![1]).toBeGreaterThan(-0.093);
    expect(r.ci95![1]).toBeLessThan(0);
    expect(r.verdict).toBe('improved');
  });

  it('says so when a side is empty', () => {
    const r = compareRate('bounce', 'lower', rate(0, 0), rate(1, 4));
    expect(r).toMatchObject({ change: null, pValue: null, ci95: null, verdict: 'not enough data' });
  });
});

describe('comparing times', () => {
  it('tests medians with Mann-Whitney and a bootstrap interval', () => {
    const before = [10, 12, 14, 16, 18, 20, 22, 24, 26, 28];
    const after = before.map((v) => v - 8);
    const t = compareSample('pickup.calendar', 'lower', 'median', before, after);
    expect(t.before).toEqual({ count: 10, value: 19 });
    expect(t.after).toEqual({ count: 10, value: 11 });
    expect(t.change).toBe(-8);
    expect(t.pValue).toBeLessThan(0.05);
    expect(t.ci95![0]).toBeLessThanOrEqual(-8);
    expect(t.ci95![1]).toBeLessThanOrEqual(0);
    expect(t.verdict).toBe('improved');
  });
});

describe('comparing two periods', () => {
  it('compares every figure of two weeks', () => {
    const views = deriveViews(knownWeek().facts);
    const before = computeMetrics(views, {
      from: at('2026-10-26T00:00:00Z'),
      to: at('2026-11-02T00:00:00Z'),
    });
    const after = computeMetrics(views, { from: at('2026-11-02T00:00:00Z'), to: at('2026-11-09T00:00:00Z') });
    const c = comparePeriods(before, after);
    expect(c.before.cases).toBe(1);
    expect(c.after.cases).toBe(5);
    expect(c.rates.map((r) => r.figure)).toContain('lostEscalations');
    const escalation = c.rates.find((r) => r.figure === 'escalation')!;
    expect(escalation.before).toEqual({ count: 1, of: 1, rate: 1 }); // c0 was escalated, later
    expect(escalation.after).toEqual({ count: 3, of: 5, rate: 0.6 });
    expect(c.times.find((t) => t.figure === 'pickup.calendar')!.verdict).toBe('not enough data');
  });
});
