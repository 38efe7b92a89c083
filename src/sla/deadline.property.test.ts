import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { type CompiledCalendar, compileCalendar } from './calendar.ts';
import { addBusinessMs, deadline, elapsedMs } from './deadline.ts';
import { type Calendar, WEEKDAYS } from './sla.types.ts';

const MIN = 60_000;
const SLOT = 15 * MIN; // every offset and DST shift of these zones is a multiple of 15 minutes
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'Australia/Adelaide',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'UTC',
];
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Sorted distinct wall-clock points (minutes) paired up into intervals. */
const dayHours = (points: fc.Arbitrary<number>) =>
  fc.uniqueArray(points, { maxLength: 6 }).map((ps) => {
    const sorted = ps.sort((a, b) => a - b);
    const out: [string, string][] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) out.push([hhmm(sorted[i]), hhmm(sorted[i + 1])]);
    return out;
  });

const calendarArb = (points: fc.Arbitrary<number>, fromYear: number, toYear: number) =>
  fc
    .record({
      timezone: fc.constantFrom(...ZONES),
      hours: fc.oneof(
        { weight: 1, arbitrary: fc.constant('24/7' as const) },
        { weight: 6, arbitrary: fc.tuple(...WEEKDAYS.map(() => dayHours(points))) },
      ),
      holidays: fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 6 }),
      start: fc.date({
        min: new Date(Date.UTC(fromYear, 0, 1)),
        max: new Date(Date.UTC(toYear, 11, 1)),
        noInvalidDate: true,
      }),
    })
    .filter(({ hours }) => hours === '24/7' || hours.some((d) => d.length > 0))
    .map(({ timezone, hours, holidays, start }) => {
      const firstDay = Math.floor(start.getTime() / 86_400_000) - 3;
      const calendar: Calendar = {
        timezone,
        hours: hours === '24/7' ? '24/7' : Object.fromEntries(WEEKDAYS.map((d, i) => [d, hours[i]])),
        holidays: holidays.map((h) => new Date((firstDay + h) * 86_400_000).toISOString().slice(0, 10)),
      };
      return { calendar, start: start.getTime() };
    });

// Any 15-minute point, 00:00 to 24:00: the laws hold on every calendar.
const anyPoint = fc.integer({ min: 0, max: 96 }).map((q) => q * 15);
const minutes = fc.integer({ min: 0, max: 3_000 });

