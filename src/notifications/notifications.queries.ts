import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { people } from '../people/people.table.ts';
import { teams } from '../teams/teams.table.ts';
import { notificationPreferences, notifications, notificationTeamTargets } from './notifications.table.ts';
import {
  type Channel,
  type PersonNotificationKind,
  personNotificationKinds,
  type QuietHours,
} from './notifications.types.ts';
import { defaultChannels } from './plan.ts';

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

/** Every team of the organisation with the Slack channel its mentions and dips post to, if any. */
export async function teamTargetsOf(db: Queryable, orgId: string) {
  return db
    .select({ team: teams.key, name: teams.name, slackUrl: notificationTeamTargets.slackUrl })
    .from(teams)
    .leftJoin(notificationTeamTargets, eq(notificationTeamTargets.teamId, teams.id))
    .where(eq(teams.orgId, orgId))
    .orderBy(teams.name);
}
