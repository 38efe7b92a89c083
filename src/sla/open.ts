import { compileCalendar } from './calendar.ts';
import { elapsedMs } from './deadline.ts';

/** Whether a calendar is open at an instant (a person on shift, a team in hours). */
export function isOpenAt(calendar: unknown, ms: number): boolean {
  return elapsedMs(compileCalendar(calendar), ms, ms + 1) > 0;
}
