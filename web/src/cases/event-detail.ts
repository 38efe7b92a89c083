import { bounceReasonLabels, dipReasonLabels, humanize } from '../app/format.ts';
import { customerRated, ratingText, satisfiedText } from './satisfaction-words.ts';

/** How the timeline names the people and teams an event's data refers to by id. */
export type Names = { person: (id: string) => string; team: (key: string) => string };

type Data = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
/** Free text someone wrote (a reason, a note) is shown as written, quoted, never re-cased. */
const quoted = (v: unknown) => (text(v) ? `“${text(v)}”` : undefined);

/** A review's failed critical criteria (a list of their ids; empty when none failed). */
function criticalFailed(v: unknown): string | undefined {
  const ids = (Array.isArray(v) ? v : []).filter((x): x is string => typeof x === 'string');
  return ids.length ? `critical fail: ${ids.map(humanize).join(', ')}` : undefined;
}

/** Who a message came from (a message's role), as the timeline says it. */
const roleWords: Record<string, string> = {
  customer: 'from the customer',
  agent: 'from an agent',
  bot: 'from the bot',
  internal: 'internal note',
};

function generic(d: Data, n: Names): string[] {
  const parts: (string | undefined)[] = [];
  if (text(d.toTeam)) parts.push(`to ${n.team(d.toTeam as string)}`);
  if (text(d.ownerId)) parts.push(`owner ${n.person(d.ownerId as string)}`);
  if (text(d.clock)) parts.push(`${humanize(d.clock as string)} clock`);
  if (text(d.kind)) parts.push(humanize(d.kind as string));
  if (text(d.role)) parts.push(roleWords[d.role as string] ?? `from ${d.role}`);
  if (typeof d.completeness === 'number') parts.push(`completeness ${d.completeness}%`);
  return parts.filter((p): p is string => Boolean(p));
}

/** The one line of detail the case timeline shows beside an event's label. */
export function eventDetail(type: string, data: Data | null | undefined, n: Names): string {
  const d = data ?? {};
  const parts: (string | undefined)[] = [];
  switch (type) {
    case 'handoff.bounced':
      parts.push(
        bounceReasonLabels[d.reason as string] ?? text(d.reason),
        quoted(d.note),
        text(d.to) ? `back to ${n.person(d.to as string)}` : undefined,
      );
      break;
    case 'handoff.resolved':
      // A leg closed because the case was passed on and the next team accepted it.
      parts.push(
        text(d.passedOnTo)
          ? `passed on${text(d.toTeam) ? ` to ${n.team(d.toTeam as string)}` : ''}, who accepted it`
          : undefined,
        text(d.ownerId) ? `owner ${n.person(d.ownerId as string)}` : undefined,
      );
      break;
    case 'owner.assigned':
      parts.push(
        text(d.ownerId) ? `owner ${n.person(d.ownerId as string)}` : undefined,
        text(d.rule) ? `by ${humanize(d.rule as string).toLowerCase()}` : undefined,
      );
      break;
    case 'owner.changed':
      parts.push(
        text(d.from) && text(d.to)
          ? `${n.person(d.from as string)} → ${n.person(d.to as string)}`
          : text(d.to)
            ? `to ${n.person(d.to as string)}`
            : undefined,
        quoted(d.reason),
        text(d.via) ? `by ${d.via} (API token)` : undefined,
      );
      break;
    case 'case.issue_type_set':
      parts.push(
        text(d.from)
          ? `${humanize(d.from as string)} → ${humanize(String(d.to))}`
          : text(d.to)
            ? humanize(d.to as string)
            : undefined,
      );
      break;
    case 'sentiment.dip':
      parts.push(dipReasonLabels[d.reason as string] ?? text(d.reason));
      break;
    case 'document.requested':
    case 'document.rerequested':
      parts.push(text(d.kind) ? humanize(d.kind as string) : undefined, quoted(d.reason));
      if (text(d.onFile)) parts.push(`on file: ${d.onFile}`);
      break;
    case 'sla.paused':
      parts.push(...generic(d, n), quoted(d.reason));
      break;
    case 'qa.reviewed':
      parts.push(
        typeof d.total === 'number' ? `score ${d.total}` : undefined,
        criticalFailed(d.criticalFail),
      );
      break;
    case 'customer.risk_crossed':
      parts.push(
        text(d.level) ? `${humanize(d.level as string)} risk` : undefined,
        typeof d.score === 'number' ? `score ${d.score}` : undefined,
      );
      break;
    case 'case.repeat_linked':
      parts.push(typeof d.gapHours === 'number' ? `${d.gapHours} h after it` : undefined);
      break;
    case 'satisfaction.rated':
      parts.push(
        text(d.rating)
          ? `${customerRated(d.rating as string)}${typeof d.satisfied === 'boolean' ? ` — ${satisfiedText(d.satisfied)}` : ''}`
          : undefined,
        // The team of the handoff that held the case when the customer rated: CSAT counts it there.
        text(d.team) ? `counted for ${n.team(d.team as string)}` : 'before any handoff',
        text(d.changedFrom) ? `changed from ${ratingText(d.changedFrom as string)}` : undefined,
        text(d.source) && d.source !== 'baton' ? `from ${humanize(d.source as string)}` : undefined,
        quoted(d.comment),
      );
      break;
    case 'message.added':
      parts.push(
        ...generic(d, n),
        d.closingThanks === true ? 'only thanks: the case was not reopened' : undefined,
      );
      break;
    case 'case.reopened':
      // Opened by the customer writing again, or by a handoff sent on the resolved case.
      parts.push(
        text(d.from)
          ? `was ${d.from}; ${text(d.handoffId) ? 'a handoff was sent' : 'the customer wrote again'}`
          : undefined,
      );
      break;
    case 'case.resolved':
      parts.push(
        text(d.handoffId)
          ? 'its last open handoff was resolved'
          : text(d.from)
            ? 'where it was, no handoff open'
            : undefined,
      );
      break;
    default:
      parts.push(...generic(d, n));
  }
  return parts.filter((p): p is string => Boolean(p)).join(' · ');
}
