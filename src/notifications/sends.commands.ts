import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { notificationOutbox as o } from './notifications.table.ts';

/**
 * Tries a Slack or e-mail send again now, from its first try (the receiver was fixed, or the mail
 * server is back): one given up, or one still being retried whose backoff is long. A delivered send
 * is refused, so a double click never posts twice.
 */
export async function queueSendAgain(db: Db, orgId: string, seq: number, now: Date) {
  const [row] = await db
    .update(o)
    .set({ deadAt: null, attempts: 0, nextAttemptAt: now })
    .where(and(eq(o.orgId, orgId), eq(o.seq, seq), isNull(o.deliveredAt)))
    .returning({ seq: o.seq });
  if (row) return;
  const [found] = await db
    .select({ seq: o.seq })
    .from(o)
    .where(and(eq(o.orgId, orgId), eq(o.seq, seq)));
  if (!found) throw notFound('notification send', String(seq));
  throw new ApiError('conflict', `notification send ${seq} was delivered already`);
}
