import type { CompiledCalendar } from './calendar.ts';
import { addBusinessMs, deadline, elapsedMs, parseTarget } from './deadline.ts';

/** The arithmetic state of one SLA clock; instants in UTC ms. */
export type ClockTimes = {
  startedAt: number;
  /** Business ms the target allows, fixed at start (a P{n}D target measured on the start's calendar). */
  budgetMs: number;
  consumedMs: number;
  segmentStartedAt: number | null;
  deadline: number | null;
};

export function startClock(cal: CompiledCalendar, target: string, now: number): ClockTimes {
  const due = deadline(cal, now, parseTarget(target));
  return {
    startedAt: now,
    budgetMs: elapsedMs(cal, now, due),
    consumedMs: 0,
    segmentStartedAt: now,
    deadline: due,
  };
}

/** Pausing banks the business time used so far; a paused clock has no deadline. */
export function pauseClock(cal: CompiledCalendar, c: ClockTimes, now: number): ClockTimes {
  if (c.segmentStartedAt === null) return c;
  return {
    ...c,
    consumedMs: c.consumedMs + elapsedMs(cal, c.segmentStartedAt, now),
    segmentStartedAt: null,
    deadline: null,
  };
}

/** Resuming recomputes the deadline from the business time that is left (invariant 5). */
export function resumeClock(cal: CompiledCalendar, c: ClockTimes, now: number): ClockTimes {
  if (c.segmentStartedAt !== null) return c;
  return { ...c, segmentStartedAt: now, deadline: addBusinessMs(cal, now, c.budgetMs - c.consumedMs) };
}

/** A calendar change keeps the time already used and re-spreads what is left over the new hours. */
export function recalendar(
  oldCal: CompiledCalendar,
  newCal: CompiledCalendar,
  c: ClockTimes,
  now: number,
): ClockTimes {
  if (c.segmentStartedAt === null) return c;
  return resumeClock(newCal, pauseClock(oldCal, c, now), now);
}

/** When the clock reaches `percent` of its budget (the ladder's rungs); null while paused. */
export function dueAtPercent(cal: CompiledCalendar, c: ClockTimes, percent: number): number | null {
  if (c.segmentStartedAt === null || c.deadline === null) return null;
  if (percent === 100) return c.deadline;
  const wanted = (c.budgetMs * percent) / 100 - c.consumedMs;
  return addBusinessMs(cal, c.segmentStartedAt, Math.round(wanted));
}

/** Business time used by `now`, as a share of the budget (1 = at the deadline). */
export function usedShare(cal: CompiledCalendar, c: ClockTimes, now: number): number {
  const used = c.consumedMs + (c.segmentStartedAt === null ? 0 : elapsedMs(cal, c.segmentStartedAt, now));
  if (c.budgetMs === 0) return now >= (c.deadline ?? now) ? 1 : 0;
  return used / c.budgetMs;
}
