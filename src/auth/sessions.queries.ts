import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { sessions } from './auth.table.ts';
import { describeDevice } from './device.ts';
import { idleExpired } from './session-idle.ts';
import { signInSettingsOf } from './sign-in-settings.queries.ts';

type SessionRow = typeof sessions.$inferSelect;

/** Whose sessions: a person in one organisation, at an instant (expired ones are gone for them). */
export type SessionOwner = { orgId: string; personId: string; now: Date };

/**
 * A session's public id: the first 16 hex characters of the cookie's hash. Neither the cookie nor
 * its whole hash is ever answered.
 */
export const publicSessionId = (idHash: string) => idHash.slice(0, 16);
export const isPublicSessionId = (id: string) => /^[0-9a-f]{16}$/.test(id);

/** A session as its person sees it; `current` is the one this request came with. */
export const sessionView = (s: SessionRow, currentHash: string | null) => ({
  id: publicSessionId(s.idHash),
  current: s.idHash === currentHash,
  createdAt: s.createdAt.toISOString(),
  lastSeenAt: s.lastSeenAt?.toISOString() ?? null,
  expiresAt: s.expiresAt.toISOString(),
  userAgent: s.userAgent,
  device: describeDevice(s.userAgent),
  clientAddress: s.clientAddress,
  signedInWith: s.signedInWith,
});

export const ownSessions = (owner: SessionOwner) =>
  and(
    eq(sessions.orgId, owner.orgId),
    eq(sessions.personId, owner.personId),
    gt(sessions.expiresAt, owner.now),
  );

/**
 * The person's unexpired sessions in the organisation, the most recently active first; one idle past
 * the organisation's limit is left out (its next request would end it).
 */
export async function listOwnSessions(db: Queryable, owner: SessionOwner, currentHash: string | null) {
  const { sessionIdleMinutes } = await signInSettingsOf(db, owner.orgId);
  const rows = await db
    .select()
    .from(sessions)
    .where(ownSessions(owner))
    .orderBy(
      desc(sql`coalesce(${sessions.lastSeenAt}, ${sessions.createdAt})`),
      desc(sessions.createdAt),
      asc(sessions.idHash),
    );
  return rows
    .filter((s) => !idleExpired(s.lastSeenAt ?? s.createdAt, sessionIdleMinutes, owner.now))
    .map((s) => sessionView(s, currentHash));
}
