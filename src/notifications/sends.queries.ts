import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../db/database.ts';
import { notFound } from '../http/errors.ts';
import type { SendCounts, SendState } from './notifications.types.ts';
import { type SendRow, sendOf } from './sends.ts';

/** Each state's condition, written so PostgreSQL reaches it through the outbox's partial indexes. */
const stateWhere: Record<SendState, SQL> = {
  pending: sql`o.delivered_at is null and o.dead_at is null`,
  retrying: sql`o.delivered_at is null and o.dead_at is null and o.attempts > 0`,
  delivered: sql`o.delivered_at is not null`,
  failed: sql`o.dead_at is not null`,
};

/** Whose sends a list or its counts read: the organisation's, or one team's or one person's within it. */
export type SendScope = { orgId: string; teamId?: string; personId?: string };

/**
 * The outbox rows of a scope, as a table to read from, each way through an index of its own: a
 * person's sends by (person, seq); a team's, the posts to its channel by (team, seq) and each
 * member's sends by (person, seq) in turn, so that a page of a large team reads a page per member
 * rather than every send of the team. `page` cuts each way to the rows a page can use.
 */
function outboxOf(s: SendScope, page?: { where: SQL; limit: number }): SQL {
  const cut = page ? sql`and ${page.where} order by o.seq desc limit ${page.limit}` : sql``;
  const rows = (cond: SQL) =>
    sql`select o.* from notification_outbox o where ${cond} and o.org_id = ${s.orgId} ${cut}`;
  if (s.personId) return sql`(${rows(sql`o.person_id = ${s.personId}`)})`;
  if (s.teamId)
    return sql`((${rows(sql`o.team_id = ${s.teamId}`)}) union all (select o.* from team_members m
      cross join lateral (${rows(sql`o.person_id = m.person_id`)}) o where m.team_id = ${s.teamId}))`;
  return sql`(${rows(sql`true`)})`;
}

/** A list's `team` key or `person` id as a scope of the organisation; unknown ones are not found. */
export async function sendScopeOf(
  db: Queryable,
  orgId: string,
  q: { team?: string; person?: string },
): Promise<SendScope> {
  if (q.team) {
    const [team] = rowsOf<{ id: string }>(
      await db.execute(sql`select id from teams where org_id = ${orgId} and key = ${q.team}`),
    );
    if (!team) throw notFound('team', q.team);
    return { orgId, teamId: team.id };
  }
  if (q.person) {
    const [person] = rowsOf<{ id: string }>(
      await db.execute(sql`select id from people where org_id = ${orgId} and id = ${q.person}`),
    );
    if (!person) throw notFound('person', q.person);
    return { orgId, personId: person.id };
  }
  return { orgId };
}

/**
 * The organisation's Slack and e-mail sends, newest first, with whom each was for (a person through
 * their notification, a team through a post to its channel, or the weekly review's targets); a page and the cursor to the next.
 */
export async function listSends(
  db: Queryable,
  scope: SendScope,
  q: { state?: SendState; before?: number; limit: number },
) {
  const where = [sql`true`];
  if (q.state) where.push(stateWhere[q.state]);
  if (q.before) where.push(sql`o.seq < ${q.before}`);
  const rows = rowsOf<SendRow>(
    await db.execute(sql`
      select o.seq, o.channel, o.target, o.message, o.attempts, o.last_error as "lastError",
        o.created_at as "createdAt", o.next_attempt_at as "nextAttemptAt",
        o.delivered_at as "deliveredAt", o.dead_at as "deadAt",
        o.notification_id as "notificationId", n.person_id as "personId", p.name as "personName", t.key as "teamKey", t.name as "teamName"
      from ${outboxOf(scope, { where: sql.join(where, sql` and `), limit: q.limit + 1 })} o
      left join notifications n on n.id = o.notification_id
      left join people p on p.id = n.person_id
      left join teams t on t.id = o.team_id
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
export async function sendCountsOf(db: Queryable, scope: SendScope, now: Date): Promise<SendCounts> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const queuedSince = new Date(dayAgo.getTime() - 3 * 3_600_000);
  const from = outboxOf(scope);
  const [row] = rowsOf<Record<keyof SendCounts, number | string>>(
    await db.execute(sql`
      select
        (select count(*) from ${from} o where ${stateWhere.pending})::int as pending,
        (select count(*) from ${from} o where ${stateWhere.retrying})::int as retrying,
        (select count(*) from ${from} o where ${stateWhere.failed})::int as failed,
        (select count(*) from ${from} o
          where o.created_at >= ${queuedSince} and o.delivered_at >= ${dayAgo})::int as "deliveredLastDay"`),
  );
  return {
    pending: Number(row?.pending ?? 0),
    retrying: Number(row?.retrying ?? 0),
    failed: Number(row?.failed ?? 0),
    deliveredLastDay: Number(row?.deliveredLastDay ?? 0),
  };
}
