import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './context.ts';
import { ApiError } from './errors.ts';

/**
 * Refuses a body larger than `limit` bytes (413 `payload_too_large`). A body with a Content-Length
 * is judged by the header alone, leaving it unread for the route to take through @hono/node-server's
 * direct path; only a chunked body is read here, counting. (Hono's own middleware reads every body
 * through a web Request and its stream, which cost a small write as much as the write itself.)
 */
export function limitBody(limit: number) {
  const tooLarge = (): never => {
    throw new ApiError('payload_too_large', `the body exceeds ${limit} bytes`, { limit });
  };
  const counting = bodyLimit({ maxSize: limit, onError: tooLarge });
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return counting(c, next);
    if (Number(length) > limit) tooLarge();
    return next();
  });
}
