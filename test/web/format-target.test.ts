import { describe, expect, it } from 'vitest';
import { formatTarget } from '../../web/src/sla/business-time.ts';

describe('an SLA target as people say it', () => {
  it('reads the ISO 8601 durations scenarios declare', () => {
    expect(formatTarget('PT4H')).toBe('4 business hours');
    expect(formatTarget('PT1H')).toBe('1 business hour');
    expect(formatTarget('P2D')).toBe('2 business days');
    expect(formatTarget('P1D')).toBe('1 business day');
    expect(formatTarget('PT1H30M')).toBe('1 business hour 30 min');
    expect(formatTarget('PT45M')).toBe('45 business minutes');
    expect(formatTarget('P1DT4H')).toBe('1 business day 4 h');
    expect(formatTarget('P1W')).toBe('7 business days');
  });

  it('says plain hours round the clock', () => {
    expect(formatTarget('PT4H', false)).toBe('4 hours');
    expect(formatTarget('P1D', false)).toBe('1 day');
  });

  it('says a zero target, which breaches as the clock starts, is at once', () => {
    for (const zero of ['PT0M', 'P0D', 'PT0S', 'P0DT0H']) expect(formatTarget(zero)).toBe('at once');
  });

  it('shows a form it does not know as written, never a wrong figure', () => {
    for (const odd of ['P', 'PT', 'P1Y', 'PT1.5H', '4h', '']) expect(formatTarget(odd)).toBe(odd);
  });
});
