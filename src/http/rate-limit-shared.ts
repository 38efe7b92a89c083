import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { resetShared, takeShared } from './rate-limit.commands.ts';
import { readShared } from './rate-limit.queries.ts';
import { createLimiter, type LimiterOptions, refill, type Verdict, verdictOf } from './rate-limit.ts';

/**
 * A limit whose buckets live in the database, so that every Baton process on it spends one budget.
 * The process keeps its own copy of each bucket as the database last answered (the pure limiter),
 * which serves two ends:
 * - the hot path: `check` asks the database only when that copy says the key is blocked, so a
 *   valid request costs no round trip; only refused credentials (`take`) and sign-ins (`reset`) write;
 * - the fallback: when a statement fails (database unreachable), the request is judged by the copy
 *   alone, as a per-process limit, rather than answered 500.
 * A process that has not yet seen a key's refusal learns of it at that key's next refused attempt.
 */
export type SharedLimiter = {
  /** Before the credential is checked: may this key try now? */
  check(key: string, now: number): Promise<Verdict>;
  /** After a refused credential: counts it; not allowed means the attempt was over the budget. */
  take(key: string, now: number): Promise<Verdict>;
  /** Forgets the key everywhere. */
  reset(key: string): Promise<void>;
};

export function createSharedLimiter(
  limiter: string,
  options: LimiterOptions,
  database: Pick<Database, 'db'>,
  logger: Pick<Logger, 'warn'>,
): SharedLimiter {
  const local = createLimiter(options);
  const rate = { limit: options.limit, windowMs: options.windowMs };
  const off = options.limit <= 0;
  const shared = (key: string) => ({
    limiter,
    key: createHash('sha256').update(key).digest('base64url'),
  });
  const fellBack = (error: unknown, step: string) =>
    logger.warn({ err: error, limiter, step }, 'rate limit: database unavailable, judged in this process');

  return {
    async check(key, now) {
      const mine = local.check(key, now);
      if (mine.allowed) return mine;
      try {
        const bucket = await readShared(database.db, shared(key));
        local.adopt(key, bucket, now);
        return verdictOf(refill(bucket, now, rate), rate);
      } catch (error) {
        fellBack(error, 'check');
        return mine;
      }
    },
    async take(key, now) {
      if (off) return { allowed: true };
      try {
        const { taken, bucket } = await takeShared(database.db, shared(key), now, rate);
        local.adopt(key, bucket, now);
        return taken ? { allowed: true } : verdictOf(refill(bucket, now, rate), rate);
      } catch (error) {
        fellBack(error, 'take');
        return local.take(key, now);
      }
    },
    async reset(key) {
      local.reset(key);
      if (off) return;
      try {
        await resetShared(database.db, shared(key));
      } catch (error) {
        fellBack(error, 'reset');
      }
    },
  };
}
