import type { Calendar } from '../api/types.ts';
import { formatDuration } from '../app/format.ts';
import { businessMsBetween, targetMs } from './business-time.ts';

export type ClockLevel = 'ok' | 'at-risk' | 'breached' | 'paged' | 'met' | 'paused' | 'stopped';
export type ClockStatus = { level: ClockLevel; label: string; detail: string; remainingMs: number | null };

/** A clock is at risk once three quarters of its business time is used (the ladder's first rung). */
export const atRiskShare = 0.25;

export type ClockLike = { name: string; target: string; state: string; deadline: string | null };

/** A target of no time at all (`PT0M`), as the SLA engine's `pagesAtOnce` reads it (not `P0D`). */
const zeroTarget = (target: string) => /^PT/i.test(target) && targetMs(target, undefined) === 0;

/** What a clock means right now, in words: the colour is never the only signal. */
export function clockStatus(clock: ClockLike, calendar: Calendar | undefined, now: number): ClockStatus {
  const deadline = clock.deadline ? Date.parse(clock.deadline) : Number.NaN;
  switch (clock.state) {
    case 'met':
      return { level: 'met', label: 'Met', detail: 'met its target', remainingMs: null };
    case 'paused':
      return { level: 'paused', label: 'Paused', detail: 'waiting on the customer', remainingMs: null };
    case 'cancelled':
    case 'stopped':
      return { level: 'stopped', label: 'Stopped', detail: 'no longer running', remainingMs: null };
    case 'breached':
      // A zero target (a supervisor paged the moment the handoff is sent) breaches by design: the
      // page went out, no promise was broken.
      if (zeroTarget(clock.target))
        return {
          level: 'paged',
          label: 'Paged',
          detail: 'paged at once: no target to meet',
          remainingMs: null,
        };
      return {
        level: 'breached',
        label: 'Breached',
        detail: Number.isNaN(deadline) ? 'deadline passed' : `${formatDuration(now - deadline)} over`,
        remainingMs: 0,
      };
  }
  if (Number.isNaN(deadline)) return { level: 'ok', label: 'Running', detail: '', remainingMs: null };
  if (deadline <= now)
    return {
      level: 'breached',
      label: 'Overdue',
      detail: `${formatDuration(now - deadline)} over`,
      remainingMs: 0,
    };
  const remaining = calendar ? businessMsBetween(calendar, now, deadline) : deadline - now;
  const budget = targetMs(clock.target, calendar);
  const risky = remaining <= budget * atRiskShare;
  const closed = remaining > 0 && calendar && businessMsBetween(calendar, now, now + 60_000) === 0;
  // Business time, said so: beside a deadline "in 9 hr" on the clock, "2m left" would contradict it.
  const detail = calendar
    ? `${formatDuration(remaining)} of working hours left${closed ? ' · team closed now' : ''}`
    : `${formatDuration(remaining)} left`;
  return {
    level: risky ? 'at-risk' : 'ok',
    label: risky ? 'At risk' : 'On track',
    detail,
    remainingMs: remaining,
  };
}

const rank: Record<ClockLevel, number> = {
  breached: 0,
  'at-risk': 1,
  ok: 2,
  paged: 3,
  paused: 4,
  met: 5,
  stopped: 6,
};

/** The clock that matters most for a handoff: breached first, then the nearest deadline. */
export function worstClock<T extends ClockLike>(clocks: T[], calendar: Calendar | undefined, now: number) {
  let best: { clock: T; status: ClockStatus } | undefined;
  for (const clock of clocks) {
    const status = clockStatus(clock, calendar, now);
    if (
      !best ||
      rank[status.level] < rank[best.status.level] ||
      (rank[status.level] === rank[best.status.level] && (clock.deadline ?? '') < (best.clock.deadline ?? ''))
    ) {
      best = { clock, status };
    }
  }
  return best;
}

/** The earliest deadline of a running clock (ms), for sorting a queue by urgency. */
export function nextDeadline(clocks: ClockLike[]): number {
  let min = Number.POSITIVE_INFINITY;
  for (const c of clocks) {
    if (c.state !== 'running' && c.state !== 'breached') continue;
    const d = c.deadline ? Date.parse(c.deadline) : Number.NaN;
    if (d < min) min = d;
  }
  return min;
}
