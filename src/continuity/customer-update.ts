export type CustomerUpdateInput = {
  customerName: string;
  teamName: string;
  ownerFirstName?: string | null;
  replyBy: Date;
  timezone?: string | null;
  language?: string | null;
};

function formatReplyBy(at: Date, timezone: string, language: string): string {
  try {
    return new Intl.DateTimeFormat(language, {
      timeZone: timezone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(at);
  } catch {
    return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  }
}

/**
 * The warm message for the customer when a handoff is sent: who has the case now, that the story
 * travels with it, and when they will hear back. Built only from customer-facing facts: the packet's
 * internal notes never enter it.
 */
export function draftCustomerUpdate(input: CustomerUpdateInput): { text: string; replyBy: string } {
  const first = input.customerName.trim().split(/\s+/)[0] || 'there';
  const who = input.ownerFirstName
    ? `our ${input.teamName} team, where ${input.ownerFirstName} is looking after it`
    : `our ${input.teamName} team`;
  const when = formatReplyBy(input.replyBy, input.timezone || 'UTC', input.language || 'en-GB');
  const text =
    `Hi ${first}, thank you for your patience. Your case is now with ${who}. ` +
    `They have everything you have told us so far, so you will not need to explain it again. ` +
    `You will hear back from us by ${when}.`;
  return { text, replyBy: input.replyBy.toISOString() };
}
