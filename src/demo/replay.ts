import pino from 'pino';
import type { Database, Db } from '../db/database.ts';
import { createScheduler } from '../jobs/scheduler.ts';
import { slaScheduling } from '../sla/sla.jobs.ts';

/**
 * The demo tells weeks of history in a few seconds: before each step, the durable scheduler does
 * the SLA work (breaches, ladder rungs) that fell due since the last one, each at its own instant,
 * exactly as a running server would have. So a handoff accepted late shows its breach, and one accepted in time does not.
 */
export function timerReplay(db: Db) {
  let clock = new Date(0);
  // The scheduler only runs transactions on `db`; it never listens, since it is never started.
  const database: Database = {
    kind: 'pglite',
    db,
    listen: async () => async () => {},
    notify: async () => {},
    close: async () => {},
  };
  const scheduler = createScheduler({
    database,
    clock: () => clock,
    logger: pino({ level: 'error' }),
    ...slaScheduling,
    intervalMs: 60_000,
  });
  let rounds = 0;
  /** The earliest due work as last read (null: none); undefined once it may have changed. */
  let nextDue: Date | null | undefined;
  /** Fires what is due at `now` itself (timers that were already overdue before the replay). */
  async function flush(now: Date) {
    clock = now;
    await scheduler.runDue();
    nextDue = undefined;
  }
  async function fireUntil(until: Date) {
    for (;;) {
      if (nextDue === undefined) {
        nextDue = await scheduler.nextDue();
      }
      if (nextDue === null || nextDue > until) return;
      // A failing handler is retried a little later each time: do not chase it forever.
      if (++rounds > 20_000) throw new Error('demo: SLA timers keep failing during the replay');
      clock = nextDue;
      await scheduler.runDue();
      nextDue = undefined;
    }
  }
  /** Tells the replay that new due work may have been written (a handoff sent, a dip raised). */
  function changed() {
    nextDue = undefined;
  }
  return { flush, fireUntil, changed };
}
