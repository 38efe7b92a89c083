/**
 * A webhook delivery given up (a dead letter) is said in the inboxes of the admins and of the
 * subscription's maker and teams' leads (dead-letter-readers.queries.ts): a helpdesk that stops
 * hearing of handoffs loses cases quietly, and the integrations page is not where anyone looks each
 * day. Once per subscription and day, however many deliveries die.
 */

export const webhookFailedKind = 'webhook_failed';

export type DeadLetter = {
  subscriptionId: string;
  url: string;
  type: string;
  attempts: number;
  status: number | null;
  error: string | null;
};

/** The receiver by its host alone: a subscription's address may carry a token in its path or query. */
export function receiverOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'a receiver';
  }
}

export function deadLetterNotice(d: DeadLetter): { title: string; body: string; link: string } {
  const why = d.status ? `HTTP ${d.status}` : (d.error ?? 'no answer');
  return {
    title: `Webhook deliveries to ${receiverOf(d.url)} are being given up`,
    body: `A ${d.type} event became a dead letter after ${d.attempts} tries (${why}). Fix the receiver, then send the dead letters again from Integrations.`,
    link: '/settings/integrations',
  };
}

export const deadLetterEventId = (subscriptionId: string, at: Date) =>
  `webhook-dead:${subscriptionId}:${at.toISOString().slice(0, 10)}`;
