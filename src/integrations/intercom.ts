import {
  type IntercomPayload,
  intercomRatingTopic,
  type Normalized,
  type VendorEvent,
} from './adapters.types.ts';
import { snakeFields, vendorAmount, vendorProfile } from './vendor-profile.ts';
import { ratingComment, starRating } from './vendor-rating.ts';
import { channelOf, htmlToText, subjectFrom } from './vendor-text.ts';

const customerTypes = new Set(['user', 'lead', 'contact']);

type Obj = Record<string, unknown>;
const record = (v: unknown): Obj | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
const records = (list: unknown[]): Obj[] => list.map(record).filter((x): x is Obj => x !== undefined);

/** A contact's companies, as Intercom lists them (`{companies: [...]}` or `{data: [...]}`). */
function companiesOf(contact: Obj): Obj[] {
  const c = contact.companies;
  const list = Array.isArray(c) ? c : (record(c)?.companies ?? record(c)?.data);
  return Array.isArray(list) ? records(list) : [];
}

/**
 * Tenure and value from the contact objects of a notification, where they are expanded: the
 * contact's custom attributes `customer_since`, `annual_value` and `tier` (or `plan`) first, then
 * its `signed_up_at`, then its company (`remote_created_at`, `monthly_spend` times twelve, `plan`).
 */
export function intercomProfile(contacts: unknown[]) {
  const people = records(contacts);
  const attributes = people.map((p) => {
    const a = record(p.custom_attributes) ?? {};
    return { ...snakeFields(a), tier: a.tier ?? a.plan };
  });
  const signedUp = people.map((p) => ({ customerSince: p.signed_up_at }));
  const companies = people.flatMap(companiesOf).map((c) => {
    const monthly = vendorAmount(c.monthly_spend);
    return {
      customerSince: c.remote_created_at,
      annualValue: monthly === undefined ? undefined : monthly * 12,
      tier: c.plan,
    };
  });
  return vendorProfile(...attributes, ...signedUp, ...companies);
}

/**
 * Intercom conversation notifications: created and replied by the customer, assigned by an admin,
 * rated by the customer.
 */
export function normalizeIntercom(p: IntercomPayload): Normalized {
  const item = p.data.item;
  if (item.type !== 'conversation') return { ignored: `Baton does not act on ${item.type} items` };
  const parts = item.conversation_parts?.conversation_parts ?? [];
  const author = item.source?.author;
  const contact = item.contacts?.contacts[0];
  const customerId = (author && customerTypes.has(author.type) ? author.id : undefined) ?? contact?.id;
  const firstText = item.source?.body ? htmlToText(item.source.body) : '';
  const base: VendorEvent = {
    eventId: p.id,
    type: p.topic,
    case: {
      externalId: item.id,
      subject: item.title ?? (item.source?.subject ? htmlToText(item.source.subject) : undefined),
      channel: channelOf(
        item.source?.delivered_as === 'customer_initiated' ? 'chat' : item.source?.type,
        'chat',
      ),
      customer: customerId
        ? {
            externalId: `intercom:${customerId}`,
            name:
              (author && customerTypes.has(author.type) ? author.name : contact?.name) ??
              `Intercom contact ${customerId}`,
            email: author && customerTypes.has(author.type) ? author.email : undefined,
            ...intercomProfile([
              author && customerTypes.has(author.type) ? author : undefined,
              item.contacts?.contacts.find((c) => c.id === customerId),
            ]),
          }
        : undefined,
    },
  };
  const at = (seconds?: number) => (seconds ? new Date(seconds * 1000).toISOString() : undefined);
  switch (p.topic) {
    case 'conversation.user.created':
      return {
        event: {
          ...base,
          case: {
            ...base.case,
            subject: base.case.subject ?? subjectFrom(firstText, `Intercom conversation ${item.id}`),
          },
          message: firstText ? { role: 'customer', text: firstText, at: at(item.created_at) } : undefined,
        },
      };
    case 'conversation.user.replied': {
      const reply = parts.findLast((x) => x.author && customerTypes.has(x.author.type) && x.body);
      const text = reply?.body ? htmlToText(reply.body) : '';
      if (!text) return { ignored: 'the reply has no text' };
      return { event: { ...base, message: { role: 'customer', text, at: at(reply?.created_at) } } };
    }
    case 'conversation.admin.assigned': {
      const assignments = parts.filter((x) => /assign/.test(x.part_type) && x.assigned_to);
      const toTeam = assignments.findLast((x) => x.assigned_to?.type === 'team')?.assigned_to?.id;
      const toAdmin = assignments.findLast((x) => x.assigned_to?.type === 'admin')?.assigned_to?.id;
      const teamId = toTeam ?? item.team_assignee_id;
      const adminId = toAdmin ?? item.admin_assignee_id;
      return {
        event: {
          ...base,
          assignment: {
            change: toTeam || (!toAdmin && teamId) ? 'group' : 'assignee',
            group: teamId && teamId !== '0' ? { id: teamId } : null,
            assignee: adminId && adminId !== '0' ? { id: adminId } : null,
          },
        },
      };
    }
    case intercomRatingTopic: {
      const r = item.conversation_rating;
      const rating = starRating(r?.rating);
      if (!rating) return { ignored: 'the conversation has no rating' };
      return {
        event: {
          ...base,
          satisfaction: {
            rating,
            comment: ratingComment(r?.remark),
            // `updated_at` is when the customer last rated; `created_at`, which older payloads
            // carry alone, is when Intercom asked them to.
            at: at(r?.updated_at ?? r?.created_at),
            // One rating per conversation, which a later rating replaces.
            externalId: item.id,
          },
        },
      };
    }
    default:
      return { ignored: `Baton does not act on ${p.topic}` };
  }
}
