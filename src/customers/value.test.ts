import { describe, expect, it } from 'vitest';
import { defaultRiskSettings } from './customers.types.ts';
import { highValue, riskCrossing, tenureMonths } from './value.ts';

describe('customer value and tenure', () => {
  it('counts whole months of tenure', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    expect(tenureMonths('2021-11-23', now)).toBe(60);
    expect(tenureMonths('2021-11-24', now)).toBe(59);
    expect(tenureMonths('2026-11-01', now)).toBe(0);
    expect(tenureMonths(null, now)).toBeNull();
  });

  it('is high value by amount or by tier, per the organisation', () => {
    const s = { ...defaultRiskSettings, highValueTiers: ['enterprise'] };
    expect(highValue({ annualValue: 12_000, tier: null }, s)).toEqual({ detail: '12,000 a year' });
    expect(highValue({ annualValue: 9_999, tier: null }, s)).toBeNull();
    expect(highValue({ annualValue: null, tier: 'Enterprise' }, s)).toEqual({ detail: 'Enterprise tier' });
    expect(highValue({ annualValue: 50_000, tier: null }, { ...s, highValueMinAnnual: null })).toBeNull();
  });

  it('pages on the way up only, and re-arms after falling back', () => {
    expect(riskCrossing(false, 65, 60)).toEqual({ above: true, changed: true, crossedUp: true });
    expect(riskCrossing(true, 80, 60)).toEqual({ above: true, changed: false, crossedUp: false });
    expect(riskCrossing(true, 40, 60)).toEqual({ above: false, changed: true, crossedUp: false });
    expect(riskCrossing(false, 59, 60).changed).toBe(false);
  });
});
