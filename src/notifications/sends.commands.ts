import { and, eq, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { notificationOutbox as o } from './notifications.table.ts';

/**
 * Tries a Slack or e-mail send again now, from its first try (the receiver was fixed, or the mail
 * server is back): one given up, or one still being retried whose backoff is long. A delivered send
 * is refused, so a double click never posts twice, and so is one a delivery pass is sending at this
 * moment (its lease): queued again, it would be sent a second time beside the try in flight.
 */
export async function queueSendAgain(db: Db, orgId: string, seq: number, now: Date) {
  const [row] = await db
    .update(o)
    .set({ deadAt: null, attempts: 0, nextAttemptAt: now })
    .where(
      and(
        eq(o.orgId, orgId),
        eq(o.seq, seq),
        isNull(o.deliveredAt),
        or(isNull(o.leasedUntil), lte(o.leasedUntil, now)),
      ),
    )
    .returning({ seq: o.seq });
  if (row) return;
  const [found] = await db
    .select({ deliveredAt: o.deliveredAt, leasedUntil: o.leasedUntil })
    .from(o)
    .where(and(eq(o.orgId, orgId), eq(o.seq, seq)));
  if (!found) throw notFound('notification send', String(seq));
  if (found.deliveredAt) throw new ApiError('conflict', `notification send ${seq} was delivered already`);
  throw new ApiError('conflict', `notification send ${seq} is being sent right now: see how it went first`);
}
