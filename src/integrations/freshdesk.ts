import type { FreshdeskFields, Normalized, VendorEvent } from './adapters.types.ts';
import { snakeFields, vendorProfile } from './vendor-profile.ts';
import { channelOf, htmlToText, subjectFrom } from './vendor-text.ts';

type Kind = NonNullable<FreshdeskFields['baton_event']>;

/** Reads Freshdesk's `{{triggered_event}}` when the rule did not name the event itself. */
export function kindOf(triggered: string | undefined): Kind | undefined {
  const t = triggered?.toLowerCase() ?? '';
  if (/group/.test(t)) return 'group_changed';
  if (/responder|agent/.test(t)) return 'agent_changed';
  if (/note/.test(t)) return 'note_added';
  if (/repl|comment/.test(t)) return 'reply_added';
  if (/creat/.test(t)) return 'ticket_created';
  return undefined;
}

/**
 * Freshdesk automation webhooks. Freshdesk sends no event id: a rule may send one (`event_id`),
 * otherwise the body's digest stands for it, so Freshdesk's retries of one request apply once.
 */
export function normalizeFreshdesk(f: FreshdeskFields, bodyDigest: string): Normalized {
  const kind = f.baton_event ?? kindOf(f.triggered_event);
  if (!kind) return { ignored: `Baton does not act on ${f.triggered_event ?? 'this Freshdesk event'}` };
  const requester = f.ticket_requester_id ?? f.ticket_requester_email;
  const base: VendorEvent = {
    eventId: f.event_id ?? bodyDigest,
    type: kind,
    case: {
      externalId: f.ticket_id,
      subject: f.ticket_subject,
      channel: channelOf(f.ticket_source, 'email'),
      customer: requester
        ? {
            externalId: `freshdesk:${requester}`,
            name: f.ticket_requester_name ?? `Freshdesk requester ${requester}`,
            email: f.ticket_requester_email,
            // The rule's content names them (Freshdesk's own ticket fields hold neither tenure nor value).
            ...vendorProfile(snakeFields(f, 'customer_tier')),
          }
        : undefined,
    },
  };
  const text = (html: string | undefined) => (html ? htmlToText(html) : '');
  switch (kind) {
    case 'ticket_created': {
      const body = text(f.ticket_description);
      return {
        event: {
          ...base,
          case: {
            ...base.case,
            subject: f.ticket_subject ?? subjectFrom(body, `Freshdesk ticket ${f.ticket_id}`),
          },
          message: body ? { role: 'customer', text: body } : undefined,
        },
      };
    }
    case 'reply_added':
    case 'note_added': {
      const body = text(
        kind === 'note_added' ? f.ticket_latest_private_comment : f.ticket_latest_public_comment,
      );
      if (!body) return { ignored: 'the reply has no text' };
      return {
        event: { ...base, message: { role: kind === 'note_added' ? 'internal' : 'customer', text: body } },
      };
    }
    case 'group_changed':
    case 'agent_changed': {
      const group =
        f.ticket_group_name || f.ticket_group_id
          ? { id: f.ticket_group_id, name: f.ticket_group_name }
          : null;
      const assignee =
        f.ticket_agent_name || f.ticket_agent_email
          ? { name: f.ticket_agent_name, email: f.ticket_agent_email }
          : null;
      return {
        event: {
          ...base,
          assignment: { change: kind === 'group_changed' ? 'group' : 'assignee', group, assignee },
        },
      };
    }
    default:
      return { ignored: `Baton does not act on ${kind}` };
  }
}
