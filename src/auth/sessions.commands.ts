import { and, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { notFound } from '../http/errors.ts';
import { sessions } from './auth.table.ts';
import { isPublicSessionId, ownSessions, type SessionOwner } from './sessions.queries.ts';

/**
 * A person signs out one of their own sessions by its public id (this one too). An id that is not
 * one of their unexpired sessions is 404 and ends nothing. Sessions are not cached by
 * authentication: the next request with that cookie is refused, in every process.
 */
export async function endOwnSession(db: Db, owner: SessionOwner, id: string) {
  if (!isPublicSessionId(id)) throw notFound('session', id);
  const ended = await db
    .delete(sessions)
    .where(and(ownSessions(owner), sql`left(${sessions.idHash}, 16) = ${id}`))
    .returning({ idHash: sessions.idHash });
  if (ended.length === 0) throw notFound('session', id);
  return { signedOut: ended.length, endedHashes: ended.map((s) => s.idHash) };
}

/** Every other session of the person ends; `keepHash` (the one in use, if any) stays. */
export async function endOtherSessions(db: Db, owner: SessionOwner, keepHash: string | null) {
  const ended = await db
    .delete(sessions)
    .where(and(ownSessions(owner), keepHash ? ne(sessions.idHash, keepHash) : undefined))
    .returning({ idHash: sessions.idHash });
  return { signedOut: ended.length };
}
