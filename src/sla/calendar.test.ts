import { describe, expect, it } from 'vitest';
import {
  type CompiledCalendar,
  compileCalendar,
  DAY_MS,
  dayNumber,
  SlaError,
  weekdayOf,
} from './calendar.ts';
import { calendarSchema } from './sla.types.ts';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const dayOf = (cal: CompiledCalendar, date: string) => cal.day(dayNumber(date));
const boundsOf = (cal: CompiledCalendar, date: string) => dayOf(cal, date).bounds.map(iso);

describe('calendarSchema', () => {
  it('sorts intervals and treats missing days as closed', () => {
    const cal = calendarSchema.parse({
      timezone: 'Europe/Berlin',
      hours: {
        Mon: [
          ['13:00', '17:00'],
          ['09:00', '12:00'],
        ],
        friday: [['09:00', '24:00']],
      },
    });
    expect(cal.hours).toEqual({
      mon: [
        ['09:00', '12:00'],
        ['13:00', '17:00'],
      ],
      fri: [['09:00', '24:00']],
    });
  });

  it.each([
    [{ timezone: 'Mars/Olympus', hours: '24/7' }, 'timezone'],
    [{ timezone: 'UTC', hours: { mon: [['17:00', '09:00']] } }, 'open before'],
    [{ timezone: 'UTC', hours: { mon: [['09:00', '09:00']] } }, 'open before'],
    [{ timezone: 'UTC', hours: { mon: [['24:00', '24:00']] } }, '24:00'],
    [
      {
        timezone: 'UTC',
        hours: {
          mon: [
            ['09:00', '12:00'],
            ['11:00', '14:00'],
          ],
        },
      },
      'overlaps',
    ],
    [{ timezone: 'UTC', hours: { mon: [['9am', '5pm']] } }, 'HH:MM'],
    [{ timezone: 'UTC', hours: { mon: [['09:00', '24:30']] } }, 'HH:MM'],
    [{ timezone: 'UTC', hours: { funday: [] } }, 'funday'],
    [{ timezone: 'UTC', hours: '24/7', holidays: ['2026-02-30'] }, 'YYYY-MM-DD'],
  ])('rejects %j', (input, why) => {
    expect(() => compileCalendar(input)).toThrow(SlaError);
    expect(() => compileCalendar(input)).toThrow(new RegExp(why));
  });
});

describe('compileCalendar', () => {
  it('caches by identity and by JSON text', () => {
    const a = { timezone: 'Asia/Kolkata', hours: '24/7' };
    expect(compileCalendar(a)).toBe(compileCalendar(a));
    expect(compileCalendar({ ...a })).toBe(compileCalendar(a));
  });

  it('knows always-open and never-open calendars', () => {
    expect(compileCalendar({ timezone: 'UTC', hours: '24/7' }).alwaysOpen).toBe(true);
    expect(compileCalendar({ timezone: 'UTC', hours: '24/7', holidays: ['2026-01-01'] }).alwaysOpen).toBe(
      false,
    );
    expect(compileCalendar({ timezone: 'UTC', hours: {} }).everOpen).toBe(false);
  });

  it('numbers days from 1970-01-01, a Thursday', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(weekdayOf(0)).toBe(3);
    expect(weekdayOf(dayNumber('2026-03-23'))).toBe(0);
    expect(weekdayOf(-1)).toBe(2);
  });
});

