import type { CompiledCalendar } from '../sla/calendar.ts';
import { elapsedMs, pagesAtOnce } from '../sla/deadline.ts';
import type { ClockFact, EventFact, HandoffFact } from './facts.ts';

/** States of a handoff that is part of a case's journey (a cancelled one never reached anyone). */
const JOURNEY = new Set(['sent', 'accepted', 'resolved', 'bounced']);
const OPEN = new Set(['sent', 'accepted']);
/** What an owner does with a handoff: accepting, bouncing, resolving or handing it on. */
const OWNER_ACTIONS = new Set(['handoff.accepted', 'handoff.bounced', 'handoff.resolved', 'owner.changed']);

export type Route = { from: string; to: string; key: string };

/** The route of a handoff: sending team (or the kind of sender when no team) to receiving team. */
export function routeOf(h: Pick<HandoffFact, 'fromTeam' | 'fromKind' | 'toTeam'>): Route {
  const from = h.fromTeam ?? `(${h.fromKind})`;
  return { from, to: h.toTeam, key: `${from} → ${h.toTeam}` };
}

/** Whether a handoff in this state is part of its case's journey. */
export const inJourney = (state: string): boolean => JOURNEY.has(state);

/** The handoffs of one case that make its journey, oldest first. */
export function journeyOf(handoffs: readonly HandoffFact[]): HandoffFact[] {
  return handoffs.filter((h) => JOURNEY.has(h.state)).sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * The team a handoff goes back to when that team held the case earlier in its journey (as sender
 * or receiver): the same rule as the `no_ping_pong` quality check. Null when it does not.
 */
export function pingPongOf(h: HandoffFact, journey: readonly HandoffFact[]): string | null {
  const earlier = journey.filter((j) => j.createdAt < h.createdAt);
  if (earlier.length === 0) return null;
  const held = new Set(earlier.flatMap((j) => [j.fromTeam, j.toTeam]));
  return held.has(h.toTeam) ? h.toTeam : null;
}

/** Context complete at first send: a chain's first handoff, completeness 100, not bounced for missing context. */
export function contextComplete(h: Pick<HandoffFact, 'completeness' | 'bounceReason'>): boolean {
  return h.completeness >= 100 && h.bounceReason !== 'missing_context';
}

/** The first breach among a handoff's clocks, or null. */
export function firstBreachAt(clocks: readonly ClockFact[]): number | null {
  let first: number | null = null;
  for (const c of clocks)
    if (c.breachedAt !== null && (first === null || c.breachedAt < first)) first = c.breachedAt;
  return first;
}

/**
 * A lost escalation: a clock breached before anyone acted on the handoff (no accept, bounce,
 * resolve or change of owner at or before the first breach). A clock that pages at once (`PT0M`)
 * breaches by design and is left out: the page is lost only when a real clock beside it breaches.
 */
export function isLost(clocks: readonly ClockFact[], events: readonly EventFact[]): boolean {
  const breach = firstBreachAt(clocks.filter((c) => !pagesAtOnce(c.target)));
  if (breach === null) return false;
  return !events.some((e) => OWNER_ACTIONS.has(e.type) && e.at <= breach);
}

/**
 * When a case was resolved: the resolution of the last handoff of its journey, once no handoff is
 * open and that last one is resolved. Null while the case is still with someone (or never handed off).
 */
export function resolutionOf(journey: readonly HandoffFact[]): HandoffFact | null {
  if (journey.length === 0 || journey.some((h) => OPEN.has(h.state))) return null;
  const last = journey[journey.length - 1]!;
  return last.state === 'resolved' && last.resolvedAt !== null ? last : null;
}

export type CaseResolution = {
  at: number;
  /** The handoff whose resolution ended the journey and so the case; null when resolved in place. */
  handoff: HandoffFact | null;
};

/**
 * When a case was resolved, by the same rule as its status: while a handoff of its journey is open
 * it is with someone; otherwise the last of its `case.resolved` and `case.reopened` events decides
 * (`events` in the log's order, as loaded): resolved then, by the journey's last handoff when that
 * event names it (the journey's end resolves the case in its own transaction) or in place
 * (`POST /cases/{id}/resolve`); reopened, open until resolved anew. A journey that ended after the
 * last of them without an event of its own (history from before the journey's end wrote one) is
 * resolved at its end. A case back with its sender after a bounce is open until the sender
 * resolves it.
 */
export function caseResolution(
  journey: readonly HandoffFact[],
  events: readonly EventFact[],
): CaseResolution | null {
  if (journey.some((h) => OPEN.has(h.state))) return null;
  const end = resolutionOf(journey);
  const mark = events.findLast((e) => e.type === 'case.resolved' || e.type === 'case.reopened');
  if (end && (!mark || end.resolvedAt! > mark.at)) return { at: end.resolvedAt!, handoff: end };
  if (!mark || mark.type === 'case.reopened') return null;
  return { at: mark.at, handoff: end && mark.data.handoffId === end.id ? end : null };
}

/** Business time a stopped clock ran (pauses excluded); null while it runs. */
export function clockUsedMs(c: ClockFact, cal: CompiledCalendar): number | null {
  if (c.stoppedAt === null) return null;
  if (c.segmentStartedAt === null) return c.consumedMs;
  return c.consumedMs + elapsedMs(cal, c.segmentStartedAt, c.stoppedAt);
}
