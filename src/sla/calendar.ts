import { IANAZone } from 'luxon';
import { type Calendar, calendarSchema, describeIssues, WEEKDAYS, wallTimeMs } from './sla.types.ts';

export const DAY_MS = 86_400_000;

/** A calendar or a target that cannot be used; `message` is fit to show to the person who wrote it. */
export class SlaError extends Error {
  override name = 'SlaError';
}

/**
 * One local date of a calendar, resolved to absolute instants (UTC ms).
 * `bounds` holds [open0, close0, open1, close1, ...], sorted, inside [start, end].
 */
export interface Day {
  readonly n: number; // local date as days since 1970-01-01
  readonly start: number; // instant of local 00:00
  readonly end: number; // instant of the next local 00:00
  readonly bounds: readonly number[];
  readonly total: number; // business ms in the day
  readonly first: number; // first opening (end when closed all day)
  readonly last: number; // last close (start when closed all day)
}

/** Weekday index (mon = 0) of a local day number; 1970-01-01 was a Thursday. */
export const weekdayOf = (n: number): number => (((n + 3) % 7) + 7) % 7;

export function dayNumber(isoDate: string): number {
  return Date.UTC(+isoDate.slice(0, 4), +isoDate.slice(5, 7) - 1, +isoDate.slice(8, 10)) / DAY_MS;
}

/**
 * A calendar ready for arithmetic. Days are resolved lazily and cached, so hot loops only do
 * map lookups. Wall-clock rule for DST: a wall time maps to the earliest instant whose local
 * time is at or after it. A time skipped by a gap therefore maps to the end of the gap, and a
 * repeated time maps to its first occurrence.
 */
export class CompiledCalendar {
  readonly timezone: string;
  /** Open at every instant (24/7 or all days 00:00-24:00, no holidays): PT sums are plain additions. */
  readonly alwaysOpen: boolean;
  /** Some weekday has hours; false means positive targets can never be met. */
  readonly everOpen: boolean;
  private readonly zone: IANAZone;
  private readonly week: number[][]; // per weekday, [open, close, ...] in ms after local midnight
  private readonly holidays: Set<number>;
  private readonly days = new Map<number, Day>();
  private readonly midnights = new Map<number, number>(); // UTC day number -> offset (ms) at its 00:00Z
  private guess = 0; // last seen offset (ms): a first guess of the local day of an instant

  constructor(cal: Calendar) {
    this.timezone = cal.timezone;
    this.zone = IANAZone.create(cal.timezone);
    this.holidays = new Set((cal.holidays ?? []).map(dayNumber));
    const hours = cal.hours;
    this.week = WEEKDAYS.map((d) => (hours === '24/7' ? [0, DAY_MS] : mergeAdjacent(hours[d] ?? [])));
    this.everOpen = this.week.some((w) => w.length > 0);
    this.alwaysOpen =
      this.holidays.size === 0 && this.week.every((w) => w.length === 2 && w[0] === 0 && w[1] === DAY_MS);
    this.guess = this.offsetMs(Date.UTC(2026, 0, 1));
  }

  /** The local date with day number `n`, resolved and cached. */
  day(n: number): Day {
    let day = this.days.get(n);
    if (day === undefined) {
      // Constant memory on any input: a sweep over centuries simply starts the cache again.
      if (this.days.size >= 100_000) this.days.clear();
      day = this.resolveDay(n);
      this.days.set(n, day);
    }
    return day;
  }

  /** The local date that contains instant `ms`. */
  dayAt(ms: number): Day {
    let n = Math.floor((ms + this.guess) / DAY_MS);
    let day = this.day(n);
    while (ms < day.start) day = this.day(--n);
    while (ms >= day.end) day = this.day(++n);
    this.guess = n * DAY_MS - day.start;
    return day;
  }

