// ISO weeks as the drift picker offers them. The server names the current week (in the
// organisation's time zone); these only count back from it, so no browser clock decides a week.
import { isoWeekId } from '../analytics/figures.ts';

const DAY = 86_400_000;

/** The Monday (a UTC date, in ms) of an ISO week such as `2026-W48`; null when it is not one. */
export function mondayOfWeek(id: string): number | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(id);
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  // 4 January is always in week 1.
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY + (week - 1) * 7 * DAY;
  return isoWeekId(monday) === id ? monday : null;
}

/** `current` and the `count - 1` weeks before it, newest first. */
export function weeksUpTo(current: string, count: number): string[] {
  const monday = mondayOfWeek(current);
  if (monday === null) return [current];
  return Array.from({ length: count }, (_, k) => isoWeekId(monday - k * 7 * DAY));
}

const months = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
// Spelt out here rather than by Intl: its punctuation differs between ICU versions (Node, browsers).
const dayMonth = (ms: number) => `${new Date(ms).getUTCDate()} ${months[new Date(ms).getUTCMonth()]}`;

/** "This week", "Last week", else "Week 46, from 9 Nov"; the id follows in brackets. */
export function weekLabel(id: string, current: string): string {
  const monday = mondayOfWeek(id);
  const [previous] = weeksUpTo(current, 2).slice(1);
  const name =
    id === current
      ? 'This week'
      : id === previous
        ? 'Last week'
        : `Week ${Number(id.slice(6))}${monday === null ? '' : `, from ${dayMonth(monday)}`}`;
  return `${name} (${id})`;
}

/**
 * "Mon 20 Jul to Sun 26 Jul 2026": the days of a week as calendar dates, the same in every zone
 * (the report's instants, read in the browser's zone, can fall on the day before).
 */
export function weekDays(id: string): string {
  const monday = mondayOfWeek(id);
  if (monday === null) return id;
  const sunday = monday + 6 * DAY;
  return `Mon ${dayMonth(monday)} to Sun ${dayMonth(sunday)} ${new Date(sunday).getUTCFullYear()}`;
}
