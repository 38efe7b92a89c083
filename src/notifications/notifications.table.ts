import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, instant, orgId } from '../db/columns.ts';

/** The in-app inbox: one row per person and event, written in the event's own transaction. */
export const notifications = pgTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    personId: text('person_id').notNull(),
    kind: text('kind').notNull(),
    eventId: text('event_id').notNull(),
    caseId: text('case_id'),
    handoffId: text('handoff_id'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    /** The channels chosen for it beyond the inbox, after preferences and quiet hours. */
    channels: text('channels').array().notNull(),
    createdAt: createdAt(),
    readAt: instant('read_at'),
  },
  (t) => [
    uniqueIndex('notifications_person_event').on(t.personId, t.eventId),
    index('notifications_person_created').on(t.personId, t.createdAt),
  ],
);

/** Per-person choices: channels per kind, quiet hours, where Slack and email go. */
export const notificationPreferences = pgTable('notification_preferences', {
  personId: text('person_id').primaryKey(),
  orgId: orgId(),
  channels: jsonb('channels').notNull().default({}),
  quietHours: jsonb('quiet_hours'),
  slackUrl: text('slack_url'),
  email: text('email'),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/** A team's Slack-compatible incoming webhook: team mentions and dips for the supervisors post there. */
export const notificationTeamTargets = pgTable('notification_team_targets', {
  teamId: text('team_id').primaryKey(),
  orgId: orgId(),
  slackUrl: text('slack_url').notNull(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/** Slack and email sends, written with the notification and delivered at least once by a job. */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    notificationId: text('notification_id'),
    /** A post to a team's own Slack channel (no notification: the team has no inbox). */
    teamId: text('team_id'),
    /** The person of the notification sent (its copy: their sends are listed without reading every notification). */
    personId: text('person_id'),
    channel: text('channel').notNull(),
    target: text('target').notNull(),
    /** `{kind, title, body, link}`: rendered for the channel when sent. */
    message: jsonb('message').notNull(),
    createdAt: createdAt(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    /** While a delivery pass holds it (being sent now): Try again waits for the outcome instead of sending twice. */
    leasedUntil: instant('leased_until'),
    deliveredAt: instant('delivered_at'),
    deadAt: instant('dead_at'),
    lastError: text('last_error'),
  },
  // The sends still to make, without reading every one ever made.
  (t) => [
    index('notification_outbox_waiting')
      .on(t.seq)
      .where(sql`${t.deliveredAt} is null and ${t.deadAt} is null`),
    // The retention's way to the oldest sends (send-retention.jobs.ts).
    index('notification_outbox_created').on(t.createdAt),
    // A person's sends through their notifications: the last one's outcome, and their erasure.
    index('notification_outbox_notification').on(t.notificationId),
    // A team channel's last post, on its card.
    index('notification_outbox_team').on(t.teamId, t.seq).where(sql`${t.teamId} is not null`),
    // A person's sends, newest first, and a team's members' (the sends list kept to them).
    index('notification_outbox_person').on(t.personId, t.seq).where(sql`${t.personId} is not null`),
    // The sends given up, newest first, for the admins' list.
    index('notification_outbox_dead').on(t.orgId, t.seq).where(sql`${t.deadAt} is not null`),
  ],
);
