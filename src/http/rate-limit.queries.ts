import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import type { SharedKey } from './rate-limit.commands.ts';
import { rateLimitBuckets } from './rate-limit.table.ts';
import type { Bucket } from './rate-limit.ts';

/** The shared bucket as stored (no row: a full bucket); `refill` brings it to "now". */
export async function readShared(db: Queryable, { limiter, key }: SharedKey): Promise<Bucket | undefined> {
  const [row] = await db
    .select({ tokens: rateLimitBuckets.tokens, at: rateLimitBuckets.atMs })
    .from(rateLimitBuckets)
    .where(and(eq(rateLimitBuckets.limiter, limiter), eq(rateLimitBuckets.key, key)));
  return row && { tokens: row.tokens, at: row.at };
}
