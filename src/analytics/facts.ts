import type { Scenario } from '../scenarios/scenarios.types.ts';

/**
 * Everything the analytics rules read, as plain data (instants in UTC ms). The queries load it,
 * the pure rules compute on it: no rule here touches the database or the clock.
 */
export type CaseFact = {
  id: string;
  customerId: string;
  subject: string;
  channel: string;
  issueType: string | null;
  status: string;
  createdAt: number;
};

/** A handoff that was sent (drafts never count); its teams by key. */
export type HandoffFact = {
  id: string;
  caseId: string;
  scenarioId: string;
  fromKind: string;
  fromTeam: string | null;
  toTeam: string;
  state: string;
  ownerId: string | null;
  completeness: number;
  bounceReason: string | null;
  previousId: string | null;
  summary: string | undefined;
  createdAt: number;
  sentAt: number;
  acceptedAt: number | null;
  resolvedAt: number | null;
};

export type ClockFact = {
  id: string;
  handoffId: string;
  name: string;
  target: string;
  state: string;
  calendar: unknown;
  startedAt: number;
  stoppedAt: number | null;
  breachedAt: number | null;
  budgetMs: number;
  consumedMs: number;
  segmentStartedAt: number | null;
};

export type EventFact = {
  id: string;
  caseId: string;
  handoffId: string | null;
  type: string;
  at: number;
  data: Record<string, unknown>;
};

/** A customer message (other roles are not loaded). */
export type MessageFact = { id: string; caseId: string; text: string; at: number };

export type DocumentRequestFact = {
  id: string;
  caseId: string;
  kind: string;
  rerequest: boolean;
  at: number;
};

/** A customer's satisfaction rating of a case, counted for the handoff that held the case then. */
export type RatingFact = {
  id: string;
  caseId: string;
  handoffId: string | null;
  satisfied: boolean;
  at: number;
};

export type TeamFact = { key: string; name: string; calendar: unknown };

export type ScenarioFact = { id: string; version: number; definition: Scenario };

/** A case linked as a repeat contact of an earlier case (`repeatOf`, see src/cases/repeat-contact.ts). */
export type ContactFact = { id: string; customerId: string; createdAt: number; repeatOf: string | null };

export type Facts = {
  /** The organisation's time zone: dates and weeks are read in it. */
  timezone: string;
  cases: CaseFact[];
  contacts: ContactFact[];
  handoffs: HandoffFact[];
  clocks: ClockFact[];
  events: EventFact[];
  messages: MessageFact[];
  documentRequests: DocumentRequestFact[];
  ratings: RatingFact[];
  teams: TeamFact[];
  scenarios: ScenarioFact[];
};

/** Empty facts, to build on in tests and for an organisation with no history. */
export function emptyFacts(timezone = 'UTC'): Facts {
  return {
    timezone,
    cases: [],
    contacts: [],
    handoffs: [],
    clocks: [],
    events: [],
    messages: [],
    documentRequests: [],
    ratings: [],
    teams: [],
    scenarios: [],
  };
}

/** Groups items by a key, keeping their order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
