import type { Hook } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type { ZodError } from 'zod';
import { PeriodError } from '../analytics/period.ts';
import type { AppEnv } from './context.ts';
import { ApiError } from './errors.ts';
import { meantIssues } from './zod-issues.ts';

export function validationError(error: ZodError, where: string): ApiError {
  const issues = meantIssues(error.issues).map((i) => ({
    field: i.path.join('.') || where,
    message: i.message,
  }));
  const first = issues[0];
  return new ApiError('validation_failed', `${first?.field}: ${first?.message}`, {
    field: first?.field,
    issues,
  });
}

/**
 * Reads a period, week or date bound from a query: an unreadable one is `validation_failed`, naming
 * the field at fault (the one the error names, else `field`).
 */
export function periodField<T>(field: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof PeriodError) {
      const at = error.field ?? field;
      throw new ApiError('validation_failed', `${at}: ${error.message}`, { field: at });
    }
    throw error;
  }
}

/** zod-openapi's hook: every schema failure becomes our `validation_failed` error. */
// biome-ignore lint/suspicious/noExplicitAny: the hook is generic over every route
export const validationHook: Hook<any, AppEnv, any, any> = (result) => {
  if (!result.success) throw validationError(result.error, result.target);
};

const UNPAIRED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why PostgreSQL's text could not hold this string, or undefined when it can. */
function unstorable(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (UNPAIRED.test(text)) return 'must be valid Unicode (it holds half of a surrogate pair)';
  return undefined;
}

/**
 * The first string of a JSON value (keys included) that PostgreSQL's text cannot hold: where it
 * is and why, or undefined.
 */
export function unstorablePath(value: unknown): { path: string; message: string } | undefined {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      const message = unstorable(v);
      if (message) return { path: at, message };
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const path = at ? `${at}.${k}` : k;
        const message = unstorable(k);
        if (message) return { path, message };
        stack.push([child, path]);
      }
    }
  }
  return undefined;
}

/**
 * PostgreSQL text cannot hold U+0000, nor half of a UTF-16 surrogate pair (JSON can write one as
 * `\ud800`; PostgreSQL's JSON refuses it and the text drivers would turn it into U+FFFD): refused
 * here as bad input, with the field at fault, rather than failing inside a query or being changed.
 */
export const rejectUnstorableText = createMiddleware<AppEnv>(async (c, next) => {
  const url = new URL(c.req.url);
  if (/%00/.test(url.pathname)) throw textError('path', 'must not contain the NUL character (U+0000)');
  for (const [name, value] of url.searchParams) {
    const message = unstorable(value) ?? unstorable(name);
    if (message) throw textError(name, message);
  }
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    // Hono keeps the text: the route's validator parses it from there, without reading the body again.
    const text = await c.req.text();
    // Only an escape can put NUL or half a pair into a JSON string (the body's UTF-8 cannot).
    if (text.includes('\u0000') || /\\u(0000|[dD][89a-fA-F])/.test(text)) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return next(); // not JSON: the route answers invalid_json
      }
      const bad = unstorablePath(parsed);
      if (bad) throw textError(bad.path || 'body', bad.message);
    }
  }
  await next();
});

function textError(field: string, message: string) {
  return new ApiError('validation_failed', `${field}: ${message}`, { field, issues: [{ field, message }] });
}
