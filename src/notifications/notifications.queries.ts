import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../db/database.ts';
import { people } from '../people/people.table.ts';
import { notificationPreferences, notifications } from './notifications.table.ts';
import {
  type Channel,
  type LastSend,
  type PersonNotificationKind,
  personNotificationKinds,
  type QuietHours,
} from './notifications.types.ts';
import { defaultChannels } from './plan.ts';
import { lastSendOrNone, type TriedSendRow } from './sends.ts';

export async function listNotifications(
  db: Queryable,
  personId: string,
  q: { unread?: boolean; limit: number },
) {
  const mine = eq(notifications.personId, personId);
  const [rows, [unread]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(and(mine, q.unread ? isNull(notifications.readAt) : undefined))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(q.limit),
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt))),
  ]);
  return {
    unread: Number(unread?.n ?? 0),
    items: rows.map(({ orgId: _, personId: __, ...n }) => ({
      ...n,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    })),
  };
}

/** A person's preferences as they apply: every kind's channels, defaults filled in. */
export async function preferencesOf(db: Queryable, personId: string) {
  const [row] = await db
    .select({ p: notificationPreferences, email: people.email })
    .from(people)
    .leftJoin(notificationPreferences, eq(notificationPreferences.personId, people.id))
    .where(eq(people.id, personId));
  const chosen = (row?.p?.channels ?? {}) as Partial<Record<PersonNotificationKind, Channel[]>>;
  return {
    channels: Object.fromEntries(
      personNotificationKinds.map((k) => [
        k,
        [...new Set<Channel>(['in_app', ...(chosen[k] ?? defaultChannels[k])])],
      ]),
    ) as Record<PersonNotificationKind, Channel[]>,
    quietHours: (row?.p?.quietHours ?? null) as QuietHours | null,
    slackUrl: row?.p?.slackUrl ?? null,
    email: row?.p?.email ?? row?.email ?? null,
  };
}

/**
 * Every team of the organisation with the Slack channel its mentions and dips post to, if any, and
 * how the last post tried to that channel went (`lastPost`; null before one).
 */
export async function teamTargetsOf(db: Queryable, orgId: string) {
  const rows = rowsOf<TriedSendRow & { team: string; name: string; slackUrl: string | null }>(
    await db.execute(sql`
      select t.key as team, t.name, tt.slack_url as "slackUrl", s.delivered_at as "deliveredAt",
        s.dead_at as "deadAt", s.last_error as "lastError", s.attempts
      from teams t
      left join notification_team_targets tt on tt.team_id = t.id
      left join lateral (
        select o.delivered_at, o.dead_at, o.last_error, o.attempts from notification_outbox o
        where o.team_id = t.id and o.target = tt.slack_url and o.attempts > 0
        order by o.seq desc limit 1
      ) s on true
      where t.org_id = ${orgId}
      order by t.name`),
  );
  return rows.map(({ team, name, slackUrl, ...tried }) => ({
    team,
    name,
    slackUrl,
    lastPost: lastSendOrNone(tried),
  }));
}

/**
 * The newest send to this person by Slack and by e-mail that was tried at least once, among their
 * last hundred notifications, to the address they have now (a failure at an address since changed
 * is not this one's): whether their address works, said where they set it.
 */
export async function lastSendsOf(
  db: Queryable,
  personId: string,
  addresses: { slackUrl: string | null; email: string | null },
) {
  const rows = rowsOf<TriedSendRow & { channel: 'slack' | 'email' }>(
    await db.execute(sql`
      select c.channel, s.delivered_at as "deliveredAt", s.dead_at as "deadAt",
        s.last_error as "lastError", s.attempts
      from (values ('slack', ${addresses.slackUrl}), ('email', ${addresses.email})) c(channel, target)
      left join lateral (
        select o.delivered_at, o.dead_at, o.last_error, o.attempts
        from notification_outbox o
        join (
          select n.id from notifications n where n.person_id = ${personId}
          order by n.created_at desc limit 100
        ) mine on mine.id = o.notification_id
        where o.channel = c.channel and o.target = c.target and o.attempts > 0
        order by o.seq desc limit 1
      ) s on true`),
  );
  const outcome = (channel: 'slack' | 'email'): LastSend | null => {
    const r = rows.find((x) => x.channel === channel);
    return r ? lastSendOrNone(r) : null;
  };
  return { slack: outcome('slack'), email: outcome('email') };
}
