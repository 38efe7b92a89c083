import { humanize } from '../app/format.ts';

/**
 * Who sent a handoff, as a reader says it: the person, else what sent it (`baton` for Baton's own
 * escalations, `bot` a chatbot, `channel` a change of channel, `team` a helpdesk's draft).
 */
export const senderName = (h: { sender: { name: string } | null; fromKind: string }): string =>
  h.sender?.name ?? humanize(h.fromKind);
