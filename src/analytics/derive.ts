import { isComplaint } from '../continuity/complaint.ts';
import { detectRepeats } from '../conversation/repeats-after.ts';
import { handoffQuality } from '../qa/quality.ts';
import { type CompiledCalendar, compileCalendar } from '../sla/calendar.ts';
import { elapsedMs } from '../sla/deadline.ts';
import type { CaseFact, ClockFact, EventFact, Facts, HandoffFact, MessageFact, RatingFact } from './facts.ts';
import { groupBy } from './facts.ts';
import {
  caseResolution,
  contextComplete,
  inJourney,
  isLost,
  journeyOf,
  pingPongOf,
  type Route,
  routeOf,
} from './journey.ts';

/** One sent handoff with every signal the figures read. */
export type HandoffView = {
  h: HandoffFact;
  route: Route;
  clocks: ClockFact[];
  chainStart: boolean;
  contextComplete: boolean;
  bounced: boolean;
  pingPong: boolean;
  pickupMs: number | null;
  pickupBusinessMs: number | null;
  breached: boolean;
  lost: boolean;
  /** Customer messages after the send (up to its resolution), and whether one explained again. */
  messagesAfter: number;
  repeated: boolean;
  quality: number;
};

/** One case with its handoffs and case-level signals. */
export type CaseView = {
  c: CaseFact;
  handoffs: HandoffView[];
  repeatContact: boolean;
  resolution: { calendarMs: number; businessMs: number | null } | null;
  complaint: boolean;
  rerequests: number;
  dip: boolean;
  /**
   * The customer's latest satisfaction rating, when they gave it, and the team it is counted for
   * (none: never handed off).
   */
  rating: { satisfied: boolean; at: number; team: string | null } | null;
};

export type Views = { cases: Map<string, CaseView>; handoffs: HandoffView[] };

function safeCalendar(raw: unknown): CompiledCalendar | null {
  if (raw === undefined || raw === null) return null;
  try {
    return compileCalendar(raw);
  } catch {
    return null;
  }
}

function handoffView(
  h: HandoffFact,
  journey: readonly HandoffFact[],
  clocks: ClockFact[],
  caseEvents: readonly EventFact[],
  caseMessages: readonly MessageFact[],
  teamCalendar: CompiledCalendar | null,
): HandoffView {
  const endAt = h.resolvedAt ?? Number.POSITIVE_INFINITY;
  const mine = caseEvents.filter(
    (e) => e.handoffId === h.id || (e.type === 'document.rerequested' && e.at >= h.sentAt && e.at <= endAt),
  );
  const before = caseMessages.filter((m) => m.at <= h.sentAt);
  const after = caseMessages.filter((m) => m.at > h.sentAt && m.at <= endAt);
  const repeats = detectRepeats(before, after);
  const pingTeam = inJourney(h.state) ? pingPongOf(h, journey) : null;
  const ack = clocks.find((c) => c.name === 'acknowledge');
  const cal = safeCalendar(ack?.calendar) ?? teamCalendar;
  const pickupMs = h.acceptedAt === null ? null : Math.max(0, h.acceptedAt - h.sentAt);
  const quality = handoffQuality({
    state: h.state,
    bounceReason: h.bounceReason,
    summary: h.summary,
    clocks: clocks.map((c) => ({ name: c.name, state: c.state, target: c.target })),
    events: mine.map((e) => ({ id: e.id, type: e.type, at: new Date(e.at).toISOString(), data: e.data })),
    repeats,
    customerMessagesAfterSend: after.length,
    pingPongOf: pingTeam,
  });
  return {
    h,
    route: routeOf(h),
    clocks,
    chainStart: h.previousId === null,
    contextComplete: contextComplete(h),
    bounced: h.bounceReason !== null,
    pingPong: pingTeam !== null,
    pickupMs,
    pickupBusinessMs: pickupMs === null || !cal ? null : elapsedMs(cal, h.sentAt, h.acceptedAt!),
    breached: clocks.some((c) => c.breachedAt !== null),
    lost: isLost(
      clocks,
      caseEvents.filter((e) => e.handoffId === h.id),
    ),
    messagesAfter: after.length,
    repeated: repeats.length > 0,
    quality: quality.score,
  };
}

function latestRating(
  ratings: readonly RatingFact[] | undefined,
  teamOfHandoff: ReadonlyMap<string, string>,
): CaseView['rating'] {
  if (!ratings || ratings.length === 0) return null;
  const last = ratings.reduce((a, b) => (b.at >= a.at ? b : a));
  return {
    satisfied: last.satisfied,
    at: last.at,
    team: last.handoffId === null ? null : (teamOfHandoff.get(last.handoffId) ?? null),
  };
}

/** Derives every case's and handoff's signals once; the figures and the review read these. */
export function deriveViews(facts: Facts): Views {
  const teamCals = new Map(facts.teams.map((t) => [t.key, safeCalendar(t.calendar)]));
  const handoffsByCase = groupBy(facts.handoffs, (h) => h.caseId);
  const clocksByHandoff = groupBy(facts.clocks, (c) => c.handoffId);
  const eventsByCase = groupBy(facts.events, (e) => e.caseId);
  const messagesByCase = groupBy(facts.messages, (m) => m.caseId);
  const requestsByCase = groupBy(facts.documentRequests, (r) => r.caseId);
  const ratingsByCase = groupBy(facts.ratings, (r) => r.caseId);
  const teamOfHandoff = new Map(facts.handoffs.map((h) => [h.id, h.toTeam]));
  const repeatsOf = groupBy(
    facts.contacts.filter((c) => c.repeatOf !== null),
    (c) => c.repeatOf!,
  );
  const cases = new Map<string, CaseView>();
  const all: HandoffView[] = [];
  for (const c of facts.cases) {
    const list = (handoffsByCase.get(c.id) ?? []).slice().sort((a, b) => a.createdAt - b.createdAt);
    const journey = journeyOf(list);
    const events = eventsByCase.get(c.id) ?? [];
    const msgs = (messagesByCase.get(c.id) ?? []).slice().sort((a, b) => a.at - b.at);
    const views = list.map((h) =>
      handoffView(h, journey, clocksByHandoff.get(h.id) ?? [], events, msgs, teamCals.get(h.toTeam) ?? null),
    );
    all.push(...views);
    const resolved = caseResolution(journey, events);
    const by = resolved?.handoff ?? null;
    const resolveClock = by && (clocksByHandoff.get(by.id) ?? []).find((k) => k.name === 'resolve');
    // A case resolved in place (no handoff ended it) has no team calendar: calendar time only.
    const cal = by ? (safeCalendar(resolveClock?.calendar) ?? teamCals.get(by.toTeam) ?? null) : null;
    cases.set(c.id, {
      c,
      handoffs: views,
      // The customer came back on the same issue type within the organisation's window (the link).
      repeatContact: repeatsOf.has(c.id),
      resolution: resolved
        ? {
            calendarMs: Math.max(0, resolved.at - c.createdAt),
            businessMs: cal ? elapsedMs(cal, c.createdAt, resolved.at) : null,
          }
        : null,
      complaint: msgs.some((m) => isComplaint(m.text)),
      rerequests: (requestsByCase.get(c.id) ?? []).filter((r) => r.rerequest).length,
      dip: events.some((e) => e.type === 'sentiment.dip'),
      rating: latestRating(ratingsByCase.get(c.id), teamOfHandoff),
    });
  }
  return { cases, handoffs: all };
}