  private midnightOffset(utcDay: number): number {
    let o = this.midnights.get(utcDay);
    if (o === undefined) {
      if (this.midnights.size >= 100_000) this.midnights.clear();
      o = this.offsetMs(utcDay * DAY_MS);
      this.midnights.set(utcDay, o);
    }
    return o;
  }

  private offsetMs(ms: number): number {
    return Math.round(this.zone.offset(ms) * 60_000);
  }

  private resolveDay(n: number): Day {
    const base = n * DAY_MS;
    // The instants of this date's wall times (UTC-12 to UTC+14, up to its 24:00) lie within
    // [base - 14h, base + 36h]: offsets sampled at the UTC midnights around that span, shared
    // with the neighbouring dates, tell whether a transition falls inside.
    const samples = [
      this.midnightOffset(n - 1),
      this.midnightOffset(n),
      this.midnightOffset(n + 1),
      this.midnightOffset(n + 2),
    ];
    const steady = samples[0] === samples[1] && samples[1] === samples[2] && samples[2] === samples[3];
    const at = (wall: number) => (steady ? base + wall - samples[0] : this.resolveWall(base + wall, samples));
    const start = at(0);
    const end = at(DAY_MS);
    const bounds: number[] = [];
    let total = 0;
    if (!this.holidays.has(n)) {
      const w = this.week[weekdayOf(n)];
      for (let i = 0; i < w.length; i += 2) {
        const open = at(w[i]);
        const close = at(w[i + 1]);
        // An interval wholly inside a DST gap never happens on the wall clock: it has no time.
        if (close <= open) continue;
        bounds.push(open, close);
        total += close - open;
      }
    }
    const first = bounds.length > 0 ? bounds[0] : end;
    const last = bounds.length > 0 ? bounds[bounds.length - 1] : start;
    return { n, start, end, bounds, total, first, last };
  }

  /** Earliest instant whose local wall time is at or after `naive` (a local time written as UTC ms). */
  private resolveWall(naive: number, offsets: number[]): number {
    let best = Number.POSITIVE_INFINITY;
    for (const o of offsets) {
      const t = naive - o;
      if (this.offsetMs(t) === o && t < best) best = t;
    }
    if (best !== Number.POSITIVE_INFINITY) return best;
    // In a gap: search the transition, the first instant whose local time reaches `naive`.
    let lo = naive - Math.max(...offsets);
    let hi = naive - Math.min(...offsets);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (mid + this.offsetMs(mid) >= naive) hi = mid;
      else lo = mid;
    }
    return hi;
  }
}

/** Intervals as flat ms pairs, with touching intervals joined (10-12 and 12-14 is 10-14). */
function mergeAdjacent(intervals: readonly (readonly [string, string])[]): number[] {
  const flat: number[] = [];
  for (const [open, close] of intervals) {
    const o = wallTimeMs(open);
    const c = wallTimeMs(close);
    if (flat.length > 0 && flat[flat.length - 1] === o) flat[flat.length - 1] = c;
    else flat.push(o, c);
  }
  return flat;
}

const byObject = new WeakMap<object, CompiledCalendar>();
const byKey = new Map<string, CompiledCalendar>();

/** Validates and compiles a calendar, once per object and once per JSON text. Throws SlaError. */
export function compileCalendar(input: unknown, key?: string): CompiledCalendar {
  const isObject = typeof input === 'object' && input !== null;
  if (isObject) {
    const hit = byObject.get(input);
    if (hit) return hit;
  }
  const k = key ?? JSON.stringify(input);
  let compiled = byKey.get(k);
  if (compiled === undefined) {
    const parsed = calendarSchema.safeParse(input);
    if (!parsed.success) {
      throw new SlaError(`invalid calendar: ${describeIssues(parsed.error.issues).join('; ')}`);
    }
    compiled = new CompiledCalendar(parsed.data);
    if (byKey.size >= 10_000) byKey.clear();
    byKey.set(k, compiled);
  }
  if (isObject) byObject.set(input, compiled);
  return compiled;
}
