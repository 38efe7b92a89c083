// Outbound webhooks posted to a team chat instead of a program: the event in one line of words,
// with a link to it in Baton. Pure: names are looked up by the delivery job and given here.

import { teamsNamedIn } from './subscription-match.ts';

/**
 * How a subscription's deliveries are shaped: `baton`, the signed JSON event (the contract);
 * `slack`, `{text}` with Slack's links (Slack, Mattermost, Google Chat, Rocket.Chat incoming
 * webhooks); `teams`, `{text}` with Markdown links (Microsoft Teams incoming webhooks).
 */
export const webhookFormats = ['baton', 'slack', 'teams'] as const;
export type WebhookFormat = (typeof webhookFormats)[number];
export type ChatFormat = Exclude<WebhookFormat, 'baton'>;

/** A receiver's test: sent when a lead asks, never written to a case's log or the outbox. */
export const testEventType = 'webhook.test';

/** The test event a subscription is sent, shaped as every event is (`{id, type, createdAt, data}`). */
export function testEventOf(
  sub: { id: string; events: string[]; teams: string[] },
  id: string,
  at: Date,
): OutboxEvent {
  return {
    id,
    type: testEventType,
    createdAt: at.toISOString(),
    data: { subscriptionId: sub.id, every: sub.events.includes('*'), events: sub.events, teams: sub.teams },
  };
}

/** The event as the outbox keeps it (redacted: free text masked, no customer's name or address). */
export type OutboxEvent = {
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown> & { caseId?: string; handoffId?: string | null };
};

/** Names of the organisation's people and teams, by id and key; an unknown one reads as unknown. */
export type Names = { person: (id: string) => string | undefined; team: (key: string) => string | undefined };

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const words = (code: string) => code.replace(/[_-]+/g, ' ');

function minutes(ms: unknown): string | undefined {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return undefined;
  const m = Math.max(1, Math.round(ms / 60_000));
  return m < 120 ? `${m} min` : `${Math.round(m / 60)} h`;
}

/** The ids a message names, for the delivery job to look up in one go. */
export function namedIn(event: OutboxEvent): { people: string[]; teams: string[] } {
  const d = event.data;
  const people = [d.ownerId, d.from, d.to, d.toOwnerId, d.fromOwnerId]
    .map(str)
    .filter((x) => x !== undefined);
  return { people, teams: teamsNamedIn(d) };
}

/** The event in words: what happened, to whom, from the redacted data and the names. */
export function eventInWords(event: OutboxEvent, names: Names): string {
  const d = event.data;
  const person = (v: unknown) => (str(v) ? (names.person(str(v)!) ?? 'someone') : 'nobody');
  const team = (v: unknown) => (str(v) ? (names.team(str(v)!) ?? str(v)!) : 'a team');
  const clock = str(d.clock) ? words(str(d.clock)!) : 'SLA';
  switch (event.type) {
    case 'handoff.sent':
      return `📨 Handoff to ${team(d.toTeam)}: ${person(d.ownerId)} owns it${str(d.scenario) ? ` (${words(str(d.scenario)!)})` : ''}`;
    case 'handoff.accepted':
      return `✅ Handoff accepted by ${person(d.ownerId ?? d.to)}`;
    case 'handoff.bounced':
      return `↩️ Handoff bounced${str(d.reason) ? ` (${words(str(d.reason)!)})` : ''}: back to ${person(d.to)}`;
    case 'handoff.resolved':
      return '🏁 Handoff resolved';
    case 'handoff.cancelled':
      return '✖️ Handoff cancelled';
    case 'owner.changed':
      return `🔁 Owner changed: ${person(d.to ?? d.ownerId)} owns the handoff now`;
    case 'sla.warning':
      return `⚠️ SLA warning: ${clock} is close to its deadline`;
    case 'sla.breached':
      return `⏰ SLA breached: ${clock}${minutes(d.lagMs) ? ` missed by ${minutes(d.lagMs)}` : ''}, owner ${person(d.ownerId)}`;
    case 'sla.escalated':
      return `🪜 Escalated: ${str(d.action) ? words(str(d.action)!) : 'a rung'} on ${clock}`;
    case 'satisfaction.rated':
      return `${d.satisfied === false ? '👎' : '⭐'} Customer rated ${typeof d.rating === 'number' ? d.rating : '?'}${d.satisfied === false ? ' (not satisfied)' : ''}${str(d.team) ? ` after ${team(d.team)}` : ''}`;
    case 'sentiment.dip':
      return `😟 The customer's sentiment dipped${str(d.label) ? ` (${words(str(d.label)!)})` : ''}`;
    case 'customer.risk_crossed':
      return `🚩 Customer at risk: score ${typeof d.score === 'number' ? d.score : '?'}${str(d.level) ? ` (${str(d.level)})` : ''}`;
    case 'case.created':
      return '🆕 Case opened';
    case 'case.resolved':
      return '✔️ Case resolved';
    case testEventType: {
      const kept = Array.isArray(d.teams) ? d.teams.map((k) => team(k)) : [];
      return `👋 Baton is connected: this channel gets ${d.every ? 'every event' : 'the events chosen'}${kept.length ? ` about ${kept.join(', ')}` : ''}`;
    }
    default:
      return `Baton: ${event.type}`;
  }
}

/** Where the event is seen in Baton: the handoff, else the case; none without a public address. */
export function linkOf(event: OutboxEvent, publicUrl: string | undefined): string | undefined {
  if (!publicUrl) return undefined;
  const handoffId = str(event.data.handoffId);
  const caseId = str(event.data.caseId);
  if (handoffId) return `${publicUrl}/handoffs/${encodeURIComponent(handoffId)}`;
  return caseId ? `${publicUrl}/cases/${encodeURIComponent(caseId)}` : undefined;
}

// Slack reads &, < and > as its own markup: escaped in text, they show as typed.
const slackText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The body a chat's incoming webhook takes: `{text}`, the link in the chat's own syntax. */
export function chatBody(format: ChatFormat, event: OutboxEvent, names: Names, publicUrl?: string): string {
  const line = eventInWords(event, names);
  const link = linkOf(event, publicUrl);
  const text =
    format === 'slack'
      ? `${slackText(line)}${link ? ` <${link}|Open in Baton>` : ''}`
      : `${line}${link ? ` [Open in Baton](${link})` : ''}`;
  return JSON.stringify({ text });
}
