import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { activeToken, bearerOf, sessionCookie } from './auth.ts';
import type { AppEnv } from './context.ts';
import { sessionStillValid } from './session-principal.ts';

/**
 * Whether the credential a long request began with still signs it in (the live stream asks this as
 * it goes): a session not ended, idle or stopped for a second step; an API token not revoked. The
 * admin token lasts as long as the process's configuration.
 */
export async function stillSignedIn(c: Context<AppEnv>): Promise<boolean> {
  const { via } = c.var.principal;
  const { database, clock } = c.var.services;
  if (via === 'session') {
    const cookie = getCookie(c, sessionCookie);
    return cookie ? sessionStillValid(database.db, cookie, clock()) : false;
  }
  if (via === 'api-token') {
    const bearer = bearerOf(c);
    return bearer ? Boolean(await activeToken(database.db, bearer)) : false;
  }
  return true;
}
