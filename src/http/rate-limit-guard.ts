import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Config } from '../config.ts';
import type { AppEnv } from './context.ts';
import { ApiError } from './errors.ts';
import { createLimiter, type Verdict } from './rate-limit.ts';

/**
 * The client's address: the socket's peer, or behind a trusted proxy the last X-Forwarded-For
 * entry (the one that proxy saw; earlier entries are whatever the client chose to send).
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

function refuse(verdict: Verdict, what: string): never {
  const retryAfterS = verdict.allowed ? 1 : verdict.retryAfterS;
  throw new ApiError('rate_limited', `too many ${what}; retry in ${retryAfterS} s`, { retryAfterS });
}

/**
 * Per-process limits (N processes allow N times as much): failed sign-ins per account and per
 * address, and refused bearer tokens per address. A blocked key is refused before its credential
 * is checked, so a guess made while blocked learns nothing.
 */
export function rateLimits(config: Config, now: () => number = () => Date.now()) {
  const r = config.rateLimits;
  const accounts = createLimiter({ limit: r.loginPerAccount, windowMs: r.loginWindowMs });
  const loginAddresses = createLimiter({ limit: r.loginPerAddress, windowMs: r.loginWindowMs });
  const tokenAddresses = createLimiter({ limit: r.badTokensPerAddress, windowMs: r.badTokenWindowMs });

  const login = createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const address = `ip:${clientAddress(c, config.trustProxy)}`;
    let email: string | undefined;
    try {
      const body = (await c.req.json()) as { email?: unknown };
      if (typeof body?.email === 'string') email = `acct:${body.email.trim().toLowerCase()}`;
    } catch {
      // not JSON: the route's validation answers
    }
    const t = now();
    for (const [limiter, key] of [
      [loginAddresses, address],
      [accounts, email],
    ] as const) {
      if (!key) continue;
      const verdict = limiter.check(key, t);
      if (!verdict.allowed) refuse(verdict, 'sign-in attempts');
    }
    await next();
    if (c.res.status === 401) {
      loginAddresses.hit(address, now());
      if (email) accounts.hit(email, now());
    } else if (c.res.status === 200 && email) accounts.reset(email);
  });

  const tokens = createMiddleware<AppEnv>(async (c, next) => {
    if (!/^Bearer\s/i.test(c.req.header('authorization') ?? '')) return next();
    const address = clientAddress(c, config.trustProxy);
    const verdict = tokenAddresses.check(address, now());
    if (!verdict.allowed) refuse(verdict, 'requests with a refused API token');
    await next();
    if (c.res.status === 401 && !c.var.principal) tokenAddresses.hit(address, now());
  });

  return { login, tokens };
}
