import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import { idempotencyKeys } from '../auth/auth.table.ts';
import type { AppEnv } from './context.ts';
import { ApiError } from './errors.ts';

/**
 * A POST retried with the same Idempotency-Key gets the first answer again and writes nothing new.
 * The key is claimed before the handler runs, so two concurrent retries cannot both write.
 */
export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header('idempotency-key');
  if (c.req.method !== 'POST' || !key) return next();
  if (key.length > 255)
    throw new ApiError('validation_failed', 'Idempotency-Key is too long', { field: 'Idempotency-Key' });
  const { orgId } = c.var.principal;
  const db = c.var.services.database.db;
  const raw = await c.req.raw.clone().text();
  const requestHash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${raw}`).digest('hex');
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ orgId, key, method: c.req.method, path: c.req.path, requestHash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length === 0) {
    const [previous] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.key, key)));
    if (!previous) throw new ApiError('idempotency_in_progress', 'retry this request');
    if (previous.requestHash !== requestHash) {
      throw new ApiError('idempotency_key_reused', 'this Idempotency-Key was used for a different request', {
        field: 'Idempotency-Key',
      });
    }
    if (previous.status === null)
      throw new ApiError('idempotency_in_progress', 'the first request with this key is still running');
    c.header('Idempotency-Replayed', 'true');
    return c.json(previous.response as object, previous.status as 200);
  }
  const release = () =>
    db
      .delete(idempotencyKeys)
      .where(
        and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.status)),
      );
  try {
    await next();
  } catch (error) {
    await release();
    throw error;
  }
  const status = c.res.status;
  // Errors caught by Hono's handler arrive here as responses: a failed write may be retried.
  if (status >= 400 || !c.res.headers.get('content-type')?.includes('json')) {
    await release();
    return;
  }
  const body = await c.res.clone().json();
  await db
    .update(idempotencyKeys)
    .set({ status, response: body })
    .where(and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.key, key)));
});
