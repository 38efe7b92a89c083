import { compileCalendar } from '../sla/calendar.ts';
import { parseTarget } from '../sla/deadline.ts';
import type { HandoffView } from './derive.ts';
import { groupBy } from './facts.ts';
import { clockUsedMs } from './journey.ts';
import { median, type Rate, rate, spread } from './stats.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** Rounds a duration up to a step a person would write: 5 min under 1 h, 15 min under 4 h, 30 min under a day, then hours. */
export function roundUpDuration(ms: number): number {
  if (ms <= 0) return 0;
  const step = ms < HOUR ? 5 * MIN : ms < 4 * HOUR ? 15 * MIN : ms < 24 * HOUR ? 30 * MIN : HOUR;
  return Math.ceil(ms / step) * step;
}

/** `PT{h}H{m}M` for a whole number of minutes (`PT0M` for nothing). */
export function formatTarget(ms: number): string {
  const minutes = Math.round(ms / MIN);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `PT${m}M`;
  return m === 0 ? `PT${h}H` : `PT${h}H${m}M`;
}

/**
 * The target that the p90 of actual business time would have met: rounded up to a usual step, in the
 * current target's own unit (whole business days for a `P{n}D` target, a working day being the
 * budget divided by n).
 */
export function suggestTarget(p90Ms: number, target: string, budgetMs: number): string {
  const t = parseTarget(target);
  if (t.kind === 'days' && t.days > 0 && budgetMs > 0) {
    const day = budgetMs / t.days;
    return `P${Math.max(1, Math.ceil(p90Ms / day - 1e-9))}D`;
  }
  return formatTarget(roundUpDuration(p90Ms));
}

export type Fit = 'over' | 'under' | 'fits' | 'no data';

/** Fewer finished clocks than this and no target is suggested: one slow or quick case is no evidence. */
export const minClocksForSuggestion = 5;

/** Over: p90 above the target (more than one clock in ten misses); under: p90 within half of it. */
export function fitOf(p90Ms: number | null, budgetMs: number): Fit {
  if (p90Ms === null) return 'no data';
  if (p90Ms > budgetMs) return 'over';
  if (budgetMs > 0 && p90Ms <= budgetMs / 2) return 'under';
  return 'fits';
}

export type CalibrationRow = {
  scenario: string;
  clock: string;
  target: string;
  budgetMs: number;
  /** Clocks that stopped (met, or breached and then stopped): their business time is known. */
  finished: number;
  /** Clocks still running or paused, not counted in the times. */
  open: number;
  attainment: Rate;
  p50Ms: number | null;
  p90Ms: number | null;
  fit: Fit;
  /** Null with fewer than `minClocksForSuggestion` finished clocks. */
  suggestedTarget: string | null;
};

/** Actual business time to stop each clock target of each scenario, against the target. */
export function slaCalibration(views: readonly HandoffView[]): CalibrationRow[] {
  const clocks = views.flatMap((v) =>
    v.clocks.filter((c) => c.state !== 'cancelled').map((c) => ({ scenario: v.h.scenarioId, c })),
  );
  const groups = groupBy(clocks, (x) => `${x.scenario}\u0000${x.c.name}\u0000${x.c.target}`);
  return [...groups.values()]
    .map((group) => {
      const { scenario, c: first } = group[0]!;
      const used: number[] = [];
      for (const { c } of group) {
        let ms: number | null = null;
        try {
          ms = clockUsedMs(c, compileCalendar(c.calendar));
        } catch {}
        if (ms !== null) used.push(ms);
      }
      const budgetMs = Math.round(median(group.map((x) => x.c.budgetMs)) ?? 0);
      const s = spread(used);
      const finished = group.filter((x) => x.c.state === 'met' || x.c.state === 'breached');
      return {
        scenario,
        clock: first.name,
        target: first.target,
        budgetMs,
        finished: used.length,
        open: group.length - used.length,
        attainment: rate(finished.filter((x) => x.c.state === 'met').length, finished.length),
        p50Ms: s.p50Ms,
        p90Ms: s.p90Ms,
        fit: fitOf(s.p90Ms, budgetMs),
        suggestedTarget:
          s.p90Ms === null || used.length < minClocksForSuggestion
            ? null
            : suggestTarget(s.p90Ms, first.target, budgetMs),
      };
    })
    .sort((a, b) => a.scenario.localeCompare(b.scenario) || a.clock.localeCompare(b.clock));
}
