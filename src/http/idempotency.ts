import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import { idempotencyKeys } from '../auth/auth.table.ts';
import type { Db } from '../db/database.ts';
import { notifyOnCommit } from '../db/notices.ts';
import type { AppEnv } from './context.ts';
import { ApiError } from './errors.ts';

class RollBack extends Error {}

/**
 * A POST retried with the same Idempotency-Key gets the first answer again and writes nothing new.
 * The key, the write and the stored answer commit in one transaction: a crash leaves either all of
 * them or none, so a retry after a crash either replays or runs afresh, never sticks.
 */
export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header('idempotency-key');
  if (c.req.method !== 'POST' || !key) return next();
  if (key.length > 255)
    throw new ApiError('validation_failed', 'Idempotency-Key is too long', { field: 'Idempotency-Key' });
  const { orgId } = c.var.principal;
  const services = c.var.services;
  const db = services.database.db;
  const raw = await c.req.text();
  const requestHash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${raw}`).digest('hex');
  const where = and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.key, key));
  let previous: typeof idempotencyKeys.$inferSelect | undefined;
  try {
    await db.transaction(async (tx) => {
      // Waits for a concurrent request with the same key to commit or roll back.
      const claimed = await tx
        .insert(idempotencyKeys)
        .values({ orgId, key, method: c.req.method, path: c.req.path, requestHash })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (claimed.length === 0) {
        [previous] = await tx.select().from(idempotencyKeys).where(where);
        return;
      }
      const database = {
        ...services.database,
        db: tx as unknown as Db,
        notify: (channel: string, payload: string) => notifyOnCommit(tx, [{ channel, payload }]),
      };
      c.set('services', { ...services, database, background: services.database });
      try {
        await next();
      } finally {
        c.set('services', services);
      }
      if (c.res.status >= 400 || !c.res.headers.get('content-type')?.includes('json')) throw new RollBack();
      const body = await c.res.clone().json();
      await tx.update(idempotencyKeys).set({ status: c.res.status, response: body }).where(where);
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
    return;
  }
  if (!previous) return;
  if (previous.requestHash !== requestHash) {
    throw new ApiError('idempotency_key_reused', 'this Idempotency-Key was used for a different request', {
      field: 'Idempotency-Key',
    });
  }
  c.header('Idempotency-Replayed', 'true');
  return c.json(previous.response as object, previous.status as 200);
});
