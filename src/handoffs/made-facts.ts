import type { Scenario } from '../scenarios/scenarios.types.ts';
import type { EventFact, HandoffFacts, JourneyFact, MessageFact } from './handoff-view.ts';

// A handoff just made answers its sender with the view `GET /handoffs/{id}` gives, built from what
// the making transaction read and wrote instead of from a read after it: under load that read
// cost the database as much as the write. The facts below are those of `detailFacts`
// (handoffs.queries.ts) as they stand the moment the handoff is made.

/** What the sending transaction reads about each request's case, beside locking it. */
export type CaseFacts = {
  caseSubject: string;
  customer: { id: string; name: string };
  senderName: string | null;
  tunedWeights: Record<string, number> | null;
  /** The case's handoffs that count for its journey (sent or further), with their creation time. */
  journey: (JourneyFact & { createdAt: number })[];
  /** All customer messages, read only when one is dated after the send (else none is "after" it). */
  customerMessages: MessageFact[];
  /** Documents asked for again at or after the send's instant. */
  rerequests: EventFact[];
};

type ClockRow = {
  name: string;
  budgetMs: number;
  target: string;
  state: string;
  startedAt: Date;
  deadline: Date | null;
  nextRung: { action: string; at: number } | null;
  rungDueAt: Date | null;
};

type MadeEvent = {
  id: string;
  handoffId: string | null;
  type: string;
  at: Date;
  data: Record<string, unknown>;
};

export type Made = {
  h: HandoffFacts['h'] & { senderId: string | null };
  scenario: Scenario;
  facts: CaseFacts;
  toTeam: { key: string; name: string };
  fromTeam: string | null;
  owner: { id: string; name: string | null } | null;
  clocks: ClockRow[];
  /** The events the transaction wrote for this handoff, in order. */
  events: MadeEvent[];
  /** Handoffs sent on the same case earlier in the same transaction. */
  sentBefore: (JourneyFact & { createdAt: number })[];
};

export function madeHandoffFacts(m: Made): HandoffFacts {
  const { h, facts } = m;
  const sent = h.state !== 'draft';
  const createdAt = h.createdAt.getTime();
  return {
    h,
    toTeam: m.toTeam.key,
    toTeamName: m.toTeam.name,
    fromTeam: m.fromTeam,
    ownerId: m.owner?.id ?? null,
    ownerName: m.owner?.name ?? null,
    senderId: h.senderId,
    senderName: facts.senderName,
    caseSubject: facts.caseSubject,
    customer: facts.customer,
    // Clocks started together share their creation instant: the view lists the shorter target first.
    clocks: [...m.clocks]
      .sort((a, b) => a.budgetMs - b.budgetMs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((k) => ({
        name: k.name,
        target: k.target,
        state: k.state,
        startedAt: k.startedAt.getTime(),
        deadline: k.deadline?.getTime() ?? null,
        pausedAt: null,
        stoppedAt: null,
        breachedAt: null,
        nextRung: k.nextRung,
        rungDueAt: k.rungDueAt?.getTime() ?? null,
      })),
    events: [
      // Committed before this transaction, so before its events in log order. A draft has no send
      // instant, so no re-request falls in its span.
      ...(sent ? facts.rerequests : []),
      ...m.events.map((e) => ({
        id: e.id,
        handoffId: e.handoffId,
        type: e.type,
        at: e.at.getTime(),
        data: e.data,
      })),
    ],
    customerMessages: sent ? facts.customerMessages : [],
    earlier: [...facts.journey, ...m.sentBefore]
      .filter((j) => j.createdAt < createdAt)
      .map(({ toTeamId, fromTeamId }) => ({ toTeamId, fromTeamId })),
    tunedWeights: facts.tunedWeights,
    scenario: m.scenario,
  };
}
