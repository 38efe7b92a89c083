import { describe, expect, it } from 'vitest';
import {
  vendorAmount,
  vendorDate,
  vendorProfile,
  vendorTier,
  withoutFutureTenure,
} from './vendor-profile.ts';

describe('customer-since dates from helpdesk fields', () => {
  it('reads ISO days, instants (their written day), Unix seconds or milliseconds, and spelled dates', () => {
    expect(vendorDate('2019-03-14')).toBe('2019-03-14');
    expect(vendorDate('2024-11-02T23:30:00-05:00')).toBe('2024-11-02');
    expect(vendorDate(1546300800)).toBe('2019-01-01');
    expect(vendorDate('1546300800')).toBe('2019-01-01');
    expect(vendorDate(1546300800000)).toBe('2019-01-01');
    expect(vendorDate('Sat, 2 Nov 2024')).toBe('2024-11-02');
    expect(vendorDate('November 2, 2024')).toBe('2024-11-02');
  });
  it('leaves out what is not a day', () => {
    for (const v of ['', '2021-02-30', 'yesterday', 'Nov 2024', 'tomorrow 2024', 0, -5, null, {}, true])
      expect(vendorDate(v), JSON.stringify(v)).toBeUndefined();
  });
});

describe('amounts from helpdesk fields', () => {
  it('reads numbers, decimal fields and formatted money', () => {
    expect(vendorAmount(12000)).toBe(12000);
    expect(vendorAmount('48000.0')).toBe(48000);
    expect(vendorAmount('12,500')).toBe(12500);
    expect(vendorAmount('$48,000.00')).toBe(48000);
    expect(vendorAmount('EUR 12 500')).toBe(12500);
    expect(vendorAmount('48 000 €')).toBe(48000);
    expect(vendorAmount('1.234.567,89')).toBe(1234567.89);
    expect(vendorAmount('12,5')).toBe(12.5);
  });
  it('leaves out negative, unreadable or ambiguous amounts', () => {
    for (const v of [
      '-5',
      -1,
      'n/a',
      '',
      '1e5',
      '12,50,000',
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '1.2.3,4,5',
    ])
      expect(vendorAmount(v), String(v)).toBeUndefined();
  });
});

describe('tiers and whole profiles', () => {
  it('reads a plan by name, lower case', () => {
    expect(vendorTier(' Gold ')).toBe('gold');
    expect(vendorTier({ type: 'plan', id: '7', name: 'Enterprise' })).toBe('enterprise');
    expect(vendorTier('')).toBeUndefined();
    expect(vendorTier(42)).toBeUndefined();
  });
  it('takes each field from the first source that has a readable value', () => {
    expect(
      vendorProfile(
        { customerSince: 'not a date', annualValue: '', tier: 'Gold' },
        { customerSince: '2020-05-01', annualValue: '30,000', tier: 'silver' },
      ),
    ).toEqual({ customerSince: '2020-05-01', annualValue: 30000, tier: 'gold' });
    expect(vendorProfile({}, { tier: '  ' })).toEqual({});
  });
  it('drops a customer-since date after today', () => {
    expect(withoutFutureTenure({ customerSince: '2027-01-01', tier: 'gold' }, '2026-11-23')).toEqual({
      tier: 'gold',
    });
    expect(withoutFutureTenure({ customerSince: '2026-11-23' }, '2026-11-23')).toEqual({
      customerSince: '2026-11-23',
    });
  });
});