describe('laws of business time', () => {
  const cases = calendarArb(anyPoint, 1995, 2035);

  it('PT: deadline >= start, elapsed(start, deadline) = target, and never strictly inside a closed period', () => {
    fc.assert(
      fc.property(cases, minutes, ({ calendar, start }, m) => {
        const cal = compileCalendar(calendar);
        const due = deadline(cal, start, `PT${m}M`);
        expect(due).toBeGreaterThanOrEqual(start);
        expect(elapsedMs(cal, start, due)).toBe(m * MIN);
        if (m > 0) expect(elapsedMs(cal, due - 1, due)).toBe(1); // the instant before is open
        if (m > 0) expect(elapsedMs(cal, start, due - 1)).toBeLessThan(m * MIN); // the earliest such t
      }),
      { numRuns: 400 },
    );
  });

  it('P{n}D: deadline >= start, grows with n, and never strictly inside a closed period', () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 1, max: 6 }), ({ calendar, start }, n) => {
        const cal = compileCalendar(calendar);
        const due = deadline(cal, start, `P${n}D`);
        expect(due).toBeGreaterThanOrEqual(start);
        expect(due).toBeGreaterThanOrEqual(deadline(cal, start, `P${n - 1}D`));
        expect(elapsedMs(cal, due - 1, due)).toBe(1);
      }),
      { numRuns: 400 },
    );
  });

  it('PT targets compose: deadline(deadline(s, a), b) = deadline(s, a + b)', () => {
    fc.assert(
      fc.property(cases, minutes, minutes, ({ calendar, start }, a, b) => {
        const cal = compileCalendar(calendar);
        expect(deadline(cal, deadline(cal, start, `PT${a}M`), `PT${b}M`)).toBe(
          deadline(cal, start, `PT${a + b}M`),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('addBusinessMs inverts elapsedMs, and elapsed time adds up', () => {
    fc.assert(
      fc.property(
        cases,
        fc.integer({ min: 0, max: 200 * 3_600_000 }),
        fc.nat(100 * 3_600_000),
        ({ calendar, start }, x, y) => {
          const cal = compileCalendar(calendar);
          const t = addBusinessMs(cal, start, x);
          expect(elapsedMs(cal, start, t)).toBe(x);
          expect(addBusinessMs(cal, start, elapsedMs(cal, start, start + y))).toBeLessThanOrEqual(start + y);
          const mid = start + Math.floor(y / 2);
          expect(elapsedMs(cal, start, mid) + elapsedMs(cal, mid, start + y)).toBe(
            elapsedMs(cal, start, start + y),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

/**
 * An independent reference: walk 15-minute slots and ask luxon, slot by slot, whether the local
 * wall time lies in one of that local date's intervals. Points avoid 00:30-03:30 so that no
 * interval end falls in a DST overlap, where "is the wall time inside" and the calendar's rule
 * (first occurrence) differ by design; over 2024-2028 no zone here changes offset at midnight.
 */
class Reference {
  private readonly memo = new Map<number, { open: boolean; date: string }>();
  constructor(private readonly cal: Calendar) {}

  slot(i: number) {
    let s = this.memo.get(i);
    if (!s) {
      const dt = DateTime.fromMillis(i * SLOT, { zone: this.cal.timezone });
      const date = dt.toISODate() as string;
      const wall = dt.hour * 60 + dt.minute;
      const hours =
        this.cal.hours === '24/7' ? [['00:00', '24:00']] : (this.cal.hours[WEEKDAYS[dt.weekday - 1]] ?? []);
      const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
      const inside = hours.some(([o, c]) => toMin(o) <= wall && wall < toMin(c));
      s = { open: inside && !(this.cal.holidays ?? []).includes(date), date };
      this.memo.set(i, s);
    }
    return s;
  }

  pt(start: number, minutes: number): number {
    if (minutes === 0) return start;
    let left = minutes * MIN;
    for (let i = start / SLOT; ; i++) {
      if (!this.slot(i).open) continue;
      left -= SLOT;
      if (left === 0) return (i + 1) * SLOT;
    }
  }

  days(start: number, n: number): number {
    let s0 = start / SLOT;
    while (!this.slot(s0).open) s0++;
    if (n === 0) return s0 * SLOT;
    const d0 = this.slot(s0).date;
    let k = 0;
    for (let i = s0 - 1; this.slot(i).date === d0; i--) if (this.slot(i).open) k++;
    // The open slots of the wanted working date: D0 itself (index 0) or the index-th after it.
    const wanted = k === 0 ? n - 1 : n;
    const open: number[] = [];
    let index = 0;
    let current = d0;
    for (let i = s0; ; i++) {
      const s = this.slot(i);
      if (open.length > 0 && s.date !== current) break;
      if (!s.open) continue;
      if (s.date !== current) {
        index++;
        current = s.date;
      }
      if (index === wanted) open.push(i);
    }
    if (k === 0) return (open[open.length - 1] + 1) * SLOT;
    return (open[Math.min(k, open.length) - 1] + 1) * SLOT;
  }
}

describe('agrees with a slot-by-slot reference', () => {
  const points = fc.oneof(
    fc.constant(0),
    fc.integer({ min: 8, max: 48 }).map((h) => h * 30),
  );
  const cases = calendarArb(points, 2024, 2028).map(({ calendar, start }) => ({
    calendar,
    start: Math.floor(start / SLOT) * SLOT,
  }));

  it('PT targets', () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 0, max: 160 }), ({ calendar, start }, q) => {
        const cal: CompiledCalendar = compileCalendar(calendar);
        expect(deadline(cal, start, `PT${q * 15}M`)).toBe(new Reference(calendar).pt(start, q * 15));
      }),
      { numRuns: 250 },
    );
  });

  it('P{n}D targets', () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 0, max: 4 }), ({ calendar, start }, n) => {
        const cal = compileCalendar(calendar);
        expect(deadline(cal, start, `P${n}D`)).toBe(new Reference(calendar).days(start, n));
      }),
      { numRuns: 250 },
    );
  });
});
