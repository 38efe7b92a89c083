import { and, eq, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import type { Services } from '../http/context.ts';
import type { Job } from '../jobs/scheduler.ts';
import { organisations } from '../orgs/orgs.table.ts';
import { idempotencyKeys, passwordResets, sessions } from './auth.table.ts';
import { ssoAttempts } from './single-sign-on.table.ts';

/** How long a POST's answer is kept for a retry with the same Idempotency-Key (as Stripe does). */
export const idempotencyKeyHours = 24;
/** Rows forgotten per table and pass: a backlog goes in steps rather than in one long statement. */
const batch = 5_000;

/**
 * Forgets what can no longer be used: expired sessions and those idle past the organisation's limit,
 * expired reset links, single sign-on attempts never finished, and the stored answers
 * of Idempotency-Keys older than a day. Without it each table would only grow (every sign-in adds a
 * session, every POST from the web app a key).
 */
export async function forgetExpired(db: Db, now: Date) {
  const keysBefore = new Date(now.getTime() - idempotencyKeyHours * 3_600_000);
  // A session idle past its organisation's limit is refused at its next request (session-idle.ts's
  // rule, said here in SQL); one never used again would otherwise wait for its 14 days.
  const idleBefore = sql`${now.toISOString()}::timestamptz - ${organisations.sessionIdleMinutes} * interval '1 minute'`;
  const expiredSessions = await db
    .delete(sessions)
    .where(
      inArray(
        sessions.idHash,
        db
          .select({ id: sessions.idHash })
          .from(sessions)
          .innerJoin(organisations, eq(organisations.id, sessions.orgId))
          .where(
            or(
              lt(sessions.expiresAt, now),
              and(
                isNotNull(organisations.sessionIdleMinutes),
                lt(sql`coalesce(${sessions.lastSeenAt}, ${sessions.createdAt})`, idleBefore),
              ),
            ),
          )
          .limit(batch),
      ),
    )
    .returning({ id: sessions.idHash });
  const expiredLinks = await db
    .delete(passwordResets)
    .where(lt(passwordResets.expiresAt, now))
    .returning({ id: passwordResets.tokenHash });
  const expiredAttempts = await db
    .delete(ssoAttempts)
    .where(lt(ssoAttempts.expiresAt, now))
    .returning({ id: ssoAttempts.stateHash });
  const oldKeys = await db
    .delete(idempotencyKeys)
    .where(
      and(
        // A key is one organisation's: another's may be the same string and newer.
        lt(idempotencyKeys.createdAt, keysBefore),
        inArray(
          idempotencyKeys.key,
          db
            .select({ key: idempotencyKeys.key })
            .from(idempotencyKeys)
            .where(lt(idempotencyKeys.createdAt, keysBefore))
            .limit(batch),
        ),
      ),
    )
    .returning({ key: idempotencyKeys.key });
  return {
    sessions: expiredSessions.length,
    resetLinks: expiredLinks.length,
    ssoAttempts: expiredAttempts.length,
    idempotencyKeys: oldKeys.length,
  };
}

/** Every ten minutes, in each process (forgetting twice forgets nothing more). */
export function retentionJob(services: Pick<Services, 'database' | 'logger'>): Job {
  return {
    id: 'auth.retention',
    every: 10 * 60_000,
    run: async (now) => {
      const forgot = await forgetExpired(services.database.db, now);
      if (forgot.sessions + forgot.resetLinks + forgot.ssoAttempts + forgot.idempotencyKeys > 0)
        services.logger.info(
          forgot,
          'forgot expired sessions, reset links, single sign-on attempts and idempotency answers',
        );
    },
  };
}
