import type { Hook } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type { ZodError } from 'zod';
import type { AppEnv } from './context.ts';
import { ApiError } from './errors.ts';

export function validationError(error: ZodError, where: string): ApiError {
  const issues = error.issues.map((i) => ({ field: i.path.join('.') || where, message: i.message }));
  const first = issues[0];
  return new ApiError('validation_failed', `${first?.field}: ${first?.message}`, {
    field: first?.field,
    issues,
  });
}

/** zod-openapi's hook: every schema failure becomes our `validation_failed` error. */
// biome-ignore lint/suspicious/noExplicitAny: the hook is generic over every route
export const validationHook: Hook<any, AppEnv, any, any> = (result) => {
  if (!result.success) throw validationError(result.error, result.target);
};

/** Where the first string holding U+0000 is in a JSON value (keys included), or undefined. */
export function nulBytePath(value: unknown): string | undefined {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return at;
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const path = at ? `${at}.${k}` : k;
        if (k.includes('\u0000')) return path;
        stack.push([child, path]);
      }
    }
  }
  return undefined;
}

/**
 * PostgreSQL text cannot hold U+0000: refused here as bad input, with the field at fault, rather
 * than failing inside a query.
 */
export const rejectNulBytes = createMiddleware<AppEnv>(async (c, next) => {
  const url = new URL(c.req.url);
  if (/%00/.test(url.pathname)) throw nulError('path');
  for (const [name, value] of url.searchParams)
    if (value.includes('\u0000') || name.includes('\u0000')) throw nulError(name);
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    // Hono keeps the text: the route's validator parses it from there, without reading the body again.
    const text = await c.req.text();
    if (text.includes('\u0000') || text.includes('\\u0000')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return next(); // not JSON: the route answers invalid_json
      }
      const field = nulBytePath(parsed);
      if (field !== undefined) throw nulError(field || 'body');
    }
  }
  await next();
});

function nulError(field: string) {
  const message = 'must not contain the NUL character (U+0000)';
  return new ApiError('validation_failed', `${field}: ${message}`, { field, issues: [{ field, message }] });
}
