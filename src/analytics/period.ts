import { DateTime } from 'luxon';

/** A half-open span of time [from, to) in UTC ms. */
export type Period = { from: number; to: number };

/** An ISO week in the organisation's time zone, with the week before it. */
export type Week = {
  id: string;
  start: number;
  end: number;
  previous: { id: string; start: number; end: number };
};

/** A period or week that cannot be read; the message names what is expected. */
export class PeriodError extends Error {
  override name = 'PeriodError';
  constructor(
    message: string,
    /** The query field at fault, when known. */
    readonly field?: string,
  ) {
    super(message);
  }
}

function inField<T>(field: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof PeriodError && !error.field) throw new PeriodError(error.message, field);
    throw error;
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const WEEK = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * One end of a period: a date (`2026-10-31`, a whole local day: its start, or for an end the start
 * of the next day, so end dates are inclusive) or an ISO 8601 instant (exact; local time without
 * an offset).
 */
export function parseBound(text: string, zone: string, end: boolean): number {
  const t = text.trim();
  const dt = DateTime.fromISO(t, { zone });
  if (!dt.isValid)
    throw new PeriodError(`${JSON.stringify(text)} is neither a date (YYYY-MM-DD) nor an ISO instant`);
  if (DATE.test(t)) return (end ? dt.plus({ days: 1 }) : dt).startOf('day').toMillis();
  return dt.toMillis();
}

function checked(p: Period, text: string): Period {
  if (!(p.from < p.to)) throw new PeriodError(`the period ${text} ends before it starts`);
  return p;
}

/** `2026-10-01/2026-10-31` (dates inclusive) or two instants separated by `/`. */
export function parsePeriod(text: string, zone: string): Period {
  const parts = text.split('/');
  if (parts.length !== 2 || !parts[0] || !parts[1])
    throw new PeriodError(`${JSON.stringify(text)}: expected START/END, for example 2026-10-01/2026-10-31`);
  return checked({ from: parseBound(parts[0], zone, false), to: parseBound(parts[1], zone, true) }, text);
}

/** `from` and `to` of a query; by default the 30 days up to `now`. */
export function periodOf(
  q: { from?: string; to?: string },
  zone: string,
  now: number,
  defaultDays = 30,
): Period {
  const to = q.to ? inField('to', () => parseBound(q.to!, zone, true)) : now;
  const from = q.from ? inField('from', () => parseBound(q.from!, zone, false)) : to - defaultDays * DAY_MS;
  return inField(q.from ? 'from' : 'to', () => checked({ from, to }, `${q.from ?? '…'}/${q.to ?? '…'}`));
}

/**
 * `from` and `to` of a query where either end may be left open (an audit trail from a day on, or
 * up to one): only the ends given are read, and they must not cross.
 */
export function spanOf(q: { from?: string; to?: string }, zone: string): Partial<Period> {
  const to = q.to ? inField('to', () => parseBound(q.to!, zone, true)) : undefined;
  const from = q.from ? inField('from', () => parseBound(q.from!, zone, false)) : undefined;
  if (from !== undefined && to !== undefined)
    inField('from', () => checked({ from, to }, `${q.from}/${q.to}`));
  return { from, to };
}

const weekId = (dt: DateTime) => `${dt.weekYear}-W${String(dt.weekNumber).padStart(2, '0')}`;

/** The ISO week `2026-W48`: Monday 00:00 to the next Monday 00:00 in `zone`. */
export function isoWeek(id: string, zone: string): Week {
  const m = WEEK.exec(id.trim());
  const start = m
    ? DateTime.fromObject({ weekYear: Number(m[1]), weekNumber: Number(m[2]), weekday: 1 }, { zone })
    : null;
  if (!start?.isValid || weekId(start) !== id.trim())
    throw new PeriodError(
      `${JSON.stringify(id)} is not an ISO week: expected YYYY-Www, for example 2026-W48`,
    );
  const before = start.minus({ weeks: 1 });
  return {
    id: weekId(start),
    start: start.toMillis(),
    end: start.plus({ weeks: 1 }).toMillis(),
    previous: { id: weekId(before), start: before.toMillis(), end: start.toMillis() },
  };
}

/** The ISO week that holds the instant, in `zone`. */
export function weekIdOf(ms: number, zone: string): string {
  return weekId(DateTime.fromMillis(ms, { zone }));
}

/** The last whole week before the instant's week: the one a Monday review looks back on. */
export function previousWeekId(ms: number, zone: string): string {
  return weekId(DateTime.fromMillis(ms, { zone }).minus({ weeks: 1 }));
}

/** A local date (YYYY-MM-DD) of an instant, for labels. */
export function localDate(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISODate() ?? '';
}