describe('resolving local dates to instants', () => {
  const weekdays = (hours: [string, string][]) => ({
    mon: hours,
    tue: hours,
    wed: hours,
    thu: hours,
    fri: hours,
    sat: hours,
    sun: hours,
  });

  it('half-hour and 45-minute offsets', () => {
    const nine = weekdays([['09:00', '17:00']]);
    expect(boundsOf(compileCalendar({ timezone: 'Asia/Kolkata', hours: nine }), '2026-06-08')).toEqual([
      '2026-06-08T03:30:00Z',
      '2026-06-08T11:30:00Z',
    ]);
    expect(boundsOf(compileCalendar({ timezone: 'Asia/Kathmandu', hours: nine }), '2026-06-08')).toEqual([
      '2026-06-08T03:15:00Z',
      '2026-06-08T11:15:00Z',
    ]);
    const adelaide = compileCalendar({ timezone: 'Australia/Adelaide', hours: nine });
    expect(boundsOf(adelaide, '2026-01-05')).toEqual(['2026-01-04T22:30:00Z', '2026-01-05T06:30:00Z']);
    expect(boundsOf(adelaide, '2026-06-08')).toEqual(['2026-06-07T23:30:00Z', '2026-06-08T07:30:00Z']);
  });

  it('local days are 23 or 25 hours long across DST, in both hemispheres', () => {
    const berlin = compileCalendar({ timezone: 'Europe/Berlin', hours: '24/7' });
    const spring = dayOf(berlin, '2026-03-29');
    expect([iso(spring.start), iso(spring.end), spring.total]).toEqual([
      '2026-03-28T23:00:00Z',
      '2026-03-29T22:00:00Z',
      23 * 3_600_000,
    ]);
    expect(dayOf(berlin, '2026-10-25').total).toBe(25 * 3_600_000);
    const sydney = compileCalendar({ timezone: 'Australia/Sydney', hours: '24/7' });
    expect(dayOf(sydney, '2026-10-04').total).toBe(23 * 3_600_000);
    expect(dayOf(sydney, '2026-04-05').total).toBe(25 * 3_600_000);
  });

  it('a wall time in a spring-forward gap maps to the end of the gap', () => {
    const cal = compileCalendar({ timezone: 'Europe/Berlin', hours: { sun: [['02:30', '04:00']] } });
    // 02:30 does not exist on 2026-03-29: the clock jumps 02:00 CET -> 03:00 CEST (01:00Z).
    expect(boundsOf(cal, '2026-03-29')).toEqual(['2026-03-29T01:00:00Z', '2026-03-29T02:00:00Z']);
    const gapOnly = compileCalendar({ timezone: 'Europe/Berlin', hours: { sun: [['02:10', '02:50']] } });
    expect(dayOf(gapOnly, '2026-03-29').total).toBe(0);
    expect(dayOf(gapOnly, '2026-04-05').total).toBe(40 * 60_000);
  });

  it('a repeated wall time in a fall-back overlap takes its first occurrence', () => {
    const cal = compileCalendar({ timezone: 'Europe/Berlin', hours: { sun: [['02:30', '04:00']] } });
    // 02:30 CEST (00:30Z) comes first; 04:00 CET is 03:00Z: 2.5 hours of business time.
    expect(boundsOf(cal, '2026-10-25')).toEqual(['2026-10-25T00:30:00Z', '2026-10-25T03:00:00Z']);
    const ny = compileCalendar({ timezone: 'America/New_York', hours: { sun: [['01:30', '09:00']] } });
    expect(boundsOf(ny, '2026-11-01')).toEqual(['2026-11-01T05:30:00Z', '2026-11-01T14:00:00Z']);
  });

  it('a DST change at midnight (Sao Paulo 2018-19): 24:00 and 00:00 meet at the same instant', () => {
    const cal = compileCalendar({
      timezone: 'America/Sao_Paulo',
      hours: { sat: [['18:00', '24:00']], sun: [['00:00', '12:00']] },
    });
    // 2018-11-04 00:00 -03 never happened: clocks went to 01:00 -02 (03:00Z).
    expect(boundsOf(cal, '2018-11-03')).toEqual(['2018-11-03T21:00:00Z', '2018-11-04T03:00:00Z']);
    expect(boundsOf(cal, '2018-11-04')).toEqual(['2018-11-04T03:00:00Z', '2018-11-04T14:00:00Z']);
    // 2019-02-17 00:00 -02 became 2019-02-16 23:00 -03: Saturday's 24:00 is 03:00Z, after both 23:xx.
    expect(boundsOf(cal, '2019-02-16')).toEqual(['2019-02-16T20:00:00Z', '2019-02-17T03:00:00Z']);
  });

  it('holidays close the whole local date', () => {
    const cal = compileCalendar({
      timezone: 'Europe/Berlin',
      hours: weekdays([['09:00', '17:00']]),
      holidays: ['2026-12-25'],
    });
    expect(dayOf(cal, '2026-12-25').bounds).toEqual([]);
    expect(dayOf(cal, '2026-12-26').total).toBe(8 * 3_600_000);
  });

  it('finds the local date of an instant, also far from the first guess', () => {
    const cal = compileCalendar({ timezone: 'Pacific/Kiritimati', hours: '24/7' });
    const t = at('2026-07-01T10:30:00Z'); // 2026-07-02 00:30 at UTC+14
    expect(cal.dayAt(t).n).toBe(dayNumber('2026-07-02'));
    const west = compileCalendar({ timezone: 'Pacific/Pago_Pago', hours: '24/7' });
    expect(west.dayAt(t).n).toBe(dayNumber('2026-06-30'));
    expect(west.dayAt(at('1900-01-01T12:00:00Z')).end - west.dayAt(at('1900-01-01T12:00:00Z')).start).toBe(
      DAY_MS,
    );
  });

  it('touching intervals are joined', () => {
    const cal = compileCalendar({
      timezone: 'UTC',
      hours: {
        mon: [
          ['09:00', '12:00'],
          ['12:00', '13:00'],
        ],
      },
    });
    expect(boundsOf(cal, '2026-03-23')).toEqual(['2026-03-23T09:00:00Z', '2026-03-23T13:00:00Z']);
  });
});
