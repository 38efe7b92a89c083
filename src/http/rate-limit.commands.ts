import { and, eq, sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../db/database.ts';
import { rateLimitBuckets } from './rate-limit.table.ts';
import type { Bucket } from './rate-limit.ts';

export type SharedKey = { limiter: string; key: string };
export type Rate = { limit: number; windowMs: number };

/** Buckets already full that one write clears on its way (no periodic job needed). */
const pruneBatch = 50;

/**
 * One counted event in the shared bucket, in one statement: the refill of `refill` (rate-limit.ts)
 * in SQL, a token taken only when a whole one is left (ON CONFLICT ... WHERE: the row is locked, so
 * N processes counting at once each see the others' takes), and up to `pruneBatch` full buckets of
 * other keys deleted. Answers whether the token was taken and the bucket as it now stands.
 */
export async function takeShared(
  db: Queryable,
  { limiter, key }: SharedKey,
  now: number,
  { limit, windowMs }: Rate,
): Promise<{ taken: boolean; bucket: Bucket | undefined }> {
  const perMs = sql`(${limit}::float8 / ${windowMs}::float8)`;
  const refilled = sql`least(${limit}::float8, r.tokens + greatest(0, ${now}::bigint - r.at_ms) * ${perMs})`;
  const fullAt = (tokens: ReturnType<typeof sql>) =>
    sql`${now}::bigint + ceil((${limit}::float8 - ${tokens}) / ${perMs})::bigint`;
  const result = await db.execute(sql`
    with pruned as (
      delete from rate_limits where (limiter, key) in (
        select limiter, key from rate_limits
        where full_at_ms <= ${now}::bigint and not (limiter = ${limiter} and key = ${key})
        order by full_at_ms limit ${pruneBatch}
        for update skip locked)
    ), hit as (
      insert into rate_limits as r (limiter, key, tokens, at_ms, full_at_ms)
      values (${limiter}, ${key}, ${limit}::float8 - 1, ${now}::bigint, ${fullAt(sql`(${limit}::float8 - 1)`)})
      on conflict (limiter, key) do update
        set tokens = ${refilled} - 1, at_ms = ${now}::bigint, full_at_ms = ${fullAt(sql`(${refilled} - 1)`)}
        where ${refilled} >= 1
      returning r.tokens, r.at_ms
    )
    select true as taken, tokens, at_ms::float8 as at from hit
    union all
    select false, tokens, at_ms::float8 from rate_limits
    where limiter = ${limiter} and key = ${key} and not exists (select 1 from hit)`);
  const [row] = rowsOf<{ taken: boolean; tokens: number; at: number }>(result);
  // No row either way: another process created the bucket after this statement's snapshot and
  // left it empty (only with a limit of 1): refused, as that bucket is.
  if (!row) return { taken: false, bucket: { tokens: 0, at: now } };
  return { taken: row.taken, bucket: { tokens: Number(row.tokens), at: Number(row.at) } };
}

/** Forgets a key in every process (a successful sign-in clears its account's failures). */
export async function resetShared(db: Queryable, { limiter, key }: SharedKey): Promise<void> {
  await db
    .delete(rateLimitBuckets)
    .where(and(eq(rateLimitBuckets.limiter, limiter), eq(rateLimitBuckets.key, key)));
}
