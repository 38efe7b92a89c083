// Whether the SLA engine is keeping up, in the words an operator acts on. A clock's due work
// (its breach, its next rung) is attended within a poll of the scheduler (250 ms by default):
// due for more than a minute, nobody is attending it; attempts above zero, it keeps failing.

/** Due work older than this is overdue: no scheduler is running, or it is far behind. */
export const overdueAfterMs = 60_000;

export type DueWorkState = {
  /** Items due now (their instant has come) and not yet attended. */
  due: number;
  /** Of those, due for longer than `overdueAfterMs`. */
  overdue: number;
  /** The instant the oldest overdue item fell due; null when none is overdue. */
  oldestOverdueAt: Date | null;
  /** Items whose last attempt failed and that wait to be tried again. */
  failing: number;
  /** The error of the latest failed attempt, when any is failing. */
  latestError: string | null;
};

export type SlaWork = {
  /** Running or breached clocks still to be attended (a breach or a rung ahead). */
  armed: number;
  clocks: DueWorkState;
  /** Ladder rungs waiting for someone's working hours (timer rows). */
  deferredRungs: DueWorkState & { waiting: number };
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function describe(state: DueWorkState, what: [string, string]): string[] {
  const issues: string[] = [];
  if (state.overdue > 0)
    issues.push(
      `${plural(state.overdue, ...what)} fell due more than a minute ago and ${state.overdue === 1 ? 'has' : 'have'} not been attended (the oldest at ${state.oldestOverdueAt?.toISOString()}): check that a Baton process with its scheduler is running`,
    );
  if (state.failing > 0)
    issues.push(
      `${plural(state.failing, ...what)} failed at the last attempt and ${state.failing === 1 ? 'is' : 'are'} being retried${state.latestError ? ` (latest error: ${state.latestError})` : ''}`,
    );
  return issues;
}

/** Healthy when nothing is overdue and nothing is failing; each problem as one sentence. */
export function slaIssues(work: SlaWork): { ok: boolean; issues: string[] } {
  const issues = [
    ...describe(work.clocks, ['SLA clock', 'SLA clocks']),
    ...describe(work.deferredRungs, ['ladder rung deferred to a shift', 'ladder rungs deferred to a shift']),
  ];
  return { ok: issues.length === 0, issues };
}
