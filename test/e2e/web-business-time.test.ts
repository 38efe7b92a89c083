import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoOrganisation } from '../../src/demo/organisation.ts';
import { compileCalendar } from '../../src/sla/calendar.ts';
import { elapsedMs } from '../../src/sla/deadline.ts';
import { businessMsBetween, targetMs } from '../../web/src/sla/business-time.ts';
import { clockStatus } from '../../web/src/sla/clock-status.ts';

/** The browser's countdown arithmetic agrees with the server's deadline engine. */
const calendars = [
  ...demoOrganisation.teams.map((t) => t.calendar),
  {
    timezone: 'America/New_York',
    hours: {
      mon: [
        ['09:00', '12:00'],
        ['13:00', '17:00'],
      ],
      sat: [['10:00', '24:00']],
    },
    holidays: ['2026-11-26'],
  },
  { timezone: 'Australia/Sydney', hours: '24/7', holidays: ['2026-12-25'] },
  { timezone: 'Asia/Kolkata', hours: { tue: [['00:00', '24:00']], wed: [['09:30', '18:00']] } },
] as never[];

describe('web business time', () => {
  it('matches the server engine on random spans, across DST changes and holidays', () => {
    const start = Date.parse('2026-03-01T00:00:00Z');
    const end = Date.parse('2027-01-15T00:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: calendars.length - 1 }),
        fc.integer({ min: start, max: end }),
        fc.integer({ min: 0, max: 9 * 86_400_000 }),
        (c, from, span) => {
          const cal = calendars[c]!;
          expect(businessMsBetween(cal, from, from + span)).toBe(
            elapsedMs(compileCalendar(cal), from, from + span),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads targets, and words a clock by its business time left', () => {
    const finance = demoOrganisation.teams.find((t) => t.key === 'finance')!.calendar as never;
    expect(targetMs('PT4H', finance)).toBe(4 * 3_600_000);
    expect(targetMs('PT0M', finance)).toBe(0);
    expect(targetMs('P2D', undefined)).toBe(2 * 86_400_000);
    // Monday 16:30 London, deadline Tuesday 11:00: 1 h Monday + 2 h Tuesday of finance hours left.
    const now = Date.parse('2026-11-23T16:30:00Z');
    const clock = { name: 'acknowledge', target: 'PT4H', state: 'running', deadline: '2026-11-24T11:00:00Z' };
    const s = clockStatus(clock, finance, now);
    expect(s.remainingMs).toBe(3 * 3_600_000);
    expect(s.level).toBe('ok');
    // Said as working hours: the deadline is 18 h 30 m away on the clock.
    expect(s.detail).toBe('3h 00m of working hours left');
    expect(clockStatus(clock, finance, Date.parse('2026-11-23T20:00:00Z')).detail).toBe(
      '2h 00m of working hours left · team closed now',
    );
    expect(clockStatus(clock, undefined, now).detail).toBe('18h 30m left');
    expect(clockStatus({ ...clock, deadline: '2026-11-23T17:00:00Z' }, finance, now).level).toBe('at-risk');
    expect(clockStatus({ ...clock, deadline: '2026-11-23T16:00:00Z' }, finance, now)).toMatchObject({
      level: 'breached',
      label: 'Overdue',
    });
    expect(clockStatus({ ...clock, state: 'met' }, finance, now).label).toBe('Met');
  });
});
