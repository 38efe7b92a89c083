import { and, asc, eq, inArray, isNull, lte, min } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database, Db, Tx } from '../db/database.ts';
import { timersChannel } from './timers.commands.ts';
import { timers } from './timers.table.ts';

export type Timer = typeof timers.$inferSelect;
/** Runs inside the claiming transaction: its writes and the timer's `fired_at` commit together. */
export type TimerHandler = (tx: Tx, timer: Timer, now: Date) => Promise<void>;
/** Periodic work declared as data. */
export type Job = { id: string; every: number; run: (now: Date) => Promise<void> };

/**
 * Durable work that falls due at stored instants: timer rows, or rows that carry their own due
 * instant (an SLA clock). Each claims with FOR UPDATE SKIP LOCKED, so any number of processes share
 * the work and each item is done exactly once.
 */
export type DueWork = {
  /** Claims up to `limit` items due at `now` and does them in `tx`; returns how many it claimed. */
  claim(tx: Tx, now: Date, limit: number, logger: Logger): Promise<number>;
  /** The earliest instant it has work for; null when none. */
  nextDue(db: Db): Promise<Date | null>;
};

/** How long a failed item waits before its next attempt: doubling from a second, at most a minute. */
export const retryDelayMs = (attempts: number) => Math.min(60_000, 1000 * 2 ** attempts);

/** Timer rows, each handled by the handler of its kind. */
function timerWork(handlers: Record<string, TimerHandler>): DueWork {
  return {
    async claim(tx, now, limit, logger) {
      const due = await tx
        .select()
        .from(timers)
        .where(and(isNull(timers.firedAt), lte(timers.dueAt, now)))
        .orderBy(asc(timers.dueAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      const fired: number[] = [];
      for (const timer of due) {
        const handler = handlers[timer.kind];
        try {
          // A savepoint per timer: one failing handler must not undo the rest of the batch.
          await tx.transaction(async (sp) => {
            if (!handler) throw new Error(`no handler for timer kind ${timer.kind}`);
            await handler(sp, timer, now);
          });
          fired.push(timer.id);
        } catch (error) {
          logger.error({ err: error, timer: timer.id, kind: timer.kind }, 'timer failed; retrying later');
          await tx
            .update(timers)
            .set({
              attempts: timer.attempts + 1,
              lastError: String(error),
              dueAt: new Date(now.getTime() + retryDelayMs(timer.attempts)),
            })
            .where(eq(timers.id, timer.id));
        }
      }
      if (fired.length > 0) await tx.update(timers).set({ firedAt: now }).where(inArray(timers.id, fired));
      return due.length;
    },
    async nextDue(db) {
      const [row] = await db
        .select({ next: min(timers.dueAt) })
        .from(timers)
        .where(isNull(timers.firedAt));
      return row?.next ? new Date(row.next) : null;
    },
  };
}

type Options = {
  database: Database;
  clock: () => Date;
  logger: Logger;
  /** Handlers of timer rows, by kind. */
  handlers: Record<string, TimerHandler>;
  /** Other durable work with its own due instants. */
  work?: DueWork[];
  jobs?: Job[];
  /**
   * When a periodic job first runs after start: after this long, or after its own interval when
   * that is shorter. A process restarted more often than an hourly job's interval would otherwise
   * never run it. Unset: after its interval.
   */
  firstRunMs?: number;
  intervalMs: number;
  batchSize?: number;
};

/** How soon a pass looks again at due work another transaction holds. */
const HELD_RETRY_MS = 200;

/**
 * The durable scheduler: due work is claimed with FOR UPDATE SKIP LOCKED, so any number of
 * processes share it and each item is done exactly once. In-process timeouts only wake it early.
 */
export function createScheduler(o: Options) {
  const db = o.database.db;
  const sources = [timerWork(o.handlers), ...(o.work ?? [])];
  // Small batches: on PGlite a batch holds the only connection, so requests interleave between batches.
  const batch = o.batchSize ?? 100;
  let stopped = true;
  let running: Promise<number> | null = null;
  let again = false;
  let poll: NodeJS.Timeout | undefined;
  let wake: NodeJS.Timeout | undefined;
  const intervals: NodeJS.Timeout[] = [];
  const firstRuns: NodeJS.Timeout[] = [];
  let unlisten: (() => Promise<void>) | undefined;

  /** Does what is due now; returns how many items it claimed. */
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
          for (const source of sources) {
            let n: number;
            do {
              n = await db.transaction((tx) => source.claim(tx, o.clock(), batch, o.logger));
              total += n;
            } while (n === batch);
          }
        } while (again);
        await armNext(total);
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

  /** The earliest instant any source has work for; null when none. */
  async function nextDue(): Promise<Date | null> {
    let next: Date | null = null;
    // One after another: `db` may be a single connection (PGlite, or the demo's transaction).
    for (const source of sources) {
      const due = await source.nextDue(db);
      if (due && (!next || due < next)) next = due;
    }
    return next;
  }

  /**
   * Wakes for the next due item. Work that is due yet was not claimed is held by another
   * transaction (another process's pass, or an owner's command on the handoff): look again shortly,
   * not at once, or the pass would spin until that transaction ends.
   */
  async function armNext(claimed = 1) {
    if (stopped) return;
    const next = await nextDue();
    if (!next) return;
    const now = o.clock().getTime();
    wakeAt(claimed === 0 && next.getTime() <= now ? now + HELD_RETRY_MS : next.getTime());
  }

  return {
    runDue,
    nextDue,
    async start() {
      stopped = false;
      unlisten = await o.database.listen(timersChannel, (payload) => wakeAt(Number(payload)));
      poll = setInterval(() => void runDue(), o.intervalMs);
      for (const job of o.jobs ?? []) {
        let busy = false;
        const tick = () => {
          if (busy || stopped) return; // a slow run is never overlapped by the next tick
          busy = true;
          job
            .run(o.clock())
            .catch((error) => o.logger.error({ err: error, job: job.id }, 'job failed'))
            .finally(() => {
              busy = false;
            });
        };
        const first = o.firstRunMs;
        if (first === undefined || first >= job.every) intervals.push(setInterval(tick, job.every));
        else
          firstRuns.push(
            setTimeout(() => {
              if (stopped) return;
              tick();
              intervals.push(setInterval(tick, job.every));
            }, first),
          );
      }
      await runDue();
    },
    async stop() {
      stopped = true;
      clearInterval(poll);
      clearTimeout(wake);
      for (const i of intervals) clearInterval(i);
      for (const t of firstRuns) clearTimeout(t);
      intervals.length = 0;
      firstRuns.length = 0;
      await unlisten?.();
      await running;
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
