import { describe, expect, it } from 'vitest';
import { compileCalendar } from './calendar.ts';
import { pauseClock, startClock } from './clock.ts';
import { nextRung, rungsOf } from './ladder.ts';

const utc = compileCalendar({ timezone: 'UTC', hours: '24/7' });
const at = (s: string) => Date.parse(s);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
// Written out of order on purpose, with a rung for another clock.
const ladder = [
  { at: 150, action: 'page_supervisor' },
  { at: 75, action: 'warn_owner' },
  { at: 100, action: 'notify_lead', clock: 'resolve' },
  { at: 75, action: 'reassign' },
];

describe('a clock climbing its ladder', () => {
  it('takes its rungs by share of the budget, then ladder order, leaving out the rungs of other clocks', () => {
    expect(rungsOf('acknowledge', ladder).map((r) => r.index)).toEqual([1, 3, 0]);
    expect(rungsOf('resolve', ladder).map((r) => r.index)).toEqual([1, 3, 2, 0]);
  });

  it('arms the first rung, then each one after the rung that fired, then nothing', () => {
    const t = startClock(utc, 'PT4H', at('2026-11-23T10:00:00Z'));
    const first = nextRung('acknowledge', ladder, utc, t)!;
    expect([first.index, iso(first.dueAt)]).toEqual([1, '2026-11-23T13:00:00.000Z']);
    const second = nextRung('acknowledge', ladder, utc, t, { after: { at: 75, index: 1 } })!;
    expect([second.index, iso(second.dueAt)]).toEqual([3, '2026-11-23T13:00:00.000Z']);
    const third = nextRung('acknowledge', ladder, utc, t, { after: { at: 75, index: 3 } })!;
    expect([third.index, iso(third.dueAt)]).toEqual([0, '2026-11-23T16:00:00.000Z']);
    expect(nextRung('acknowledge', ladder, utc, t, { after: { at: 150, index: 0 } })).toBeUndefined();
  });

  it('skips the rungs already passed when armed again later (resume, new calendar)', () => {
    const t = startClock(utc, 'PT4H', at('2026-11-23T10:00:00Z'));
    const late = nextRung('acknowledge', ladder, utc, t, { aheadOf: at('2026-11-23T13:30:00Z') })!;
    expect(late.index).toBe(0);
    expect(nextRung('acknowledge', ladder, utc, t, { aheadOf: at('2026-11-23T16:00:00Z') })).toBeUndefined();
  });

  it('arms nothing on a paused clock', () => {
    const t = pauseClock(
      utc,
      startClock(utc, 'PT4H', at('2026-11-23T10:00:00Z')),
      at('2026-11-23T11:00:00Z'),
    );
    expect(nextRung('acknowledge', ladder, utc, t)).toBeUndefined();
  });
});
