// ISO 8601 instants in and out of the deadline engine, without Date parsing on the hot path.

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days from 1970-01-01 to a proleptic Gregorian date (Hinnant's days_from_civil). */
function civilDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** Reads `count` ASCII digits at `at`; -1 if any is not a digit. */
function digits(s: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * UTC ms of an ISO 8601 instant, extended format, "YYYY-MM-DDTHH:MM[:SS[.fff]]" then "Z" or an
 * offset "+HH:MM" / "+HHMM" / "+HH"; NaN when invalid or when the offset is missing, since a local
 * time alone is not an instant. Digits past milliseconds are cut. Hand-written: it runs per line.
 */
export function parseInstant(s: string): number {
  if (typeof s !== 'string' || s.length < 17) return Number.NaN;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const sep = s.charCodeAt(10);
  if (s[4] !== '-' || s[7] !== '-' || s[13] !== ':' || (sep !== 84 && sep !== 116 && sep !== 32))
    return Number.NaN;
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return Number.NaN;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && !leap ? 28 : MONTH_DAYS[month - 1])) return Number.NaN;
  let i = 16;
  let second = 0;
  let milli = 0;
  if (s[i] === ':') {
    second = digits(s, i + 1, 2);
    if (second < 0 || second > 59) return Number.NaN;
    i += 3;
    if (s[i] === '.' || s[i] === ',') {
      const from = ++i;
      while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
      if (i === from) return Number.NaN;
      milli = Number(s.slice(from, Math.min(i, from + 3)).padEnd(3, '0'));
    }
  }
  let offset = 0;
  const z = s[i];
  if ((z === 'Z' || z === 'z') && i + 1 === s.length) offset = 0;
  else if (z === '+' || z === '-') {
    const rest = s.length - i - 1;
    const oh = digits(s, i + 1, 2);
    const om =
      rest === 2
        ? 0
        : rest === 4
          ? digits(s, i + 3, 2)
          : rest === 5 && s[i + 3] === ':'
            ? digits(s, i + 4, 2)
            : -1;
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return Number.NaN;
    offset = (z === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  } else return Number.NaN;
  return (
    civilDays(year, month, day) * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000 + milli - offset
  );
}

const TWO = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const datePrefixes = new Map<number, string>();

/** Epoch milliseconds as the API's ISO instant (`toISOString`, milliseconds always), null kept. */
export const isoFromMs = (ms: number | null): string | null =>
  ms === null ? null : new Date(ms).toISOString();

/** ISO 8601 in UTC with Z, milliseconds only when there are any: "2026-12-01T13:00:00Z". */
export function formatInstant(ms: number): string {
  if (!Number.isInteger(ms)) return new Date(ms).toISOString();
  const day = Math.floor(ms / 86_400_000);
  let prefix = datePrefixes.get(day);
  if (prefix === undefined) {
    const iso = new Date(day * 86_400_000).toISOString();
    prefix = iso.slice(0, iso.indexOf('T') + 1);
    if (datePrefixes.size >= 10_000) datePrefixes.clear();
    datePrefixes.set(day, prefix);
  }
  let rest = ms - day * 86_400_000;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const sec = Math.floor(rest / 1000);
  const milli = rest - sec * 1000;
  const time = `${TWO[h]}:${TWO[m]}:${TWO[sec]}`;
  return milli === 0 ? `${prefix}${time}Z` : `${prefix}${time}.${String(milli).padStart(3, '0')}Z`;
}
