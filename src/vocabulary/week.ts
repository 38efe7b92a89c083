// ISO weeks (`2026-W48`, Monday to Monday) in the organisation's time zone. Pure.
import { DateTime } from 'luxon';

export type WeekRange = { week: string; start: Date; end: Date };

/** The instants a week covers, `[start, end)`; null for a week that does not exist (2025-W53). */
export function weekRange(week: string, zone = 'UTC'): WeekRange | null {
  const start = DateTime.fromISO(week, { zone });
  if (!start.isValid || weekOf(start.toJSDate(), zone) !== week) return null;
  return { week, start: start.toJSDate(), end: start.plus({ weeks: 1 }).toJSDate() };
}

/** The ISO week an instant falls in, in `zone`. */
export function weekOf(at: Date, zone = 'UTC'): string {
  const local = DateTime.fromJSDate(at, { zone });
  return `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`;
}

/** `count` weeks before `week`, nearest first. */
export function weeksBefore(week: string, count: number, zone = 'UTC'): string[] {
  const start = DateTime.fromISO(week, { zone });
  return Array.from({ length: count }, (_, k) => weekOf(start.minus({ weeks: k + 1 }).toJSDate(), zone));
}
