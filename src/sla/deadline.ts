import { type CompiledCalendar, type Day, SlaError } from './calendar.ts';
import { type ParsedTarget, TARGET_PATTERN } from './sla.types.ts';

export { SlaError } from './calendar.ts';

// Past these, a calendar is taken as never open, or a target as absurd, instead of looping on.
const MAX_CLOSED_DAYS = 3_660;
const MAX_DAYS = 36_600;

const parsed = new Map<string, ParsedTarget>();

/** Reads `PT{h}H{m}M` (either part optional; `{s}S` also accepted) or `P{n}D`. Throws SlaError. */
export function parseTarget(text: string): ParsedTarget {
  const hit = parsed.get(text);
  if (hit) return hit;
  const m = typeof text === 'string' ? TARGET_PATTERN.exec(text) : null;
  if (!m) throw new SlaError(`invalid target ${JSON.stringify(text)}: expected PT{h}H{m}M or P{n}D`);
  const target: ParsedTarget =
    m[4] !== undefined
      ? { kind: 'days', days: Number(m[4]) }
      : {
          kind: 'time',
          ms:
            Number(m[1] ?? 0) * 3_600_000 + Number(m[2] ?? 0) * 60_000 + Math.round(Number(m[3] ?? 0) * 1000),
        };
  if (parsed.size >= 10_000) parsed.clear();
  parsed.set(text, target);
  return target;
}

/**
 * A zero target (`PT0M`: "at once") breaches as it starts: it pages the ladder rather than sets a
 * time anyone could meet, so quality checks and lost-escalation counts leave it out.
 */
export function pagesAtOnce(target: string | undefined): boolean {
  if (!target) return false;
  const t = parseTarget(target);
  return t.kind === 'time' && t.ms === 0;
}

/** The deadline (UTC ms) of `target` for a clock started at `startMs`, per the contract in DESIGN.md. */
export function deadline(cal: CompiledCalendar, startMs: number, target: ParsedTarget | string): number {
  const t = typeof target === 'string' ? parseTarget(target) : target;
  return t.kind === 'time' ? addBusinessMs(cal, startMs, t.ms) : addBusinessDays(cal, startMs, t.days);
}

/**
 * The earliest instant t >= start with `ms` business ms in [start, t); the start itself for 0
 * (or less: a paused clock already overdue keeps its deadline at the resume instant).
 */
export function addBusinessMs(cal: CompiledCalendar, startMs: number, ms: number): number {
  if (ms <= 0) return startMs;
  if (cal.alwaysOpen) return startMs + ms;
  if (!cal.everOpen) throw closedWeek();
  let day = cal.dayAt(startMs);
  let rest = ms;
  let closed = 0;
  for (let walked = 0; walked < MAX_DAYS; walked++) {
    const b = day.bounds;
    if (startMs <= day.first && rest > day.total) rest -= day.total;
    else {
      for (let i = 0; i < b.length; i += 2) {
        const close = b[i + 1];
        if (close <= startMs) continue;
        const from = Math.max(b[i], startMs);
        if (close - from >= rest) return from + rest;
        rest -= close - from;
      }
    }
    closed = day.total > 0 ? 0 : closed + 1;
    if (closed > MAX_CLOSED_DAYS) throw neverOpen();
    day = cal.day(day.n + 1);
  }
  throw tooFar();
}

/** Business ms in [fromMs, toMs); 0 when `toMs <= fromMs`. */
export function elapsedMs(cal: CompiledCalendar, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return 0;
  if (cal.alwaysOpen) return toMs - fromMs;
  let day = cal.dayAt(fromMs);
  let sum = 0;
  for (;;) {
    if (fromMs <= day.start && toMs >= day.end) sum += day.total;
    else {
      const b = day.bounds;
      for (let i = 0; i < b.length; i += 2) {
        const lo = Math.max(b[i], fromMs);
        const hi = Math.min(b[i + 1], toMs);
        if (hi > lo) sum += hi - lo;
      }
    }
    if (toMs <= day.end) return sum;
    day = cal.day(day.n + 1);
  }
}

/** The first open instant at or after `ms`, with the working day it belongs to. */
export function nextOpen(cal: CompiledCalendar, ms: number): { at: number; day: Day } {
  if (!cal.everOpen) throw closedWeek();
  let day = cal.dayAt(ms);
  let closed = 0;
  for (;;) {
    const b = day.bounds;
    for (let i = 0; i < b.length; i += 2) {
      if (b[i + 1] > ms) return { at: Math.max(b[i], ms), day };
    }
    if (++closed > MAX_CLOSED_DAYS) throw neverOpen();
    day = cal.day(day.n + 1);
  }
}

/**
 * P{n}D: with s' the first open instant at or after start, D0 its working day and k the business
 * ms from D0's first opening to s', the instant k into the n-th working day after D0 (its last
 * close when shorter than k); for k = 0 the last close of the (n-1)-th working day after D0.
 * P0D is s' itself, the k > 0 rule with n = 0.
 */
export function addBusinessDays(cal: CompiledCalendar, startMs: number, n: number): number {
  const { at, day: d0 } = nextOpen(cal, startMs);
  if (n <= 0) return at;
  const k = elapsedMs(cal, d0.first, at);
  if (k === 0) return workingDayAfter(cal, d0, n - 1).last;
  const dn = workingDayAfter(cal, d0, n);
  const b = dn.bounds;
  let rest = k;
  for (let i = 0; i < b.length; i += 2) {
    if (b[i + 1] - b[i] >= rest) return b[i] + rest;
    rest -= b[i + 1] - b[i];
  }
  return dn.last;
}

/** The n-th working day after `day` (`day` itself for 0). */
export function workingDayAfter(cal: CompiledCalendar, day: Day, n: number): Day {
  let d = day;
  let closed = 0;
  for (let left = n, walked = 0; left > 0; walked++) {
    if (walked > MAX_DAYS) throw tooFar();
    d = cal.day(d.n + 1);
    if (d.total > 0) {
      left--;
      closed = 0;
    } else if (++closed > MAX_CLOSED_DAYS) throw neverOpen();
  }
  return d;
}

const closedWeek = () => new SlaError('calendar is never open: no weekday has business hours');
const neverOpen = () => new SlaError('calendar has no business hours within 10 years');
const tooFar = () => new SlaError('deadline is more than 100 years ahead');
