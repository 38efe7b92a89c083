import { bounceReasonLabels } from '../handoffs/bounce-reasons.ts';
import type { Channel, OutgoingMessage, PersonNotificationKind, QuietHours } from './notifications.types.ts';
import { inQuietHours } from './quiet-hours.ts';

/** Channels per kind until a person says otherwise; Slack and email only go where an address is known. */
export const defaultChannels: Record<PersonNotificationKind, Channel[]> = {
  sla_warning: ['in_app', 'slack'],
  sla_escalation: ['in_app', 'slack', 'email'],
  page: ['in_app', 'slack', 'email'],
  sentiment_dip: ['in_app', 'slack', 'email'],
  mention: ['in_app', 'slack'],
  customer_risk: ['in_app', 'slack', 'email'],
  unsatisfied_rating: ['in_app', 'slack'],
  // The bell alone: a team rebalanced at once gives its people many of these.
  owner_changed: ['in_app'],
  // Work back on the sender's desk, with the receiving team's reason: as loud as a mention.
  bounced: ['in_app', 'slack'],
  // Work taken off a desk, or recalled from it, by someone else: said where the bounce is said.
  cancelled: ['in_app', 'slack'],
};

export type Recipient = {
  kind: PersonNotificationKind;
  chosen?: Partial<Record<PersonNotificationKind, Channel[]>>;
  quietHours?: QuietHours | null;
  timezone: string;
  slack: boolean;
  email: boolean;
};

/**
 * The channels one notification takes beyond the inbox: the person's choice for its kind (or the
 * default), only where an address exists, and none during quiet hours unless it is a page.
 */
export function channelsFor(r: Recipient, nowMs: number): Exclude<Channel, 'in_app'>[] {
  if (r.quietHours && r.kind !== 'page' && inQuietHours(r.quietHours, r.timezone, nowMs)) return [];
  const wanted = r.chosen?.[r.kind] ?? defaultChannels[r.kind];
  return (['slack', 'email'] as const).filter((c) => wanted.includes(c) && r[c]);
}

export type Facts = {
  kind: PersonNotificationKind;
  caseId: string;
  handoffId: string | null;
  subject?: string;
  clock?: string;
  percent?: number;
  deadline?: string | null;
  /** The zone the deadline is said in: its clock's calendar's (the receiving team's hours). */
  deadlineZone?: string;
  author?: string;
  excerpt?: string;
  reason?: string;
  /** A high-value customer's risk crossed the page threshold: the page links to their customer page. */
  customerId?: string;
  customerName?: string;
  score?: number;
  /** A customer's rating in words ("2 of 5", "bad"), and the team it is counted for. */
  rating?: string;
  team?: string;
  /** Who made the handoff someone's (none: Baton, by the team's rule), and how the previous owner was named. */
  by?: string;
  previousOwner?: string;
  /** Handoffs given to the person at once (a bulk reassignment, someone's work handed on), and their subjects. */
  count?: number;
  subjects?: string[];
  /** A bounce's note, beside its reason (`reason`, a code such as `missing_context`). */
  note?: string;
  /** A cancellation told to the handoff's sender (else to its owner). */
  sender?: boolean;
};

/** A bounce reason in words, within a sentence: the known codes' labels, else the code as it is. */
const bounceWords = (reason: string | undefined) =>
  reason ? (bounceReasonLabels[reason]?.toLowerCase() ?? reason) : 'none given';

const quote = (s: string | undefined, n = 280) => (s && s.length > n ? `${s.slice(0, n - 3)}...` : (s ?? ''));

/** Why a dip fired (conversation/dip.ts), in words. */
const dipWords: Record<string, string> = {
  floor: 'very negative now',
  drop: 'sharply below the earlier messages',
};

/**
 * A deadline as people read it, in the zone of the hours it runs on, named: "Mon 7 Dec, 15:02 GMT"
 * (an ISO instant in a Slack message or an e-mail is read by nobody). UTC when the zone is unknown.
 */
export function deadlineWords(iso: string, timeZone = 'UTC'): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const format = (zone: string) =>
    new Intl.DateTimeFormat('en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: zone,
      timeZoneName: 'short',
    }).format(at);
  try {
    return format(timeZone);
  } catch {
    return format('UTC');
  }
}

