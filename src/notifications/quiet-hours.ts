import { DateTime } from 'luxon';
import type { QuietHours, QuietWeekday } from './notifications.types.ts';

const weekdays: QuietWeekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether instant `ms` falls in the weekly quiet window, read in `zone` (the person's time zone
 * unless the window names its own). An overnight window (22:00-07:00) belongs to the day it starts.
 */
export function inQuietHours(q: QuietHours, zone: string, ms: number): boolean {
  const local = DateTime.fromMillis(ms, { zone: q.timezone ?? zone });
  const at = local.isValid ? local : DateTime.fromMillis(ms, { zone: 'UTC' });
  const now = at.hour * 60 + at.minute;
  const today = weekdays[at.weekday - 1]!;
  const yesterday = weekdays[(at.weekday + 5) % 7]!;
  const start = minutes(q.start);
  const end = minutes(q.end);
  if (start < end) return q.days.includes(today) && now >= start && now < end;
  return (q.days.includes(today) && now >= start) || (q.days.includes(yesterday) && now < end);
}
