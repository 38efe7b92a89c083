import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { apiTokens } from '../auth/auth.table.ts';
import { hashSecret, safeEqual } from '../auth/secrets.ts';
import { allowedWhileSetupDue } from '../auth/two-step-policy.ts';
import type { Queryable } from '../db/database.ts';
import { organisations } from '../orgs/orgs.table.ts';
import type { AppEnv, Principal, Role } from './context.ts';
import { ApiError } from './errors.ts';
import { sessionPrincipal } from './session-principal.ts';

export const sessionCookie = 'baton_session';

/** The signed-in session's cookie, the same for every way of signing in. */
export const setSessionCookie = (c: Context, session: string, expiresAt: Date) =>
  setCookie(c, sessionCookie, session, { httpOnly: true, sameSite: 'Lax', path: '/', expires: expiresAt });

// Authentication runs on every request: answers are cached briefly (a revoked token stops within this).
const cacheMs = 5000;
const caches = new WeakMap<object, Map<string, { at: number; principal: Principal }>>();
function cacheOf(owner: object) {
  let cache = caches.get(owner);
  if (!cache) {
    cache = new Map();
    caches.set(owner, cache);
  }
  return cache;
}
function cached(owner: object, key: string) {
  const hit = cacheOf(owner).get(key);
  return hit && Date.now() - hit.at < cacheMs ? hit.principal : undefined;
}
/**
 * Forgets a revoked token in this process at once (its cache keys start with its hash); other
 * processes stop accepting it within `cacheMs`.
 */
export function forgetCredential(owner: object, credentialHash: string) {
  const cache = cacheOf(owner);
  for (const key of cache.keys()) if (key.startsWith(`${credentialHash}|`)) cache.delete(key);
}

/** How stale a token's `last used` may be: written at most once a minute, never per request. */
const lastUsedEveryMs = 60_000;

function remember(owner: object, key: string, principal: Principal) {
  const cache = cacheOf(owner);
  if (cache.size > 10_000) cache.clear();
  cache.set(key, { at: Date.now(), principal });
}

/** The token of `Authorization: Bearer <token>`, if the request carries one. */
export const bearerOf = (c: Context) =>
  c.req
    .header('authorization')
    ?.match(/^Bearer\s+(.+)$/i)?.[1]
    ?.trim();

/** An API token that is not revoked, by the token itself (only its hash is stored). */
export async function activeToken(db: Queryable, bearer: string) {
  const [token] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashSecret(bearer)), isNull(apiTokens.revokedAt)))
    .limit(1);
  return token;
}

/** Resolves the caller from `Authorization: Bearer`, or the session cookie; 401 otherwise. */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const { database, config } = c.var.services;
  const db = database.db;
  const bearer = bearerOf(c);
  let principal: Principal | undefined;
  const wanted = c.req.header('x-baton-org');
  const cacheKey = bearer ? `${hashSecret(bearer)}|${wanted ?? ''}` : undefined;
  principal = cacheKey ? cached(database, cacheKey) : undefined;
  if (principal) {
    // fresh enough
  } else if (bearer && config.adminToken && safeEqual(bearer, config.adminToken)) {
    const [org] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(wanted ? or(eq(organisations.id, wanted), eq(organisations.slug, wanted)) : undefined)
      .orderBy(asc(organisations.createdAt))
      .limit(1);
    if (!org)
      throw new ApiError('unauthenticated', wanted ? `no organisation ${wanted}` : 'no organisation yet');
    principal = { orgId: org.id, personId: null, roles: new Set(['admin']), via: 'admin-token' };
  } else if (bearer) {
    const token = await activeToken(db, bearer);
    if (token) {
      const now = c.var.services.clock();
      if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > lastUsedEveryMs)
        await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, token.id));
      principal = {
        orgId: token.orgId,
        personId: token.personId,
        roles: new Set(token.roles as Role[]),
        via: 'api-token',
        tokenName: token.name,
      };
    }
  } else {
    const cookie = getCookie(c, sessionCookie);
    if (cookie) principal = await sessionPrincipal(c, cookie);
  }
  if (!principal) throw new ApiError('unauthenticated', 'send `Authorization: Bearer <token>` or sign in');
  if (principal.twoStepSetupDue && !allowedWhileSetupDue(c.req.path))
    throw new ApiError(
      'two_step_setup_required',
      'your organisation requires two-step sign-in: set it up first (POST /api/v1/me/two-step/setup, then /enable)',
    );
  if (cacheKey) remember(database, cacheKey, principal);
  c.set('principal', principal);
  await next();
});

export function hasRole(principal: Principal, ...allowed: Role[]): boolean {
  return principal.roles.has('admin') || allowed.some((r) => principal.roles.has(r));
}

/** The refusal of a principal without any of these roles; `unless` names the other way in, if any. */
export const roleRefused = (allowed: Role[], unless?: string) =>
  new ApiError(
    'forbidden',
    `this action needs one of the roles: ${allowed.join(', ')}${unless ? ` (or ${unless})` : ''}`,
    { required: allowed },
  );

/** Route guard: the caller needs one of the roles (admins pass every guard). */
export function requireRole(...allowed: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!hasRole(c.var.principal, ...allowed)) throw roleRefused(allowed);
    await next();
  });
}
