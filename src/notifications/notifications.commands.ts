import { and, eq, inArray, isNull } from 'drizzle-orm';
import { type AdminCtx, recordChange } from '../admin/admin-changes.commands.ts';
import { changedFields } from '../admin/changes.ts';
import { type Db, inOrder, type Tx } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { notFound } from '../http/errors.ts';
import { people } from '../people/people.table.ts';
import { teamMembers, teams } from '../teams/teams.table.ts';
import { signalInboxes } from './notice.commands.ts';
import {
  notificationOutbox,
  notificationPreferences,
  notifications,
  notificationTeamTargets,
} from './notifications.table.ts';
import type { Channel, PersonNotificationKind, PreferencesInput, QuietHours } from './notifications.types.ts';
import { channelsFor, compose, type Facts } from './plan.ts';

// E-mail is planned only when this process has an SMTP server (set once at start, from config).
let emailEnabled: () => boolean = () => false;
export function enableEmailNotifications(on: () => boolean) {
  emailEnabled = on;
}

/** Who hears of an event: people by id, and teams as a whole (their members, and their Slack channel). */
export type Audience = { personIds: string[]; teamIds: string[]; exceptId?: string | null };
type Source = { orgId: string; eventId: string; caseId: string | null; handoffId: string | null };

async function expand(tx: Tx, a: Audience) {
  const viaTeamPost = new Set<string>();
  const ids = new Set(a.personIds);
  if (a.teamIds.length) {
    const [members, leads, targets] = await inOrder([
      tx
        .select({ teamId: teamMembers.teamId, personId: teamMembers.personId })
        .from(teamMembers)
        .where(inArray(teamMembers.teamId, a.teamIds)),
      tx.select({ teamId: teams.id, personId: teams.leadId }).from(teams).where(inArray(teams.id, a.teamIds)),
      tx.select().from(notificationTeamTargets).where(inArray(notificationTeamTargets.teamId, a.teamIds)),
    ]);
    const posted = new Set(targets.map((t) => t.teamId));
    for (const m of [...members, ...leads]) {
      ids.add(m.personId);
      if (posted.has(m.teamId)) viaTeamPost.add(m.personId);
    }
    return { ids, viaTeamPost, targets };
  }
  return { ids, viaTeamPost, targets: [] };
}

/**
 * Writes one notification per person into the inbox and, per their preferences and quiet hours,
 * Slack and email sends into the notification outbox: all inside the event's transaction.
 */
