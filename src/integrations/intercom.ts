import type { IntercomPayload, Normalized, VendorEvent } from './adapters.types.ts';
import { channelOf, htmlToText, subjectFrom } from './vendor-text.ts';

const customerTypes = new Set(['user', 'lead', 'contact']);

/** Intercom conversation notifications: created and replied by the customer, assigned by an admin. */
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
    default:
      return { ignored: `Baton does not act on ${p.topic}` };
  }
}