/** The words of a notification, the same in every channel. */
export function compose(f: Facts): OutgoingMessage {
  const on = f.subject ? `"${quote(f.subject, 120)}"` : `case ${f.caseId}`;
  const link = f.handoffId ? `/handoffs/${f.handoffId}` : `/cases/${f.caseId}`;
  const due = f.deadline ? ` (deadline ${deadlineWords(f.deadline, f.deadlineZone)})` : '';
  switch (f.kind) {
    case 'sla_warning':
      return {
        kind: f.kind,
        title: `SLA warning: ${f.clock ?? 'clock'} at ${f.percent ?? '?'}% on ${on}`,
        body: `The ${f.clock ?? ''} clock of your handoff on ${on} has used ${f.percent ?? '?'}% of its target${due}.`,
        link,
      };
    case 'sla_escalation':
      return {
        kind: f.kind,
        title: `SLA escalation: ${f.clock ?? 'clock'} at ${f.percent ?? '?'}% on ${on}`,
        body: `A handoff on ${on} in your team has used ${f.percent ?? '?'}% of its ${f.clock ?? ''} target${due}. Please check on it.`,
        link,
      };
    case 'page':
      return {
        kind: f.kind,
        title: `Page: ${f.clock ?? 'clock'} at ${f.percent ?? '?'}% on ${on}`,
        body: `You are paged: a handoff on ${on} has used ${f.percent ?? '?'}% of its ${f.clock ?? ''} target${due}.`,
        link,
      };
    case 'sentiment_dip':
      return {
        kind: f.kind,
        title: `Sentiment dip on ${on}`,
        body: `The customer's sentiment dropped${f.reason ? ` (${dipWords[f.reason] ?? f.reason})` : ''}: "${quote(f.excerpt)}"${f.handoffId ? '. Baton brought a supervisor in.' : ''}`,
        link,
      };
    case 'customer_risk':
      return {
        kind: f.kind,
        title: `Churn risk ${f.score ?? '?'}: ${f.customerName ?? 'a high-value customer'}`,
        body: `A high-value customer crossed the risk threshold${f.reason ? ` (${f.reason})` : ''}, last on ${on}.`,
        link: f.customerId ? `/customers/${f.customerId}` : link,
      };
    case 'unsatisfied_rating':
      return {
        kind: f.kind,
        title: `Customer not satisfied (${f.rating ?? '?'}) on ${on}`,
        // The comment last, whole: a full stop after a quote that ends with its own read as a typo.
        body: `The customer rated ${f.rating ?? 'the case'}${f.team ? `, counted for ${f.team}` : ''}${f.excerpt ? '' : ' without a comment'}. Worth a follow-up while it is fresh.${f.excerpt ? ` Their comment: "${quote(f.excerpt)}"` : ''}`,
        link,
      };
    case 'mention':
      return {
        kind: f.kind,
        title: `${f.author ?? 'Someone'} mentioned you on ${on}`,
        body: quote(f.excerpt, 1000),
        link,
      };
    case 'bounced':
      return {
        kind: f.kind,
        title: `${f.team ?? 'The receiving team'} bounced your handoff on ${on}`,
        body: `Reason: ${bounceWords(f.reason)}${f.note ? `. Note: "${quote(f.note, 500)}"` : ''}. It is yours again: fix what they asked for and send it again${f.by ? ` (bounced by ${f.by})` : ''}.`,
        link,
      };
    case 'cancelled':
      return {
        kind: f.kind,
        title: `${f.by ?? 'Someone'} cancelled the handoff on ${on}`,
        body: f.sender
          ? `Your handoff to ${f.team ?? 'the receiving team'} was cancelled: nobody there works on it any more, and the case is with you.`
          : `${f.team ?? 'Your team'} no longer has it to handle: its clocks stopped.`,
        link,
      };
    case 'owner_changed':
      if ((f.count ?? 1) > 1) return ownersChanged(f);
      return {
        kind: f.kind,
        title: `${f.by ?? 'Baton'} gave you the handoff on ${on}`,
        body: `You own it now${f.team ? ` for ${f.team}` : ''}${f.previousOwner ? `, after ${f.previousOwner}` : ''}. Reason: ${quote(f.reason, 500) || 'none given'}.`,
        link,
      };
  }
}

/** Several handoffs given at once: one notice naming the first few, linking to the person's queue. */
function ownersChanged(f: Facts): OutgoingMessage {
  const count = f.count ?? 0;
  const named = (f.subjects ?? []).slice(0, 3).map((s) => `"${quote(s, 80)}"`);
  const more = count - named.length;
  const list =
    more > 0
      ? `${named.join(', ')} and ${more} more`
      : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
  return {
    kind: 'owner_changed',
    title: `${f.by ?? 'Baton'} gave you ${count} handoffs`,
    body: `You own them now${f.team ? ` for ${f.team}` : ''}${f.previousOwner ? `, after ${f.previousOwner}` : ''}: ${list}. Reason: ${quote(f.reason, 500) || 'none given'}.`,
    link: '/queue?tab=mine',
  };
}

const absolute = (link: string | null, baseUrl?: string) => (link && baseUrl ? `${baseUrl}${link}` : link);

/** A Slack-compatible incoming-webhook body: `text` for every client, `blocks` for Slack. */
export function renderSlack(m: Omit<OutgoingMessage, 'kind'>, baseUrl?: string) {
  const url = absolute(m.link, baseUrl);
  return {
    text: `${m.title}\n${m.body}${url ? `\n${url}` : ''}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${m.title}*\n${m.body}` } },
      ...(url ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `<${url}|Open in Baton>` }] }] : []),
    ],
  };
}

export function renderEmail(m: Omit<OutgoingMessage, 'kind'>, baseUrl?: string) {
  const url = absolute(m.link, baseUrl);
  return { subject: `[Baton] ${m.title}`, text: `${m.body}\n${url ? `\nOpen in Baton: ${url}\n` : ''}` };
}
