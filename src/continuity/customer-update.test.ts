import { describe, expect, it } from 'vitest';
import { draftCustomerUpdate } from './customer-update.ts';

describe('warm customer update', () => {
  it('names the team, the owner and the reply time in the customer time zone', () => {
    const u = draftCustomerUpdate({
      customerName: 'Maria Lopez',
      teamName: 'Finance',
      ownerFirstName: 'Priya',
      replyBy: new Date('2026-11-24T11:00:00Z'),
      timezone: 'Europe/Madrid',
    });
    expect(u.replyBy).toBe('2026-11-24T11:00:00.000Z');
    expect(u.text).toContain('Hi Maria');
    expect(u.text).toContain('Finance team');
    expect(u.text).toContain('Priya');
    expect(u.text).toMatch(/12:00/);
  });
  it('falls back to UTC for an unknown zone', () => {
    const u = draftCustomerUpdate({
      customerName: 'Li',
      teamName: 'Engineering',
      replyBy: new Date('2026-11-24T11:00:00Z'),
      timezone: 'Nowhere/City',
    });
    expect(u.text).toContain('2026-11-24 11:00 UTC');
  });
});
