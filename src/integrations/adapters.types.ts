import { z } from 'zod';
import type { Rating } from '../satisfaction/rating.ts';
import type { VendorProfile } from './vendor-profile.ts';
import { starRating, zendeskRating } from './vendor-rating.ts';

export const adapterSources = ['zendesk', 'freshdesk', 'intercom'] as const;
export type AdapterSource = (typeof adapterSources)[number];

export const groupMappingSchema = z.object({
  source: z.enum(adapterSources),
  /** The source's group id (Zendesk group, Freshdesk group, Intercom team) or its name. */
  group: z.string().trim().min(1).max(200),
  scenario: z.string().trim().min(1).max(100),
});
export const groupMappingKeySchema = groupMappingSchema.pick({ source: true, group: true });
export type GroupMapping = z.infer<typeof groupMappingSchema>;

/** A helpdesk event in Baton's words, whatever the vendor: what the adapter command applies. */
export type VendorEvent = {
  eventId: string;
  /** The vendor's own event name, for the log. */
  type: string;
  case: {
    externalId: string;
    subject?: string;
    channel: string;
    /** The requester, with tenure and value where the vendor's payload carries them. */
    customer?: { externalId: string; name: string; email?: string } & VendorProfile;
  };
  message?: { role: 'customer' | 'agent' | 'internal'; text: string; at?: string };
  assignment?: {
    change: 'group' | 'assignee';
    group: { id?: string; name?: string } | null;
    assignee: { id?: string; name?: string; email?: string } | null;
  };
  /**
   * The customer's satisfaction rating of the ticket, recorded with the event (source: the vendor).
   * `externalId` is the vendor's id for the rating: the same id again with another rating replaces it.
   */
  satisfaction?: { rating: Rating; comment?: string; at?: string; externalId: string };
};

/** What a normaliser answers: an event to apply, or why the payload carries nothing for Baton. */
export type Normalized = { event: VendorEvent } | { ignored: string };

// Vendors send ids as numbers or strings, and empty placeholders as "": both read as absent.
const id = z.union([z.string().max(200), z.number()]).transform(String);
const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const optId = z.preprocess(blank, id.optional());
const optText = (max = 20_000) => z.preprocess(blank, z.string().max(max).optional());

/** Zendesk event webhooks (`zen:event-type:ticket.*`). */
export const zendeskEventSchema = z.looseObject({
  type: z.string().regex(/^zen:event-type:/),
  id: z.string().min(1).max(300),
  time: optText(100),
  detail: z.looseObject({
    id,
    subject: optText(500),
    description: optText(),
    requester_id: optId,
    group_id: optId,
    assignee_id: optId,
    via: z.looseObject({ channel: optText(40) }).optional(),
  }),
  event: z.record(z.string(), z.unknown()).default({}),
});

/**
 * `{{satisfaction.current_rating}}` read as good / bad, or null before the customer rated. Text that
 * is neither is refused (400) rather than guessed: a rating read wrongly would count in CSAT.
 */
const zendeskRatingText = z.preprocess(blank, z.string().max(200).optional()).transform((text, ctx) => {
  const rating = text === undefined ? null : zendeskRating(text);
  if (rating !== undefined) return rating;
  ctx.addIssue({ code: 'custom', message: 'must be Good…, Bad…, Offered or Unoffered' });
  return z.NEVER;
});

/** Zendesk trigger webhooks, with the JSON body docs/integrations.md gives. */
export const zendeskTriggerSchema = z.looseObject({
  event: z.enum([
    'ticket_created',
    'comment_added',
    'group_changed',
    'assignee_changed',
    'satisfaction_changed',
  ]),
  ticket: z.looseObject({
    id,
    title: optText(500),
    via: optText(40),
    group: optText(200),
    group_id: optId,
    assignee: optText(300),
    requester: z.looseObject({ id: optId, name: optText(200), email: optText(300) }).optional(),
    /** Tenure and value fields (`customer_since`, `annual_value`, `tier`) read leniently: see zendesk.ts. */
    organization: z.unknown().optional(),
    comment: optText(),
    comment_from: z.preprocess(blank, z.enum(['customer', 'agent', 'internal']).optional()),
    /**
     * `{{satisfaction.current_rating}}` and `{{satisfaction.current_comment}}`, and optionally when
     * (`{{ticket.updated_at_with_timestamp}}`: the satisfaction trigger fires as the rating changes it).
     */
    satisfaction: z
      .looseObject({ rating: zendeskRatingText, comment: optText(), at: optText(60) })
      .optional(),
  }),
});

