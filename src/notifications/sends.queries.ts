import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../db/database.ts';
import type { SendCounts, SendState } from './notifications.types.ts';
import { type SendRow, sendOf } from './sends.ts';

/** Each state's condition, written so PostgreSQL reaches it through the outbox's partial indexes. */
const stateWhere: Record<SendState, SQL> = {
  pending: sql`o.delivered_at is null and o.dead_at is null`,
  retrying: sql`o.delivered_at is null and o.dead_at is null and o.attempts > 0`,
  delivered: sql`o.delivered_at is not null`,
  failed: sql`o.dead_at is not null`,
};

/**
 * The organisation's Slack and e-mail sends, newest first, with whom each was for (a person through
 * their notification, a team through a post to its channel, or the weekly review's targets); a page and the cursor to the next.
 */
export async function listSends(
  db: Queryable,
  orgId: string,
  q: { state?: SendState; before?: number; limit: number },
) {
  const rows = rowsOf<SendRow>(
    await db.execute(sql`
      select o.seq, o.channel, o.target, o.message, o.attempts, o.last_error as "lastError",
        o.created_at as "createdAt", o.next_attempt_at as "nextAttemptAt",
        o.delivered_at as "deliveredAt", o.dead_at as "deadAt",
        o.notification_id as "notificationId", n.person_id as "personId", p.name as "personName", t.key as "teamKey", t.name as "teamName"
      from notification_outbox o
      left join notifications n on n.id = o.notification_id
      left join people p on p.id = n.person_id
      left join teams t on t.id = o.team_id
      where o.org_id = ${orgId}
        ${q.state ? sql`and ${stateWhere[q.state]}` : sql``}
        ${q.before ? sql`and o.seq < ${q.before}` : sql``}
      order by o.seq desc
      limit ${q.limit + 1}`),
  );
  const items = rows.slice(0, q.limit).map(sendOf);
  return { items, nextBefore: rows.length > q.limit ? (items.at(-1)?.seq ?? null) : null };
}

/**
 * How the sends stand: waiting (the retrying among them), given up (within the send log's days),
 * and delivered in the day before `now` (read through the index of when sends were queued: a send
 * is given up within about two hours of it).
 */
export async function sendCountsOf(db: Queryable, orgId: string, now: Date): Promise<SendCounts> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const queuedSince = new Date(dayAgo.getTime() - 3 * 3_600_000);
  const [row] = rowsOf<Record<keyof SendCounts, number | string>>(
    await db.execute(sql`
      select
        (select count(*) from notification_outbox o where o.org_id = ${orgId} and ${stateWhere.pending})::int as pending,
        (select count(*) from notification_outbox o where o.org_id = ${orgId} and ${stateWhere.retrying})::int as retrying,
        (select count(*) from notification_outbox o where o.org_id = ${orgId} and ${stateWhere.failed})::int as failed,
        (select count(*) from notification_outbox o
          where o.org_id = ${orgId} and o.created_at >= ${queuedSince}
            and o.delivered_at >= ${dayAgo})::int as "deliveredLastDay"`),
  );
  return {
    pending: Number(row?.pending ?? 0),
    retrying: Number(row?.retrying ?? 0),
    failed: Number(row?.failed ?? 0),
    deliveredLastDay: Number(row?.deliveredLastDay ?? 0),
  };
}
