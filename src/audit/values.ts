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

/** A copy of a short string that holds no reference to the (large) chunk it was cut from. */
export function detach(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
