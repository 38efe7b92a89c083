import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
} from 'drizzle-orm/pg-core';
import { createdAt, instant, orgId } from '../db/columns.ts';
import { webhookFormats } from './chat-message.ts';

export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    url: text('url').notNull(),
    secret: text('secret').notNull(),
    events: text('events').array().notNull(),
    active: boolean('active').notNull().default(true),
    /** `baton`: the signed JSON event; `slack`, `teams`: a line of words for a team chat (chat-message.ts). */
    format: text('format', { enum: webhookFormats }).notNull().default('baton'),
    /** Team keys: only events about handoffs to or from these teams; empty, every team's (subscription-match.ts). */
    teams: text('teams').array().notNull().default(sql`'{}'::text[]`),
    /** Who made it (none: an API token without a person): they hear of its dead letters with the admins. */
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [check('webhook_subscriptions_format', sql`${t.format} in ('baton','slack','teams')`)],
);

/**
 * The transactional outbox: one row per (event, subscription), written with the change itself, so
 * a committed change is delivered at least once even if the process dies right after the commit.
 */
export const outbox = pgTable(
  'outbox',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    eventId: text('event_id').notNull(),
    subscriptionId: text('subscription_id').notNull(),
    type: text('type').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    deliveredAt: instant('delivered_at'),
    deadAt: instant('dead_at'),
    lastStatus: smallint('last_status'),
    lastError: text('last_error'),
  },
  (t) => [
    // The deliveries still to make, in order, without reading the month of delivered ones kept beside them.
    index('outbox_waiting').on(t.seq).where(sql`${t.deliveredAt} is null and ${t.deadAt} is null`),
    // Dead letters are few: the log's and the health's way to them.
    index('outbox_dead').on(t.seq).where(sql`${t.deadAt} is not null`),
    index('outbox_subscription').on(t.subscriptionId, t.seq),
    // A subscription's delivered rows by when: its last delivery and last day's count (read from the
    // index alone), and the retention's way to those past their days, without reading the others.
    index('outbox_delivered').on(t.subscriptionId, t.deliveredAt).where(sql`${t.deliveredAt} is not null`),
  ],
);

/**
 * Failed delivery tries per subscription and minute. An outbox row keeps only its last outcome, so
 * without these a receiver's outage leaves no trace once its deliveries go through: the health's
 * hourly bars read them. Written only when a try fails; forgotten after two days.
 */
export const webhookFailedTries = pgTable(
  'webhook_failed_tries',
  {
    subscriptionId: text('subscription_id').notNull(),
    minute: instant('minute').notNull(),
    orgId: orgId(),
    tries: integer('tries').notNull(),
  },
  (t) => [primaryKey({ columns: [t.subscriptionId, t.minute] })],
);

/** Inbound events already applied, by their source's id: a retried delivery changes nothing. */
export const inboundEvents = pgTable(
  'inbound_events',
  {
    orgId: orgId(),
    source: text('source').notNull(),
    eventId: text('event_id').notNull(),
    caseId: text('case_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.source, t.eventId] })],
);
