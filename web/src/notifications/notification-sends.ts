import type {
  NotificationSend,
  SendCounts,
  SendState,
} from '../../../src/notifications/notifications.types.ts';
import { kindWords } from './notification-settings.ts';

/** `GET /notifications/sends`: a page of sends, the cursor to the next, and how they all stand. */
export type SendsPage = { items: NotificationSend[]; nextBefore: number | null; counts: SendCounts };

/** The list's filters, in the order a person looking for trouble wants them. */
export const sendFilters: { state: SendState | undefined; label: string }[] = [
  { state: 'failed', label: 'Given up' },
  { state: 'retrying', label: 'Being retried' },
  { state: undefined, label: 'All' },
  { state: 'delivered', label: 'Delivered' },
];

export const sendBadges: Record<SendState, { tone: 'good' | 'warn' | 'bad' | 'neutral'; label: string }> = {
  delivered: { tone: 'good', label: 'Delivered' },
  pending: { tone: 'neutral', label: 'Waiting' },
  retrying: { tone: 'warn', label: 'Being retried' },
  failed: { tone: 'bad', label: 'Given up' },
};

/** How the organisation's sends stand, in one line: the day's deliveries, what waits, what was given up. */
export function countsLine(c: SendCounts): string {
  return [
    `${c.deliveredLastDay.toLocaleString()} delivered in 24 h`,
    c.pending
      ? `${c.pending.toLocaleString()} waiting${c.retrying ? ` (${c.retrying.toLocaleString()} being retried)` : ''}`
      : 'nothing waiting',
    c.failed ? `${c.failed.toLocaleString()} given up in the last 30 days` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Whom a send was for: a person by name, a team's channel, or the weekly review's readers. */
export function recipientOf(s: NotificationSend): string {
  switch (s.to.type) {
    case 'person':
      return s.to.name ?? 'A person no longer here';
    case 'team':
      return s.to.name ? `${s.to.name}’s channel` : 'A team’s channel';
    case 'review':
      return 'Weekly review readers';
  }
}

/** What the notification was about, in the words of the settings. */
export function kindOf(s: NotificationSend): string {
  if (s.kind === 'weekly_review') return 'Weekly review';
  return kindWords[s.kind as keyof typeof kindWords]?.label ?? s.kind.replace(/_/g, ' ');
}

/** A send that can be tried again: one given up, or one whose backoff has it waiting. */
export const canResend = (s: NotificationSend) => s.state === 'failed' || s.state === 'retrying';

/** Whose sends the list keeps to: everyone's, one team's (its channel and members) or one person's. */
export type SendsFor = { team: string } | { person: string } | null;

/** The address's `sendsFor` (`team:finance`, `person:p_1`) as a filter; anything else is everyone. */
export function parseSendsFor(v: string | null): SendsFor {
  const [kind, ...rest] = (v ?? '').split(':');
  const id = rest.join(':');
  if (!id) return null;
  if (kind === 'team') return { team: id };
  if (kind === 'person') return { person: id };
  return null;
}

/** A filter as the address writes it (`''` for everyone). */
export const sendsForParam = (f: SendsFor): string =>
  !f ? '' : 'team' in f ? `team:${f.team}` : `person:${f.person}`;

/** The sends' section on the Integrations page, the target of the links to it. */
export const sendsSectionId = 'notification-sends';

/** Where a team's card links to: the list kept to the team, every state shown. */
export const sendsPath = (f: SendsFor): string =>
  `/settings/integrations?${new URLSearchParams({ sendsFor: sendsForParam(f), sends: 'all' })}#${sendsSectionId}`;

/** The state filter as the address writes it: `all` for every send, nothing for the default (given up). */
export function parseSendState(v: string | null): SendState | undefined {
  if (v === 'all') return undefined;
  return sendFilters.find((f) => f.state === v)?.state ?? 'failed';
}
export const sendStateParam = (s: SendState | undefined): string => (s === 'failed' ? '' : (s ?? 'all'));
