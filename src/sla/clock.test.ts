import { describe, expect, it } from 'vitest';
import { compileCalendar } from './calendar.ts';
import { dueAtPercent, pauseClock, resumeClock, startClock, usedShare } from './clock.ts';

const berlin = compileCalendar({
  timezone: 'Europe/Berlin',
  hours: {
    mon: [['09:00', '17:00']],
    tue: [['09:00', '17:00']],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [['09:00', '17:00']],
  },
  holidays: ['2026-12-25'],
});
const at = (s: string) => Date.parse(s);

describe('SLA clock', () => {
  it('starts with the contract deadline', () => {
    const c = startClock(berlin, 'PT4H', at('2026-11-23T15:00:00Z')); // Mon 16:00 Berlin
    expect(new Date(c.deadline!).toISOString()).toBe('2026-11-24T11:00:00.000Z'); // Tue 12:00 Berlin
    expect(c.budgetMs).toBe(4 * 3_600_000);
  });
  it('pauses and resumes, pushing the deadline by the paused business time', () => {
    const c0 = startClock(berlin, 'PT4H', at('2026-11-23T08:00:00Z')); // Mon 09:00
    const paused = pauseClock(berlin, c0, at('2026-11-23T09:00:00Z')); // 1 h used
    expect(paused.deadline).toBeNull();
    expect(paused.consumedMs).toBe(3_600_000);
    const resumed = resumeClock(berlin, paused, at('2026-11-23T15:00:00Z')); // Mon 16:00: 1 h today, 2 h Tue
    expect(new Date(resumed.deadline!).toISOString()).toBe('2026-11-24T10:00:00.000Z');
  });
  it('puts ladder rungs at shares of the budget', () => {
    const c = startClock(berlin, 'PT4H', at('2026-11-23T08:00:00Z'));
    expect(new Date(dueAtPercent(berlin, c, 75)!).toISOString()).toBe('2026-11-23T11:00:00.000Z');
    expect(new Date(dueAtPercent(berlin, c, 150)!).toISOString()).toBe('2026-11-23T14:00:00.000Z');
    expect(usedShare(berlin, c, at('2026-11-23T10:00:00Z'))).toBe(0.5);
  });
  it('fires a PT0M clock at once', () => {
    const c = startClock(berlin, 'PT0M', at('2026-11-22T12:00:00Z')); // Sunday
    expect(c.deadline).toBe(at('2026-11-22T12:00:00Z'));
    expect(usedShare(berlin, c, at('2026-11-22T12:00:00Z'))).toBe(1);
  });
});
