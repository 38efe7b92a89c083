import type { Normalized, VendorEvent, ZendeskEvent, ZendeskTrigger } from './adapters.types.ts';
import { snakeFields, vendorProfile } from './vendor-profile.ts';
import { ratingComment, ratingTime } from './vendor-rating.ts';
import { channelOf, refOf, subjectFrom } from './vendor-text.ts';

const prefix = 'zen:event-type:';

function customerOf(id: string | undefined, name?: string, email?: string): VendorEvent['case']['customer'] {
  if (!id && !email) return undefined;
  const key = id ?? email!;
  return { externalId: `zendesk:${key}`, name: name ?? `Zendesk requester ${key}`, email };
}

const withProfile = (c: VendorEvent['case']['customer'], p: ReturnType<typeof vendorProfile>) =>
  c ? { ...c, ...p } : undefined;

/**
 * Zendesk event webhooks: ticket created, comment added, group or agent assignment changed. Their
 * `detail` is the ticket alone (no requester or organisation fields), so they carry no tenure or value.
 */
export function normalizeZendeskEvent(p: ZendeskEvent): Normalized {
  const kind = p.type.slice(prefix.length);
  const d = p.detail;
  const base: VendorEvent = {
    eventId: p.id,
    type: kind,
    case: {
      externalId: d.id,
      subject: d.subject,
      channel: channelOf(d.via?.channel, 'email'),
      customer: customerOf(d.requester_id),
    },
  };
  const group = refOf(d.group_id);
  const assignee = refOf(d.assignee_id);
  switch (kind) {
    case 'ticket.created':
      return {
        event: {
          ...base,
          case: { ...base.case, subject: d.subject ?? subjectFrom(d.description, `Zendesk ticket ${d.id}`) },
          message: d.description ? { role: 'customer', text: d.description, at: p.time } : undefined,
        },
      };
    case 'ticket.comment_added': {
      const comment = (p.event.comment ?? {}) as Record<string, unknown>;
      const body = typeof comment.body === 'string' ? comment.body.trim() : '';
      if (!body) return { ignored: 'the comment has no text' };
      const author = (comment.author ?? {}) as Record<string, unknown>;
      const role = author.is_staff !== true ? 'customer' : comment.is_public === false ? 'internal' : 'agent';
      return { event: { ...base, message: { role, text: body, at: p.time } } };
    }
    case 'ticket.group_assignment_changed':
      return {
        event: { ...base, assignment: { change: 'group', group: refOf(p.event.current) ?? group, assignee } },
      };
    case 'ticket.agent_assignment_changed':
      return {
        event: {
          ...base,
          assignment: { change: 'assignee', group, assignee: refOf(p.event.current) ?? assignee },
        },
      };
    default:
      return { ignored: `Baton does not act on ${p.type}` };
  }
}

/**
 * Zendesk trigger webhooks (the JSON body of docs/integrations.md); the id comes from the request.
 * Whichever trigger's body carries the ticket's current satisfaction rating records it. Zendesk keeps
 * one rating per ticket, which the customer may change, and no placeholder gives the rating's own
 * id: the ticket id stands for it, so a changed rating replaces the earlier one.
 */
export function normalizeZendeskTrigger(p: ZendeskTrigger, eventId: string): Normalized {
  const t = p.ticket;
  const rating = t.satisfaction?.rating;
  const base: VendorEvent = {
    eventId,
    type: `trigger.${p.event}`,
    case: {
      externalId: t.id,
      subject: t.title,
      channel: channelOf(t.via, 'email'),
      customer: withProfile(
        customerOf(t.requester?.id, t.requester?.name, t.requester?.email),
        // The requester's own fields first (a person's sign-up date), then the organisation's.
        vendorProfile(snakeFields(t.requester), snakeFields(t.organization)),
      ),
    },
    ...(rating
      ? {
          satisfaction: {
            rating,
            comment: ratingComment(t.satisfaction?.comment),
            at: ratingTime(t.satisfaction?.at),
            externalId: t.id,
          },
        }
      : {}),
  };
  const group = t.group || t.group_id ? { id: t.group_id, name: t.group } : null;
  const assignee = t.assignee
    ? { email: t.assignee.includes('@') ? t.assignee : undefined, name: t.assignee }
    : null;
  switch (p.event) {
    case 'ticket_created':
      return {
        event: {
          ...base,
          case: { ...base.case, subject: t.title ?? subjectFrom(t.comment, `Zendesk ticket ${t.id}`) },
          message: t.comment ? { role: 'customer', text: t.comment } : undefined,
        },
      };
    case 'comment_added':
      if (!t.comment) return { ignored: 'the comment has no text' };
      return { event: { ...base, message: { role: t.comment_from ?? 'customer', text: t.comment } } };
    case 'group_changed':
      return { event: { ...base, assignment: { change: 'group', group, assignee } } };
    case 'assignee_changed':
      return { event: { ...base, assignment: { change: 'assignee', group, assignee } } };
    case 'satisfaction_changed':
      // "Offered" or "Unoffered": the survey went out (or not), the customer has not rated yet.
      if (!base.satisfaction) return { ignored: 'the ticket has no satisfaction rating yet' };
      return { event: base };
  }
}
