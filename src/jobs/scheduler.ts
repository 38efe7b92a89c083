import { and, asc, eq, inArray, isNull, lte, min, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database, Tx } from '../db/database.ts';
import { timersChannel } from './timers.commands.ts';
import { timers } from './timers.table.ts';

export type Timer = typeof timers.$inferSelect;
/** Runs inside the claiming transaction: its writes and the timer's `fired_at` commit together. */
export type TimerHandler = (tx: Tx, timer: Timer, now: Date) => Promise<void>;
/** Periodic work declared as data. */
export type Job = { id: string; every: number; run: (now: Date) => Promise<void> };

type Options = {
  database: Database;
  clock: () => Date;
  logger: Logger;
  handlers: Record<string, TimerHandler>;
  jobs?: Job[];
  intervalMs: number;
  batchSize?: number;
};

/**
 * The durable scheduler: due timers are claimed with FOR UPDATE SKIP LOCKED, so any number of
 * processes share the work and each timer fires exactly once. In-process timeouts only wake it early.
 */
export function createScheduler(o: Options) {
  const db = o.database.db;
  // Small batches: on PGlite a batch holds the only connection, so requests interleave between batches.
  const batch = o.batchSize ?? 100;
  let stopped = true;
  let running: Promise<number> | null = null;
  let again = false;
  let poll: NodeJS.Timeout | undefined;
  let wake: NodeJS.Timeout | undefined;
  const intervals: NodeJS.Timeout[] = [];
  let unlisten: (() => Promise<void>) | undefined;

  async function fireBatch(): Promise<number> {
    return db.transaction(async (tx) => {
      const now = o.clock();
      const due = await tx
        .select()
        .from(timers)
        .where(and(isNull(timers.firedAt), lte(timers.dueAt, now)))
        .orderBy(asc(timers.dueAt))
        .limit(batch)
        .for('update', { skipLocked: true });
      const fired: number[] = [];
      for (const timer of due) {
        const handler = o.handlers[timer.kind];
        try {
          // A savepoint per timer: one failing handler must not undo the rest of the batch.
          await tx.transaction(async (sp) => {
            if (!handler) throw new Error(`no handler for timer kind ${timer.kind}`);
            await handler(sp, timer, now);
          });
          fired.push(timer.id);
        } catch (error) {
          o.logger.error({ err: error, timer: timer.id, kind: timer.kind }, 'timer failed; retrying later');
          const retryAt = new Date(now.getTime() + Math.min(60_000, 1000 * 2 ** timer.attempts));
          await tx
            .update(timers)
            .set({ attempts: timer.attempts + 1, lastError: String(error), dueAt: retryAt })
            .where(eq(timers.id, timer.id));
        }
      }
      if (fired.length > 0) await tx.update(timers).set({ firedAt: now }).where(inArray(timers.id, fired));
      return due.length;
    });
  }

  /** Fires everything due now; returns how many timers it claimed. */
  async function runDue(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      try {
        do {
          again = false;
          let n: number;
          do {
            n = await fireBatch();
            total += n;
          } while (n === batch);
        } while (again);
        await armNext();
      } catch (error) {
        o.logger.error({ err: error }, 'scheduler pass failed');
      } finally {
        running = null;
      }
      return total;
    })();
    return running;
  }

  function wakeAt(dueMs: number) {
    if (stopped) return;
    const delay = Math.max(0, dueMs - o.clock().getTime());
    if (delay > o.intervalMs * 4) return; // the poll will see it
    clearTimeout(wake);
    wake = setTimeout(() => void runDue(), delay);
  }

  async function armNext() {
    if (stopped) return;
    const [row] = await db
      .select({ next: min(timers.dueAt) })
      .from(timers)
      .where(isNull(timers.firedAt));
    if (row?.next) wakeAt(new Date(row.next).getTime());
  }

  return {
    runDue,
    async start() {
      stopped = false;
      unlisten = await o.database.listen(timersChannel, (payload) => wakeAt(Number(payload)));
      poll = setInterval(() => void runDue(), o.intervalMs);
      for (const job of o.jobs ?? []) {
        let busy = false;
        intervals.push(
          setInterval(() => {
            if (busy || stopped) return; // a slow run is never overlapped by the next tick
            busy = true;
            job
              .run(o.clock())
              .catch((error) => o.logger.error({ err: error, job: job.id }, 'job failed'))
              .finally(() => {
                busy = false;
              });
          }, job.every),
        );
      }
      await runDue();
    },
    async stop() {
      stopped = true;
      clearInterval(poll);
      clearTimeout(wake);
      for (const i of intervals) clearInterval(i);
      await unlisten?.();
      await running;
    },
    /** How many timers are waiting, for health and the bench. */
    async pending(): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(timers)
        .where(isNull(timers.firedAt));
      return Number(row?.n ?? 0);
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
