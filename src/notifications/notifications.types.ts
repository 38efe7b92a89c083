import { z } from 'zod';

/**
 * What a person is notified of: ladder steps (a page is the supervisor rung), dips, mentions, a
 * high-value customer's risk, a customer not satisfied with a handoff, a handoff made theirs by
 * someone else or by Baton, a handoff bounced back to its sender, a handoff cancelled by someone else. A person chooses the channels of each of these.
 */
export const personNotificationKinds = [
  'sla_warning',
  'sla_escalation',
  'page',
  'sentiment_dip',
  'mention',
  'customer_risk',
  'unsatisfied_rating',
  'owner_changed',
  'bounced',
  'cancelled',
] as const;
export type PersonNotificationKind = (typeof personNotificationKinds)[number];

/**
 * Every kind the notification outbox carries: a person's kinds, and the weekly review, which goes to
 * the organisation's review targets (a Slack-compatible webhook, e-mail addresses), to no inbox.
 */
export const notificationKinds = [...personNotificationKinds, 'weekly_review'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** The inbox always gets every notification; these are the channels a person may add per kind. */
export const channels = ['in_app', 'slack', 'email'] as const;
export type Channel = (typeof channels)[number];

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type QuietWeekday = (typeof weekdays)[number];
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (00:00-23:59)');

/**
 * A weekly window in the person's time zone (or `timezone`) when only the inbox is used, pages
 * excepted. A window that ends before it starts runs overnight: it belongs to the day it starts.
 */
export const quietHoursSchema = z
  .object({
    start: clock,
    end: clock,
    days: z
      .array(z.enum(weekdays))
      .min(1)
      .max(7)
      .default([...weekdays]),
    timezone: z
      .string()
      .max(100)
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en-US', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'unknown time zone')
      .optional(),
  })
  .refine((q) => q.start !== q.end, { message: 'start and end must differ', path: ['end'] });
export type QuietHours = z.infer<typeof quietHoursSchema>;

const httpUrl = z
  .string()
  .url()
  .max(2000)
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL');

export const preferencesSchema = z.object({
  channels: z.partialRecord(z.enum(personNotificationKinds), z.array(z.enum(channels)).max(3)).optional(),
  quietHours: quietHoursSchema.nullable().optional(),
  /** A Slack-compatible incoming webhook for this person; null removes it. */
  slackUrl: httpUrl.nullable().optional(),
  /** Where email goes; null means the person's sign-in address. */
  email: z.string().email().max(300).nullable().optional(),
});
export type PreferencesInput = z.infer<typeof preferencesSchema>;

export const teamTargetSchema = z.object({ slackUrl: httpUrl.nullable() });

export const listNotificationsQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const sendStates = ['pending', 'retrying', 'delivered', 'failed'] as const;
export type SendState = (typeof sendStates)[number];

export const listSendsQuery = z
  .object({
    /** `pending`: not yet delivered nor given up (`retrying` among them); none: every send. */
    state: z.enum(sendStates).optional(),
    /** The `nextBefore` of the page before: sends older than it. */
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** A team's key: the posts to its channel and the sends to its members' notifications. */
    team: z.string().min(1).max(100).optional(),
    /** A person's id: the sends of their notifications ("I never got the Slack message"). */
    person: z.string().min(1).max(100).optional(),
  })
  .refine((q) => !(q.team && q.person), {
    message: 'give a team or a person, not both',
    path: ['person'],
  });

/** A Slack or e-mail send as the admins' list shows it (a Slack address shortened: it is a credential). */
export type NotificationSend = {
  seq: number;
  channel: 'slack' | 'email';
  /**
   * Whom it was for: a person (through their notification; `personId` and `name` null once they are
   * gone), a team (a post to its own channel; null for a post queued before Baton marked them), or the
   * organisation's weekly review targets.
   */
  to:
    | { type: 'person'; personId: string | null; name: string | null }
    | { type: 'team'; team: string | null; name: string | null }
    | { type: 'review' };
  target: string;
  kind: string;
  title: string;
  link: string | null;
  state: SendState;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  deadAt: string | null;
};

/** How the organisation's sends stand: waiting, retrying, given up, and delivered in the last day. */
export type SendCounts = { pending: number; retrying: number; failed: number; deliveredLastDay: number };

export const testSendSchema = z.object({ channel: z.enum(['slack', 'email']) });

/** How a test message went: sent now, outside the outbox (nothing is kept). */
export type TestSend = { delivered: boolean; error: string | null; ms: number; to: string };

/** How the newest tried send of a channel to a person went. */
export type LastSend = {
  /** `delivered`; `retrying` (its last try failed, it will be tried again); `failed` (given up). */
  state: 'delivered' | 'retrying' | 'failed';
  /** When it was delivered or given up; null while retrying. */
  at: string | null;
  error: string | null;
  attempts: number;
};

/** What travels in the outbox and is rendered per channel when sent. */
export type OutgoingMessage = {
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
};
