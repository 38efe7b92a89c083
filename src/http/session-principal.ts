import { and, eq, gt, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { sessions } from '../auth/auth.table.ts';
import { hashSecret } from '../auth/secrets.ts';
import { idleExpired } from '../auth/session-idle.ts';
import { setupDue } from '../auth/two-step-policy.ts';
import type { Queryable } from '../db/database.ts';
import { organisations } from '../orgs/orgs.table.ts';
import { people } from '../people/people.table.ts';
import type { AppEnv, Principal, Role } from './context.ts';
import { ApiError } from './errors.ts';
import { knownAddress } from './rate-limit-guard.ts';

/** How stale a session's `last seen` (and the address it was seen from) may be: 5 minutes, never per request. */
const lastSeenEveryMs = 5 * 60_000;

/** A session with what its person and organisation ask of it; none when unknown or past its 14 days. */
async function readSession(db: Queryable, idHash: string, now: Date) {
  const [row] = await db
    .select({
      orgId: sessions.orgId,
      personId: sessions.personId,
      roles: people.roles,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      signedInWith: sessions.signedInWith,
      twoStepOn: sql<boolean>`${people.totpSecret} is not null`,
      twoStepRequired: organisations.twoStepRequired,
      idleMinutes: organisations.sessionIdleMinutes,
    })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .innerJoin(organisations, eq(organisations.id, sessions.orgId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now)))
    .limit(1);
  return row;
}
type SessionRow = NonNullable<Awaited<ReturnType<typeof readSession>>>;

const idle = (row: SessionRow, now: Date) =>
  idleExpired(row.lastSeenAt ?? row.createdAt, row.idleMinutes, now);
// Single sign-on's identity provider was the second step: the requirement asks nothing more of it.
const setupDueOf = (row: SessionRow) =>
  row.signedInWith !== 'sso' && setupDue(row.twoStepRequired, row.roles, row.twoStepOn);

/**
 * The person a session cookie signs in, read in one statement with what their organisation asks of
 * sessions: none for a cookie unknown or past its 14 days; `unauthenticated` (and the session gone)
 * when it has been idle past the organisation's limit.
 */
export async function sessionPrincipal(c: Context<AppEnv>, cookie: string): Promise<Principal | undefined> {
  const { database, config, clock } = c.var.services;
  const db = database.db;
  // Sessions are not cached: one ended (signed out, from elsewhere too) is refused at once.
  const now = clock();
  const idHash = hashSecret(cookie);
  const row = await readSession(db, idHash, now);
  if (!row) return undefined;
  if (idle(row, now)) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    throw new ApiError(
      'unauthenticated',
      `signed out after ${row.idleMinutes} minutes without activity, as your organisation asks: sign in again`,
      { reason: 'idle' },
    );
  }
  if (!row.lastSeenAt || now.getTime() - row.lastSeenAt.getTime() > lastSeenEveryMs)
    await db
      .update(sessions)
      .set({ lastSeenAt: now, clientAddress: knownAddress(c, config.trustProxy) })
      .where(eq(sessions.idHash, idHash));
  return {
    orgId: row.orgId,
    personId: row.personId,
    roles: new Set(row.roles as Role[]),
    via: 'session',
    twoStepSetupDue: setupDueOf(row),
  };
}

/**
 * Whether a session still signs its request in, for a request that lasts (the live stream): not
 * ended, not idle past the limit, not stopped for a second step. Writes nothing, so a stream left
 * open is no activity.
 */
export async function sessionStillValid(db: Queryable, cookie: string, now: Date): Promise<boolean> {
  const row = await readSession(db, hashSecret(cookie), now);
  return Boolean(row) && !idle(row!, now) && !setupDueOf(row!);
}
