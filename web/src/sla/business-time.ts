import type { Calendar } from '../api/types.ts';

/**
 * Business time between two instants on a calendar, in the browser, for countdowns. The server's
 * engine (src/sla/deadline.ts) computes every deadline; this only measures what is left of one,
 * with Intl for time zones so that the bundle carries no time-zone library.
 * test/e2e/web-business-time.test.ts checks it against the server's engine.
 */

const DAY_MS = 86_400_000;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local wall clock at an instant, as if it were UTC (ms). */
function wallAsUtc(ms: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(ms))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  return (
    Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!) +
    (((ms % 1000) + 1000) % 1000)
  );
}

// Offsets change only at whole quarter hours (DST moves, zone rules): cache them per zone and quarter hour.
const QUARTER = 900_000;
const offsets = new Map<string, number>();

function offsetAt(ms: number, timeZone: string): number {
  const bucket = Math.floor(ms / QUARTER);
  const key = `${timeZone}|${bucket}`;
  let off = offsets.get(key);
  if (off === undefined) {
    const at = bucket * QUARTER;
    off = wallAsUtc(at, timeZone) - at;
    if (offsets.size > 50_000) offsets.clear();
    offsets.set(key, off);
  }
  return off;
}

/** The instant of a local wall time (`wall` = local ms since the epoch, read as UTC). */
function instantOf(wall: number, timeZone: string): number {
  let t = wall - offsetAt(wall, timeZone);
  const again = wall - offsetAt(t, timeZone);
  if (again !== t) t = again;
  return t;
}

function wallTime(text: string): number {
  const [h = 0, m = 0, s = 0] = text.split(':').map(Number);
  return ((h * 60 + m) * 60 + s) * 1000;
}

const isoDate = (dayWall: number) => new Date(dayWall).toISOString().slice(0, 10);

/** Business milliseconds in [from, to) on the calendar. */
export function businessMsBetween(cal: Calendar, from: number, to: number): number {
  if (!(to > from)) return 0;
  const holidays = new Set(cal.holidays ?? []);
  if (cal.hours === '24/7' && holidays.size === 0) return to - from;
  const tz = cal.timezone;
  let dayWall = Math.floor(wallAsUtc(from, tz) / DAY_MS) * DAY_MS;
  let total = 0;
  for (let guard = 0; guard < 800; guard++, dayWall += DAY_MS) {
    const dayStart = instantOf(dayWall, tz);
    if (dayStart >= to) break;
    if (holidays.has(isoDate(dayWall))) continue;
    const weekday = WEEKDAYS[new Date(dayWall).getUTCDay()]!;
    const intervals: [string, string][] =
      cal.hours === '24/7'
        ? [['00:00', '24:00']]
        : ((cal.hours as Record<string, [string, string][] | undefined>)[weekday] ?? []);
    for (const [open, close] of intervals) {
      const a = Math.max(from, instantOf(dayWall + wallTime(open), tz));
      const b = Math.min(to, instantOf(dayWall + wallTime(close), tz));
      if (b > a) total += b - a;
    }
  }
  return total;
}

/** Business ms of an average working day of the calendar (for `P{n}D` targets). */
export function workingDayMs(cal: Calendar | undefined): number {
  if (!cal || cal.hours === '24/7') return DAY_MS;
  const days = Object.values(cal.hours as Record<string, [string, string][] | undefined>)
    .map((list) => (list ?? []).reduce((sum, [o, c]) => sum + wallTime(c) - wallTime(o), 0))
    .filter((ms) => ms > 0);
  return days.length ? days.reduce((a, b) => a + b, 0) / days.length : DAY_MS;
}

/** The business ms a target allows: `PT4H` is 4 h; `P2D` two average working days. */
export function targetMs(target: string, cal: Calendar | undefined): number {
  const days = /^P(\d+)D$/i.exec(target);
  if (days) return Number(days[1]) * workingDayMs(cal);
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/i.exec(target);
  if (!m) return 0;
  return ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000;
}

/**
 * An SLA target (ISO 8601 duration, as scenarios declare it) as people say it: "PT4H" -> "4 business
 * hours", "P2D" -> "2 business days", "PT1H30M" -> "1 business hour 30 min"; round the clock, "4
 * hours". A form this does not know is shown as written.
 */
export function formatTarget(iso: string, business = true): string {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) return iso;
  const [, w, d, h, min, sec] = m.map((x) => (x === undefined ? 0 : Number(x)));
  const days = (w ?? 0) * 7 + (d ?? 0);
  const unit = (n: number, one: string) => `${n} ${business ? 'business ' : ''}${one}${n === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (days) parts.push(unit(days, 'day'));
  if (h) parts.push(parts.length ? `${h} h` : unit(h, 'hour'));
  if (min) parts.push(parts.length ? `${min} min` : unit(min, 'minute'));
  if (sec) parts.push(parts.length ? `${sec} s` : unit(sec, 'second'));
  // A zero target (PT0M) breaches as the clock starts: the scenario editor's words for it.
  return parts.length ? parts.join(' ') : 'at once';
}
