import { describe, expect, it } from 'vitest';
import { type SlaWork, slaIssues } from './health.ts';

const quiet = { due: 0, overdue: 0, oldestOverdueAt: null, failing: 0, latestError: null };
const work = (over: Partial<SlaWork> = {}): SlaWork => ({
  armed: 4,
  clocks: quiet,
  deferredRungs: { waiting: 1, ...quiet },
  ...over,
});

describe('the SLA engine in words', () => {
  it('is healthy with work armed, even due this instant, when nothing is overdue or failing', () => {
    expect(slaIssues(work({ clocks: { ...quiet, due: 3 } }))).toEqual({ ok: true, issues: [] });
  });

  it('names overdue clocks with the oldest instant and what to check, in the right number', () => {
    const oldest = new Date('2026-11-23T12:00:00Z');
    const one = slaIssues(work({ clocks: { ...quiet, due: 1, overdue: 1, oldestOverdueAt: oldest } }));
    expect(one.ok).toBe(false);
    expect(one.issues).toEqual([
      '1 SLA clock fell due more than a minute ago and has not been attended (the oldest at 2026-11-23T12:00:00.000Z): check that a Baton process with its scheduler is running',
    ]);
    const two = slaIssues(work({ clocks: { ...quiet, due: 2, overdue: 2, oldestOverdueAt: oldest } }));
    expect(two.issues[0]).toMatch(/^2 SLA clocks fell due .* and have not been attended/);
  });

  it('names failing clocks and failing deferred rungs separately', () => {
    const { ok, issues } = slaIssues(
      work({
        clocks: { ...quiet, failing: 2, latestError: 'SlaError: invalid calendar' },
        deferredRungs: { waiting: 1, ...quiet, failing: 1 },
      }),
    );
    expect(ok).toBe(false);
    expect(issues).toEqual([
      '2 SLA clocks failed at the last attempt and are being retried (latest error: SlaError: invalid calendar)',
      '1 ladder rung deferred to a shift failed at the last attempt and is being retried',
    ]);
  });
});
