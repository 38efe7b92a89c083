import type { CompiledCalendar } from './calendar.ts';
import { type ClockTimes, dueAtPercent } from './clock.ts';

// A running clock is due at its breach and at the next rung of its ladder, the one rung it arms
// (`next_rung`, `rung_due_at`). Climbing a rung arms the one after, so a clock carries its own
// schedule and a send writes no timer rows (sla.jobs.ts).

/** A ladder rung as the clock sees it: the share of the budget where it falls, and the clock it names. */
type Rung = { at: number; clock?: string };

/** Where a rung stands in its clock's order: by share of the budget, then by its place in the ladder. */
export type Place = { at: number; index: number };

const compare = (a: Place, b: Place) => a.at - b.at || a.index - b.index;

/** The rungs of `ladder` that apply to the clock, in the order they fall due. */
export function rungsOf<R extends Rung>(
  clockName: string,
  ladder: readonly R[],
): { index: number; step: R }[] {
  return ladder
    .map((step, index) => ({ index, step }))
    .filter(({ step }) => !step.clock || step.clock === clockName)
    .sort((a, b) => compare({ at: a.step.at, index: a.index }, { at: b.step.at, index: b.index }));
}

/**
 * The rung to arm: the first one after `after` (from the bottom when absent) that has a due instant
 * and, when `aheadOf` is given, falls due after it (a clock resumed or moved to another calendar
 * skips the rungs it already passed, which fired before).
 */
export function nextRung<R extends Rung>(
  clockName: string,
  ladder: readonly R[],
  cal: CompiledCalendar,
  t: ClockTimes,
  opts: { after?: Place; aheadOf?: number } = {},
): { index: number; step: R; dueAt: number } | undefined {
  for (const { index, step } of rungsOf(clockName, ladder)) {
    if (opts.after && compare({ at: step.at, index }, opts.after) <= 0) continue;
    const dueAt = dueAtPercent(cal, t, step.at);
    if (dueAt === null) return undefined;
    if (opts.aheadOf !== undefined && dueAt <= opts.aheadOf) continue;
    return { index, step, dueAt };
  }
  return undefined;
}
