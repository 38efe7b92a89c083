import { describe, expect, it } from 'vitest';
import { counted, humanize, minutesInWords } from '../../web/src/app/format.ts';

describe('words on screen', () => {
  it('turns ids into words, keeping acronyms in capitals wherever they fall', () => {
    expect(humanize('sla_breached')).toBe('SLA breached');
    expect(humanize('qa')).toBe('QA');
    expect(humanize('missedSla')).toBe('Missed SLA');
    expect(humanize('billing-to-finance')).toBe('Billing to finance');
    expect(humanize('slack')).toBe('Slack');
  });

  it('counts with the singular for one', () => {
    expect(counted(1, 'case')).toBe('1 case');
    expect(counted(0, 'case')).toBe('0 cases');
    expect(counted(12, 'review')).toBe('12 reviews');
    expect(counted(2, 'repeat contact')).toBe('2 repeat contacts');
  });

  it('says minutes in the largest whole units', () => {
    expect(minutesInWords(15)).toBe('15 minutes');
    expect(minutesInWords(60)).toBe('1 hour');
    expect(minutesInWords(90)).toBe('1 hour 30 minutes');
    expect(minutesInWords(1440)).toBe('1 day');
    expect(minutesInWords(1800)).toBe('1 day 6 hours');
    expect(minutesInWords(10_080)).toBe('1 week');
    expect(minutesInWords(20_160)).toBe('2 weeks');
  });
});
