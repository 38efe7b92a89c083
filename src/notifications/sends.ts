import type { LastSend, NotificationSend, SendState } from './notifications.types.ts';

/** One row of the notification outbox as the queries read it (instants as the driver gives them). */
export type SendRow = {
  seq: number | string;
  channel: 'slack' | 'email';
  target: string;
  message: { kind: string; title: string; link?: string | null };
  attempts: number;
  lastError: string | null;
  createdAt: Date | string;
  nextAttemptAt: Date | string;
  deliveredAt: Date | string | null;
  deadAt: Date | string | null;
  notificationId: string | null;
  personId: string | null;
  personName: string | null;
  teamKey: string | null;
  teamName: string | null;
};

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/**
 * Where a send stands: `delivered`; `failed` (given up); `retrying` (tried, its last try failed, it
 * will be tried again); `pending` (not tried yet).
 */
export function sendState(row: Pick<SendRow, 'deliveredAt' | 'deadAt' | 'attempts'>): SendState {
  if (row.deliveredAt) return 'delivered';
  if (row.deadAt) return 'failed';
  return row.attempts > 0 ? 'retrying' : 'pending';
}

/**
 * A Slack incoming webhook's address is its credential (whoever holds it can post to the channel),
 * so lists show its host and last four characters, enough to tell two apart; e-mail addresses as they are.
 */
export function shownTarget(channel: 'slack' | 'email', target: string): string {
  if (channel === 'email') return target;
  try {
    const url = new URL(target);
    const tail = url.pathname.replace(/\/+$/, '').slice(-4);
    return `${url.host}/…${tail}`;
  } catch {
    return '…';
  }
}

/** The newest tried send to an address as the queries read it: nulls throughout when there is none. */
export type TriedSendRow = {
  deliveredAt: Date | string | null;
  deadAt: Date | string | null;
  lastError: string | null;
  attempts: number | null;
};

/** How the newest tried send to an address went; null before any. */
export const lastSendOrNone = (row: TriedSendRow): LastSend | null =>
  row.attempts === null ? null : lastSendOf({ ...row, attempts: row.attempts });

/** How a send tried at least once went, as a person's settings or a team's card say it. */
export function lastSendOf(
  row: Pick<SendRow, 'deliveredAt' | 'deadAt' | 'attempts' | 'lastError'>,
): LastSend {
  const state = sendState(row);
  return {
    state: state === 'pending' ? 'retrying' : state,
    at: iso(row.deliveredAt ?? row.deadAt),
    error: row.lastError,
    attempts: row.attempts,
  };
}

/** A person's sends carry their notification; a team's post, its team; the weekly review, neither. */
function recipientOf(row: SendRow): NotificationSend['to'] {
  if (row.notificationId) return { type: 'person', personId: row.personId, name: row.personName };
  if (row.teamKey || row.message.kind !== 'weekly_review')
    return { type: 'team', team: row.teamKey, name: row.teamName };
  return { type: 'review' };
}

/** A send as the admins' list shows it: to whom, by what, where it stands. */
export function sendOf(row: SendRow): NotificationSend {
  const state = sendState(row);
  return {
    seq: Number(row.seq),
    channel: row.channel,
    to: recipientOf(row),
    target: shownTarget(row.channel, row.target),
    kind: row.message.kind,
    title: row.message.title,
    link: row.message.link ?? null,
    state,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: iso(row.createdAt)!,
    nextAttemptAt: state === 'pending' || state === 'retrying' ? iso(row.nextAttemptAt) : null,
    deliveredAt: iso(row.deliveredAt),
    deadAt: iso(row.deadAt),
  };
}
