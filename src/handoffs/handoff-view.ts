import { detectRepeats } from '../conversation/repeats-after.ts';
import { missingFields } from '../packets/completeness.ts';
import type { Packet } from '../packets/packet.types.ts';
import { defaultCheckWeights, handoffQuality } from '../qa/quality.ts';
import { requiredFields } from '../scenarios/scenario-view.ts';
import type { Scenario } from '../scenarios/scenarios.types.ts';
import { isoFromMs } from '../sla/instant.ts';
import { allowedActions, type HandoffState } from './state-machine.ts';

// A handoff as the API shows it, computed from its row and the facts around it: the same for a
// read (handoffs.queries.ts) and for the answer to the send that made it (made-facts.ts).

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The handoff columns every view shows. */
export type HandoffColumns = {
  id: string;
  caseId: string;
  scenarioId: string;
  scenarioVersion: number;
  state: string;
  fromKind: string;
  completeness: number;
  bounceReason: string | null;
  bounceNote: string | null;
  previousId: string | null;
  /** Skills the sender asked for (null: none). */
  skills: string[] | null;
  createdAt: Date;
  sentAt: Date | null;
  acceptedAt: Date | null;
  resolvedAt: Date | null;
  updatedAt: Date;
};

/** A handoff with the names around it: teams, people, case and customer. */
export type SummaryFacts = {
  h: HandoffColumns;
  toTeam: string;
  toTeamName: string;
  fromTeam: string | null;
  ownerId: string | null;
  ownerName: string | null;
  senderId: string | null;
  senderName: string | null;
  caseSubject: string;
  customer: { id: string; name: string };
};

export type ClockFact = {
  name: string;
  target: string;
  state: string;
  startedAt: number;
  deadline: number | null;
  pausedAt: number | null;
  stoppedAt: number | null;
  breachedAt: number | null;
  /** The ladder rung the clock has armed (what it does, at what share of its target) and when it falls due. */
  nextRung: { action: string; at: number } | null;
  rungDueAt: number | null;
};
export type EventFact = {
  id: string;
  handoffId: string | null;
  type: string;
  at: number;
  data: Record<string, unknown>;
};
export type MessageFact = { id: string; text: string; at: number };
export type JourneyFact = { toTeamId: string; fromTeamId: string | null };

/** The fields a queue row shows. */
export function summaryView(r: SummaryFacts) {
  const h = r.h;
  return {
    id: h.id,
    caseId: h.caseId,
    caseSubject: r.caseSubject,
    customer: r.customer,
    scenario: h.scenarioId,
    scenarioVersion: h.scenarioVersion,
    state: h.state,
    fromKind: h.fromKind,
    fromTeam: r.fromTeam,
    sender: r.senderId && r.senderName !== null ? { id: r.senderId, name: r.senderName } : null,
    toTeam: r.toTeam,
    toTeamName: r.toTeamName,
    owner: r.ownerId && r.ownerName !== null ? { id: r.ownerId, name: r.ownerName } : null,
    completeness: h.completeness,
    bounce: h.bounceReason ? { reason: h.bounceReason, note: h.bounceNote } : null,
    previousId: h.previousId,
    skills: h.skills ?? [],
    createdAt: iso(h.createdAt),
    sentAt: iso(h.sentAt),
    acceptedAt: iso(h.acceptedAt),
    resolvedAt: iso(h.resolvedAt),
    updatedAt: iso(h.updatedAt),
  };
}

/**
 * What a handoff's view is computed from: its row and the facts read beside it (read by
 * `getHandoffs`, or known already to the transaction that made it: made-facts.ts).
 */
export type HandoffFacts = SummaryFacts & {
  h: HandoffColumns & { toTeamId: string; packet: unknown; customerUpdate: unknown };
  clocks: ClockFact[];
  events: EventFact[];
  customerMessages: MessageFact[];
  earlier: JourneyFact[];
  tunedWeights: Record<string, number> | null;
  scenario: Scenario | undefined;
};

/** A handoff as `GET /handoffs/{id}` answers it. */
export type HandoffView = ReturnType<typeof handoffView>;

export function handoffView(r: HandoffFacts) {
  const h = r.h;
  const id = h.id;
  const scenario = r.scenario;
  const weights = { ...defaultCheckWeights, ...(r.tunedWeights ?? {}) };
  const sentAt = h.sentAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const endAt = h.resolvedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const mine = r.events.filter((e) => e.handoffId === id || (e.at >= sentAt && e.at <= endAt));
  const before = r.customerMessages.filter((m) => m.at <= sentAt);
  const after = r.customerMessages.filter((m) => m.at > sentAt && m.at <= endAt);
  const heldBefore = new Set(r.earlier.flatMap((j) => [j.fromTeamId, j.toTeamId]));
  const packet = h.packet as Packet;
  return {
    ...summaryView(r),
    packet,
    missing: scenario ? missingFields(packet, requiredFields(scenario)) : [],
    sla: r.clocks.map((c) => ({
      name: c.name,
      target: c.target,
      state: c.state,
      startedAt: isoFromMs(c.startedAt),
      deadline: isoFromMs(c.deadline),
      pausedAt: isoFromMs(c.pausedAt),
      stoppedAt: isoFromMs(c.stoppedAt),
      breachedAt: isoFromMs(c.breachedAt),
      // What the escalation ladder does next if nobody acts, while the clock can still climb it.
      next:
        c.nextRung && c.rungDueAt !== null && c.stoppedAt === null && c.state !== 'paused'
          ? { action: c.nextRung.action, at: c.nextRung.at, dueAt: isoFromMs(c.rungDueAt) }
          : null,
    })),
    customerUpdate: h.customerUpdate ?? null,
    quality: handoffQuality(
      {
        state: h.state,
        bounceReason: h.bounceReason,
        summary: packet.summary,
        clocks: r.clocks.map((c) => ({ name: c.name, state: c.state, target: c.target })),
        events: mine.map((e) => ({ id: e.id, type: e.type, at: new Date(e.at).toISOString(), data: e.data })),
        repeats: detectRepeats(
          before.map((m) => ({ id: m.id, text: m.text })),
          after.map((m) => ({ id: m.id, text: m.text })),
        ),
        customerMessagesAfterSend: after.length,
        pingPongOf: heldBefore.has(h.toTeamId) && r.earlier.length > 0 ? r.toTeam : null,
      },
      weights,
    ),
    actions: allowedActions(h.state as HandoffState),
  };
}