const freshdeskFields = z.looseObject({
  ticket_id: id,
  ticket_subject: optText(500),
  ticket_description: optText(),
  ticket_source: optText(40),
  ticket_group_name: optText(200),
  ticket_group_id: optId,
  ticket_agent_name: optText(200),
  ticket_agent_email: optText(300),
  ticket_requester_id: optId,
  ticket_requester_name: optText(200),
  ticket_requester_email: optText(300),
  ticket_latest_public_comment: optText(),
  ticket_latest_private_comment: optText(),
  triggered_event: optText(500),
  baton_event: z.preprocess(
    blank,
    z.enum(['ticket_created', 'reply_added', 'note_added', 'group_changed', 'agent_changed']).optional(),
  ),
  event_id: optText(300),
});

/** Freshdesk automation webhooks: the "simple" `{freshdesk_webhook: {...}}` envelope or the same fields bare. */
export type FreshdeskFields = z.infer<typeof freshdeskFields>;
export const freshdeskSchema = z
  .union([z.object({ freshdesk_webhook: freshdeskFields }), freshdeskFields])
  .transform(
    (p) =>
      ('ticket_id' in p
        ? p
        : (p as { freshdesk_webhook: FreshdeskFields }).freshdesk_webhook) as FreshdeskFields,
  );

const intercomAuthor = z.looseObject({
  type: z.string().max(40),
  id: optId,
  name: optText(200),
  email: optText(300),
});

export const intercomRatingTopic = 'conversation.rating.added';

const intercomNotification = z.looseObject({
  type: z.literal('notification_event'),
  id: z.string().min(1).max(300),
  topic: z.string().min(1).max(100),
  data: z.looseObject({
    item: z.looseObject({
      type: z.string(),
      id,
      title: optText(500),
      created_at: z.number().optional(),
      admin_assignee_id: optId,
      team_assignee_id: optId,
      source: z
        .looseObject({
          type: optText(40),
          delivered_as: optText(40),
          subject: optText(500),
          body: optText(),
          author: intercomAuthor.optional(),
        })
        .optional(),
      contacts: z
        .looseObject({ contacts: z.array(z.looseObject({ id, name: optText(200) })).default([]) })
        .optional(),
      conversation_parts: z
        .looseObject({
          conversation_parts: z
            .array(
              z.looseObject({
                part_type: z.string().max(60),
                body: optText(),
                created_at: z.number().optional(),
                author: intercomAuthor.optional(),
                assigned_to: z.preprocess(blank, z.looseObject({ type: z.string(), id }).optional()),
              }),
            )
            .default([]),
        })
        .optional(),
      /** `null` until the customer rates; the stars are checked only where they are read (below). */
      conversation_rating: z.preprocess(
        blank,
        z
          .looseObject({
            rating: z.preprocess(blank, z.unknown()),
            remark: optText(),
            // Older payloads send every field of an unrated conversation as null.
            created_at: z.preprocess(blank, z.number().optional()),
            updated_at: z.preprocess(blank, z.number().optional()),
          })
          .optional(),
      ),
    }),
  }),
});

/** Intercom webhook notifications whose item is a conversation. */
export const intercomSchema = intercomNotification.superRefine((p, ctx) => {
  // A rating notification whose stars are not 1 to 5 is refused, as any payload of the wrong
  // shape; on other topics the rating is not read, so it cannot cost them their event.
  const rating = p.data.item.conversation_rating?.rating;
  if (p.topic === intercomRatingTopic && rating !== undefined && starRating(rating) === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['data', 'item', 'conversation_rating', 'rating'],
      message: 'must be a whole number of stars from 1 to 5',
    });
});

export type ZendeskEvent = z.infer<typeof zendeskEventSchema>;
export type ZendeskTrigger = z.infer<typeof zendeskTriggerSchema>;
export type FreshdeskPayload = z.infer<typeof freshdeskSchema>;
export type IntercomPayload = z.infer<typeof intercomSchema>;
