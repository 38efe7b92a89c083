import { getConnInfo } from '@hono/node-server/conninfo';
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { signInPageWith } from '../auth/single-sign-on.ts';
import { people } from '../people/people.table.ts';
import type { AppEnv, Services } from './context.ts';
import { ApiError } from './errors.ts';
import type { Verdict } from './rate-limit.ts';
import { createSharedLimiter } from './rate-limit-shared.ts';

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

/** The account a sign-in or reset request names (`acct:<address>`), if its body names one. */
async function accountKey(c: Context): Promise<string | undefined> {
  try {
    const body = (await c.req.json()) as { email?: unknown };
    if (typeof body?.email === 'string') return `acct:${body.email.trim().toLowerCase()}`;
  } catch {
    // not JSON: the route's validation answers
  }
  return undefined;
}

/** A 401 that says the password was right: its second step asked for, or single sign-on required. */
async function passwordWasRight(res: Response): Promise<boolean> {
  try {
    const body = (await res.clone().json()) as { error?: { code?: unknown } };
    return body.error?.code === 'two_step_required' || body.error?.code === 'sso_required';
  } catch {
    return false;
  }
}

function refuse(verdict: Verdict, what: string): never {
  const retryAfterS = verdict.allowed ? 1 : verdict.retryAfterS;
  throw new ApiError('rate_limited', `too many ${what}; retry in ${retryAfterS} s`, { retryAfterS });
}

/**
 * Limits shared by every process on the database (`rate-limit-shared.ts`): failed sign-ins per
 * account and per address, and refused bearer tokens per address. A key known to be blocked is
 * refused before its credential is checked, so a guess made while blocked learns nothing; an
 * attempt found over the budget only when it is counted is refused all the same (429, not 401).
 */
export function rateLimits(services: Pick<Services, 'config' | 'database' | 'logger' | 'clock'>) {
  const { config, database, logger } = services;
  const now = () => services.clock().getTime();
  const r = config.rateLimits;
  const limiter = (name: string, limit: number, windowMs: number) =>
    createSharedLimiter(name, { limit, windowMs }, database, logger);
  const accounts = limiter('login.account', r.loginPerAccount, r.loginWindowMs);
  const loginAddresses = limiter('login.address', r.loginPerAddress, r.loginWindowMs);
  const tokenAddresses = limiter('token.address', r.badTokensPerAddress, r.badTokenWindowMs);
  const resetAccounts = limiter('reset.account', r.resetsPerAccount, r.resetWindowMs);
  const resetAddresses = limiter('reset.address', r.resetsPerAddress, r.resetWindowMs);
  const ssoAddresses = limiter('sso.address', r.ssoStartsPerAddress, r.ssoStartWindowMs);

  const login = createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const address = `ip:${clientAddress(c, config.trustProxy)}`;
    const email = await accountKey(c);
    const keys = [
      [loginAddresses, address],
      [accounts, email],
    ] as const;
    for (const [limiter, key] of keys) {
      if (!key) continue;
      const verdict = await limiter.check(key, now());
      if (!verdict.allowed) refuse(verdict, 'sign-in attempts');
    }
    await next();
    // A right password asked for its second step, or sent to single sign-on, is no failure; a wrong
    // second-step code is one.
    if (c.res.status === 401 && !(await passwordWasRight(c.res))) {
      for (const [limiter, key] of keys) {
        if (!key) continue;
        const verdict = await limiter.take(key, now());
        if (!verdict.allowed) refuse(verdict, 'sign-in attempts');
      }
    } else if (c.res.status === 200 && email) await accounts.reset(email);
  });

  const tokens = createMiddleware<AppEnv>(async (c, next) => {
    if (!/^Bearer\s/i.test(c.req.header('authorization') ?? '')) return next();
    const address = clientAddress(c, config.trustProxy);
    const verdict = await tokenAddresses.check(address, now());
    if (!verdict.allowed) refuse(verdict, 'requests with a refused API token');
    await next();
    if (c.res.status === 401 && !c.var.principal) {
      const counted = await tokenAddresses.take(address, now());
      if (!counted.allowed) refuse(counted, 'requests with a refused API token');
    }
  });

  /**
   * Changing one's own password proves the current one: a wrong one (422 `wrong_password`) is a
   * failed sign-in of that person, counted in the very budget their sign-ins use (keyed by their
   * address), so a guesser does not get the budget twice.
   */
  const ownPassword = createMiddleware<AppEnv>(async (c, next) => {
    const person = c.var.principal?.personId;
    if (c.req.method !== 'POST' || !person) return next();
    const [row] = await database.db.select({ email: people.email }).from(people).where(eq(people.id, person));
    if (!row) return next();
    const key = `acct:${row.email.trim().toLowerCase()}`;
    const verdict = await accounts.check(key, now());
    if (!verdict.allowed) refuse(verdict, 'password attempts');
    await next();
    if (c.res.status === 422) {
      const counted = await accounts.take(key, now());
      if (!counted.allowed) refuse(counted, 'password attempts');
    } else if (c.res.status === 200) await accounts.reset(key);
  });

  /**
   * Asking for a reset link e-mails someone: every request counts, accepted or not, per address
   * given and per client address, so nobody's inbox is flooded and addresses are not tried in bulk.
   */
  const passwordReset = createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const keys = [
      [resetAddresses, `ip:${clientAddress(c, config.trustProxy)}`],
      [resetAccounts, await accountKey(c)],
    ] as const;
    for (const [limiter, key] of keys) {
      if (!key) continue;
      const verdict = await limiter.take(key, now());
      if (!verdict.allowed) refuse(verdict, 'password reset requests');
    }
    await next();
  });

  /**
   * A password set from a reset link clears that account's failed sign-ins: whoever just proved
   * they own the address should not wait out a lockout a guesser caused.
   */
  const passwordResetDone = createMiddleware<AppEnv>(async (c, next) => {
    await next();
    if (c.req.method !== 'POST' || c.res.status !== 200) return;
    const { email } = (await c.res.clone().json()) as { email?: unknown };
    if (typeof email === 'string') await accounts.reset(`acct:${email.trim().toLowerCase()}`);
  });

  /**
   * Every single sign-on start writes a sign-in attempt and asks the identity provider: counted per
   * client address, accepted or not. The browser navigated here, so past the budget it goes back to
   * the sign-in page with the reason (and Retry-After), not to a JSON 429.
   */
  const ssoStart = createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const verdict = await ssoAddresses.take(`ip:${clientAddress(c, config.trustProxy)}`, now());
    if (verdict.allowed) return next();
    c.header('Retry-After', String(verdict.retryAfterS));
    return c.redirect(signInPageWith('sso_rate_limited'), 302);
  });

  return { login, tokens, ownPassword, passwordReset, passwordResetDone, ssoStart };
}

/** The client's address as the rate limiter sees it (BATON_TRUST_PROXY respected); null when unknown. */
export function knownAddress(c: Context, trustProxy: boolean): string | null {
  const address = clientAddress(c, trustProxy);
  return address === 'unknown' ? null : address.slice(0, 100);
}
