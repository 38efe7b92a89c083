import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { apiTokens } from '../auth/auth.table.ts';
import { hashSecret } from '../auth/secrets.ts';
import { sessionCookie } from './auth.ts';
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
    const bearer = c.req
      .header('authorization')
      ?.match(/^Bearer\s+(.+)$/i)?.[1]
      ?.trim();
    if (!bearer) return false;
    const [token] = await database.db
      .select({ id: apiTokens.id })
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, hashSecret(bearer)), isNull(apiTokens.revokedAt)));
    return Boolean(token);
  }
  return true;
}
