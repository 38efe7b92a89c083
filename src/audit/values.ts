/** Input the audit cannot read: the CLI reports it as a usage/input error. */
export class AuditInputError extends Error {}

/** The text of a cell, or null when it is empty or the unknown marker `?`. */
export function known(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'string' ? value.trim() : String(value).trim();
  return text === '' || text === '?' ? null : text;
}

const TRUE = new Set(['true', 't', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'f', 'no', 'n', '0']);

/** `true` / `false` in any case (and yes/no, 1/0); anything else is unknown. */
export function parseBool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  const text = known(value)?.toLowerCase();
  if (text === undefined) return null;
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return null;
}

/** A finite number, or null when unknown or not a number. */
export function parseNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = known(value);
  if (text === null) return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

const DMY =
  /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp][Mm])?)?$/;
const ISO = /^\d{4}-\d{2}-\d{2}/;

/**
 * An instant in epoch milliseconds, or NaN. Accepts ISO 8601 (a time without offset is read as
 * UTC), epoch seconds or milliseconds as numbers, and day-first dates as ServiceNow exports them
 * (`29-02-2016 01:16`, `29/2/2016 1:16`, `29.02.2016 01:16:05`, optional AM/PM). A date is read
 * month-first only when its second part cannot be a month. Times without a zone are read as UTC:
 * the audit only subtracts instants of one export.
 */
export function parseTime(value: unknown): number {
  if (typeof value === 'number') return value < 1e11 ? value * 1000 : value;
  if (typeof value === 'string' && value.length === 16) {
    const fast = dayFirstMinutes(value);
    if (!Number.isNaN(fast)) return fast;
  }
  // `2026-03-02T09:00:00Z` / `...00.000Z`, as toISOString writes them: the engine reads those exactly.
  if (typeof value === 'string' && (value.length === 20 || value.length === 24)) {
    if (value.charCodeAt(10) === 84 && value.charCodeAt(value.length - 1) === 90 && ISO.test(value)) {
      return Date.parse(value);
    }
  }
  const text = known(value);
  if (text === null) return Number.NaN;
  if (ISO.test(text)) {
    const iso = text.length <= 10 || /[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text}Z`;
    return Date.parse(iso.replace(' ', 'T'));
  }
  const m = DMY.exec(text);
  if (m === null) return /^\d+(\.\d+)?$/.test(text) ? parseTime(Number(text)) : Number.NaN;
  let day = Number(m[1]);
  let month = Number(m[2]);
  if (month > 12 && day <= 12) [day, month] = [month, day];
  let hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const half = m[7]?.toLowerCase();
  if (half === 'pm' && hour < 12) hour += 12;
  if (half === 'am' && hour === 12) hour = 0;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const year = Number(m[3]);
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  return new Date(ms).getUTCDate() === day ? ms : Number.NaN;
}

const digit = (text: string, i: number) => text.charCodeAt(i) - 48;
const two = (text: string, i: number) => digit(text, i) * 10 + digit(text, i + 1);

/**
 * `dd-mm-yyyy hh:mm` (ServiceNow's usual cell) without the regular expression, or NaN to let the
 * general reader decide (any other shape, a month-first date, an impossible date).
 */
function dayFirstMinutes(t: string): number {
  const sep = t.charCodeAt(2);
  if ((sep !== 45 && sep !== 47 && sep !== 46) || t.charCodeAt(5) !== sep) return Number.NaN;
  if (t.charCodeAt(10) !== 32 || t.charCodeAt(13) !== 58) return Number.NaN;
  for (const i of DIGITS_AT) {
    const d = digit(t, i);
    if (!(d >= 0 && d <= 9)) return Number.NaN;
  }
  const day = two(t, 0);
  const month = two(t, 3);
  const year = two(t, 6) * 100 + two(t, 8);
  const hour = two(t, 11);
  const minute = two(t, 14);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59) {
    return Number.NaN;
  }
  return (daysFromCivil(year, month, day) * 1440 + hour * 60 + minute) * 60_000;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}
const DIGITS_AT = [0, 1, 3, 4, 6, 7, 8, 9, 11, 12, 14, 15];

/** A copy of a short string that holds no reference to the (large) chunk it was cut from. */
export function detach(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
