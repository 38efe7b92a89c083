import { and, inArray, isNotNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import type { Services } from '../http/context.ts';
import type { Job } from '../jobs/scheduler.ts';
import { notificationOutbox } from './notifications.table.ts';

/** Sends a Slack or e-mail notification leaves behind are kept this long, then forgotten. */
export const sendLogDays = 30;
const batch = 5_000;

/**
 * Forgets the Slack and e-mail sends finished (delivered, or given up) more than `sendLogDays` after
 * they were queued: the person's inbox keeps the notification itself, and nothing reads a finished
 * send again, so without this the notification outbox would keep every one ever made. Sends still
 * being tried stay, however old.
 */
export async function forgetFinishedSends(db: Db, now: Date, days = sendLogDays): Promise<number> {
  const before = new Date(now.getTime() - days * 86_400_000);
  const t = notificationOutbox;
  const forgotten = await db
    .delete(t)
    .where(
      inArray(
        t.seq,
        db
          .select({ seq: t.seq })
          .from(t)
          .where(and(lt(t.createdAt, before), or(isNotNull(t.deliveredAt), isNotNull(t.deadAt))))
          .orderBy(t.createdAt)
          .limit(batch),
      ),
    )
    .returning({ seq: t.seq });
  return forgotten.length;
}

/** Every ten minutes, in each process (forgetting twice forgets nothing more). */
export function sendRetentionJob(services: Pick<Services, 'database' | 'logger'>): Job {
  return {
    id: 'notifications.send-retention',
    every: 10 * 60_000,
    run: async (now) => {
      const forgot = await forgetFinishedSends(services.database.db, now);
      if (forgot > 0) services.logger.info({ forgot }, 'forgot finished notification sends');
    },
  };
}
