/** Display helpers: dates, durations and the domain's words as people read them. */

const dateTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

export const formatDateTime = (iso: string | null | undefined) =>
  iso ? dateTime.format(new Date(iso)) : '—';
export const formatTime = (iso: string | null | undefined) => (iso ? time.format(new Date(iso)) : '—');
export const formatDay = (iso: string | null | undefined) => (iso ? day.format(new Date(iso)) : '—');

/** "2h 05m", "3d 4h", "45s": the largest two units. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(Math.abs(ms) / 1000));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${s % 60}s`;
}

/** "5 min ago", "in 2 h" */
export function relative(iso: string, now = Date.now()): string {
  const diff = new Date(iso).getTime() - now;
  const abs = Math.abs(diff);
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });
  if (abs < 60_000) return rtf.format(Math.round(diff / 1000), 'second');
  if (abs < 3_600_000) return rtf.format(Math.round(diff / 60_000), 'minute');
  if (abs < 86_400_000) return rtf.format(Math.round(diff / 3_600_000), 'hour');
  return rtf.format(Math.round(diff / 86_400_000), 'day');
}

/** "billing-to-finance" -> "Billing to finance"; "whatHappened" -> "What happened"; "no_ping_pong" -> "No ping pong". */
/** Words that stay in capitals wherever they fall ("Sla breached" reads as a typo). */
const ACRONYMS = new Set(['qa', 'sla', 'csat', 'id', 'api', 'url', 'vat', 'sms']);

/**
 * A message as the start of a sentence: its first word capitalised when it is an ordinary word,
 * left as it is when it is an address, a key or a name ("tom@northwind.example is already…").
 */
export function sentenceStart(text: string): string {
  return /^[a-z][a-z']*(?=[\s,;:]|$)/.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

export function humanize(id: string): string {
  const words = id
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_.]+/g, ' ')
    .trim()
    .toLowerCase()
    .split(' ')
    .map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w))
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "1 case", "3 cases": a count with its noun, singular for one. */
export const counted = (n: number, singular: string, plural = `${singular}s`) =>
  `${n.toLocaleString()} ${n === 1 ? singular : plural}`;

export const fieldLabels: Record<string, string> = {
  whatHappened: 'What happened',
  attempted: 'What was attempted',
  emotion: 'Customer emotion',
  documents: 'Documents',
  urgency: 'Urgency',
  nextSteps: 'Next steps',
  summary: 'Conversation summary',
};

export const fieldLabel = (f: string) => fieldLabels[f] ?? humanize(f);

export { bounceReasonLabels } from '../../../src/handoffs/bounce-reasons.ts';

export const dipReasonLabels: Record<string, string> = {
  drop: 'Sharp fall from earlier messages',
  floor: 'Very negative message',
};

export const stateLabels: Record<string, string> = {
  draft: 'Draft',
  sent: 'Waiting for pickup',
  accepted: 'In progress',
  resolved: 'Resolved',
  bounced: 'Bounced',
  cancelled: 'Cancelled',
};

export const checkLabels: Record<string, string> = {
  packet_complete: 'Packet complete',
  routed_right: 'Routed to the right team',
  picked_up_in_time: 'Picked up in time',
  sla_met: 'SLA met',
  no_repeat_explanation: 'Customer did not repeat themselves',
  no_document_rerequest: 'No document asked for twice',
  summary_present: 'Conversation summary included',
  no_ping_pong: 'No ping-pong between teams',
};

export const eventLabels: Record<string, string> = {
  'case.created': 'Case opened',
  'message.added': 'Message',
  'document.added': 'Document added',
  'document.requested': 'Document requested',
  'document.rerequested': 'Document requested again',
  'handoff.drafted': 'Handoff drafted',
  'handoff.sent': 'Handoff sent',
  'handoff.accepted': 'Handoff accepted',
  'handoff.bounced': 'Handoff bounced',
  'handoff.resolved': 'Handoff resolved',
  'handoff.cancelled': 'Handoff cancelled',
  'handoff.packet_updated': 'Packet updated',
  'owner.assigned': 'Owner assigned',
  'owner.changed': 'Owner changed',
  'sla.started': 'SLA clock started',
  'sla.paused': 'SLA clock paused',
  'sla.resumed': 'SLA clock resumed',
  'sla.met': 'SLA met',
  'sla.warning': 'SLA warning',
  'sla.breached': 'SLA breached',
  'sla.escalated': 'Escalated',
  'sentiment.dip': 'Sentiment dip',
  'case.issue_type_set': 'Issue type set',
  'case.repeat_linked': 'Repeat of an earlier case',
  'case.resolved': 'Case resolved',
  'case.reopened': 'Case reopened',
  'sla.recalendared': 'SLA recalculated',
  'helpdesk.reassigned': 'Reassigned in the helpdesk',
  'qa.reviewed': 'QA review',
  'promise.made': 'Promise made',
  'customer_update.sent': 'Customer updated',
  'customer.risk_crossed': 'Customer at risk',
  'customer.erased': 'Personal data erased',
  'satisfaction.rated': 'Satisfaction rating',
};

export const eventLabel = (type: string) => eventLabels[type] ?? humanize(type);

const minuteUnits: [number, string][] = [
  [10_080, 'week'],
  [1440, 'day'],
  [60, 'hour'],
  [1, 'minute'],
];

/** A whole number of minutes as said aloud: "30 minutes", "1 hour", "1 day 6 hours", "2 weeks". */
export function minutesInWords(minutes: number): string {
  let left = Math.max(0, Math.round(minutes));
  const parts: string[] = [];
  for (const [size, unit] of minuteUnits) {
    const n = Math.floor(left / size);
    left -= n * size;
    if (n) parts.push(counted(n, unit));
  }
  return parts.join(' ') || '0 minutes';
}

/** "Amara Okafor, Tom Becker and Grace Lee"; past `shown` names, "… and 4 more". */
export function namesInWords(names: string[], shown = 10): string {
  if (names.length > shown) return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
}
