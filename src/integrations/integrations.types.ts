import { z } from 'zod';
import { EventType } from '../events/names.ts';
import { teamKey } from '../teams/teams.types.ts';
import { webhookFormats } from './chat-message.ts';

const url = z
  .string()
  .url()
  .max(2000)
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL');
const secret = z.string().min(8).max(500);
// Every event type of the case log, or `*`: a name nobody writes would make a subscription that
// never hears anything, and look healthy ("Nothing sent yet") for ever.
const eventTypes: ReadonlySet<string> = new Set(Object.values(EventType));
const events = z
  .array(
    z
      .string()
      .min(1)
      .max(100)
      .refine((e) => e === '*' || eventTypes.has(e), {
        error: (issue) =>
          `no event is called ${String(issue.input)}: use * or one of ${[...eventTypes].sort().join(', ')}`,
      }),
  )
  .min(1)
  .max(100);

const format = z
  .enum(webhookFormats)
  .describe(
    '`baton` (default): the signed JSON event; `slack`: `{text}` for Slack, Mattermost or Google Chat incoming webhooks; `teams`: `{text}` for Microsoft Teams incoming webhooks',
  );

const teams = z
  .array(teamKey)
  .max(100)
  .transform((keys) => [...new Set(keys)])
  .describe(
    'Team keys: only events about handoffs to or from these teams (for an event of the case, its latest handoff); empty or left out, every team',
  );

export const subscriptionSchema = z.object({
  url,
  secret,
  events,
  format: format.default('baton'),
  teams: teams.default([]),
});

/**
 * `PATCH /webhooks/subscriptions/{id}`: a paused subscription (`active: false`) queues nothing new
 * and its pending deliveries wait; resumed, they go out again.
 */
export const subscriptionChangeSchema = z
  .object({ url, secret, events, active: z.boolean(), format, teams })
  .partial()
  .refine((c) => Object.values(c).some((v) => v !== undefined), 'give at least one field to change');

export const inboundGenericSchema = z.object({
  eventId: z.string().min(1).max(300),
  type: z.enum(['case.created', 'message.created']),
  case: z.object({
    externalId: z.string().min(1).max(200),
    subject: z.string().min(1).max(500),
    channel: z.string().min(1).max(40),
    customer: z.object({
      externalId: z.string().min(1).max(200),
      name: z.string().min(1).max(200),
      /**
       * Profile fields, read leniently by generic-customer.ts: an unreadable one is left out and the
       * event still applies (`customerSince` a day, `annualValue` an amount, `tier`, `language` a tag
       * such as pt-BR, `timezone` an IANA zone).
       */
      customerSince: z.unknown().optional(),
      annualValue: z.unknown().optional(),
      tier: z.unknown().optional(),
      language: z.unknown().optional(),
      timezone: z.unknown().optional(),
    }),
  }),
  message: z
    .object({
      role: z.enum(['customer', 'agent', 'bot']),
      text: z.string().min(1).max(20_000),
      at: z.string().datetime({ offset: true }).optional(),
    })
    .optional(),
});

export type Subscription = z.infer<typeof subscriptionSchema>;
/** What a caller sends (defaults left out). */
export type SubscriptionInput = z.input<typeof subscriptionSchema>;
export type SubscriptionChange = z.input<typeof subscriptionChangeSchema>;
export type InboundGeneric = z.infer<typeof inboundGenericSchema>;

/** `POST /webhooks/subscriptions/{id}/test`: what the receiver answered a test event. */
export type TestDelivery = {
  delivered: boolean;
  /** The receiver's HTTP status; null when it did not answer. */
  status: number | null;
  error: string | null;
  ms: number;
  eventId: string;
};

/** How a subscription's deliveries stand, beside it in `GET /webhooks/subscriptions` (subscription-health.ts). */
export type SubscriptionHealth = {
  state: 'healthy' | 'failing' | 'behind' | 'paused' | 'quiet';
  /** Deliveries not yet made (being tried, waiting for a retry, or held by a pause). */
  waiting: number;
  /** When the oldest of them was queued. */
  oldestWaitingAt: Date | null;
  /** Waiting deliveries whose last try failed. */
  failing: number;
  /** The newest failed try among the waiting ones: the receiver's status (null: no answer) and the error. */
  lastFailure: { eventId: string; status: number | null; error: string } | null;
  /** Given up after every try: they wait for a lead to send them again. */
  dead: number;
  /** When the newest of them was given up. */
  lastDeadAt: Date | null;
  /** When the newest event delivered was delivered. */
  lastDeliveredAt: Date | null;
  /** Deliveries made in the last 24 hours. */
  deliveredLastDay: number;
  /** The same, hour by hour: 24 counts, the oldest hour first, the last the hour up to now. */
  deliveredByHour: number[];
  /** Tries that failed in the last 24 hours (a delivery retried five times counts five): when the receiver was down. */
  failedLastDay: number;
  /** The same, hour by hour, as `deliveredByHour` (counted by the minute they failed in). */
  failedByHour: number[];
};
