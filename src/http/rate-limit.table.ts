import { bigint, doublePrecision, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * The token buckets every Baton process shares (one row per limiter and key; no row means a full
 * bucket). Instants are epoch milliseconds so that SQL computes the refill with the very arithmetic
 * of `refill` in `rate-limit.ts`. Only refused sign-ins and tokens, and reset links asked for, write here.
 */
export const rateLimitBuckets = pgTable(
  'rate_limits',
  {
    /** Which limit: `login.account`, `login.address`, `token.address`, `reset.account`, `reset.address`. */
    limiter: text('limiter').notNull(),
    /** sha256 of the account or address: no e-mail or address is stored, and the size is fixed. */
    key: text('key').notNull(),
    tokens: doublePrecision('tokens').notNull(),
    atMs: bigint('at_ms', { mode: 'number' }).notNull(),
    /** When the bucket is full again, the same as no row: the row may then be pruned. */
    fullAtMs: bigint('full_at_ms', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.limiter, t.key] }), index('rate_limits_full_at').on(t.fullAtMs)],
);