export async function notifyIn(tx: Tx, src: Source, facts: Facts, audience: Audience, now: Date) {
  const { ids, viaTeamPost, targets } = await expand(tx, audience);
  if (audience.exceptId) ids.delete(audience.exceptId);
  const message = compose(facts);
  const told: string[] = [];
  const outbox: (typeof notificationOutbox.$inferInsert)[] = targets.map((t) => ({
    orgId: src.orgId,
    teamId: t.teamId,
    channel: 'slack',
    target: t.slackUrl,
    message,
    nextAttemptAt: now,
  }));
  if (ids.size) {
    const rows = await tx
      .select({ person: people, prefs: notificationPreferences })
      .from(people)
      .leftJoin(notificationPreferences, eq(notificationPreferences.personId, people.id))
      .where(and(eq(people.orgId, src.orgId), inArray(people.id, [...ids]), eq(people.active, 'yes')));
    const planned = rows.map(({ person, prefs }) => {
      const email = prefs?.email ?? person.email;
      const slackUrl = viaTeamPost.has(person.id) ? null : (prefs?.slackUrl ?? null);
      const chosen = channelsFor(
        {
          kind: facts.kind,
          chosen: (prefs?.channels ?? {}) as Partial<Record<PersonNotificationKind, Channel[]>>,
          quietHours: (prefs?.quietHours ?? null) as QuietHours | null,
          timezone: person.timezone,
          slack: Boolean(slackUrl),
          email: emailEnabled() && Boolean(email),
        },
        now.getTime(),
      );
      return { id: newId('nt'), personId: person.id, chosen, targets: { slack: slackUrl, email } };
    });
    if (planned.length) {
      const inserted = await tx
        .insert(notifications)
        .values(
          planned.map((p) => ({
            id: p.id,
            orgId: src.orgId,
            personId: p.personId,
            kind: facts.kind,
            eventId: src.eventId,
            caseId: src.caseId,
            handoffId: src.handoffId,
            title: message.title,
            body: message.body,
            link: message.link,
            channels: p.chosen,
            createdAt: now,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: notifications.id });
      const written = new Set(inserted.map((r) => r.id));
      const kept = planned.filter((x) => written.has(x.id));
      told.push(...kept.map((x) => x.personId));
      for (const p of kept)
        for (const channel of p.chosen)
          outbox.push({
            orgId: src.orgId,
            notificationId: p.id,
            personId: p.personId,
            channel,
            target: p.targets[channel]!,
            message,
            nextAttemptAt: now,
          });
    }
  }
  if (outbox.length) await tx.insert(notificationOutbox).values(outbox);
  await signalInboxes(tx, src.orgId, told, now);
}

/** Marks one notification read; the person's other tabs hear it and lower their count. */
export async function markRead(db: Db, orgId: string, personId: string, id: string, now: Date) {
  const row = await db.transaction(async (tx) => {
    const [marked] = await tx
      .update(notifications)
      .set({ readAt: now })
      .where(
        and(eq(notifications.personId, personId), eq(notifications.id, id), isNull(notifications.readAt)),
      )
      .returning({ id: notifications.id, readAt: notifications.readAt });
    if (marked) await signalInboxes(tx, orgId, [personId], now);
    return marked;
  });
  if (row) return { id: row.id, readAt: row.readAt!.toISOString() };
  const [seen] = await db
    .select({ id: notifications.id, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.personId, personId), eq(notifications.id, id)));
  if (!seen) throw notFound('notification', id);
  return { id: seen.id, readAt: seen.readAt!.toISOString() };
}

export async function markAllRead(db: Db, orgId: string, personId: string, now: Date) {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(notifications)
      .set({ readAt: now })
      .where(and(eq(notifications.personId, personId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (rows.length) await signalInboxes(tx, orgId, [personId], now);
    return rows.length;
  });
}

/** Fields given replace what was there (channels per kind); fields left out stay as they were. */
export async function savePreferences(
  db: Db,
  orgId: string,
  personId: string,
  input: PreferencesInput,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(notificationPreferences)
      .where(eq(notificationPreferences.personId, personId))
      .for('update');
    const row = {
      personId,
      orgId,
      channels: { ...((current?.channels as object) ?? {}), ...(input.channels ?? {}) },
      quietHours: input.quietHours === undefined ? (current?.quietHours ?? null) : input.quietHours,
      slackUrl: input.slackUrl === undefined ? (current?.slackUrl ?? null) : input.slackUrl,
      email: input.email === undefined ? (current?.email ?? null) : input.email,
      updatedAt: now,
    };
    await tx
      .insert(notificationPreferences)
      .values(row)
      .onConflictDoUpdate({ target: notificationPreferences.personId, set: row });
  });
}

export async function setTeamTarget(db: Db, ctx: AdminCtx, teamKey: string, slackUrl: string | null) {
  const { orgId, now } = ctx;
  return db.transaction(async (tx) => {
    const [team] = await tx
      .select({ id: teams.id, name: teams.name, slackUrl: notificationTeamTargets.slackUrl })
      .from(teams)
      .leftJoin(notificationTeamTargets, eq(notificationTeamTargets.teamId, teams.id))
      .where(and(eq(teams.orgId, orgId), eq(teams.key, teamKey)));
    if (!team) throw notFound('team', teamKey);
    if (slackUrl === null) {
      await tx.delete(notificationTeamTargets).where(eq(notificationTeamTargets.teamId, team.id));
    } else {
      await tx
        .insert(notificationTeamTargets)
        .values({ teamId: team.id, orgId, slackUrl, updatedAt: now })
        .onConflictDoUpdate({ target: notificationTeamTargets.teamId, set: { slackUrl, updatedAt: now } });
    }
    const detail = changedFields({ slackUrl: team.slackUrl }, { slackUrl });
    await recordChange(tx, ctx, 'team.changed', { id: teamKey, name: team.name }, detail);
    return { team: teamKey, slackUrl };
  });
}
