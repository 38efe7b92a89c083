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
