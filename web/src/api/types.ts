/**
 * The shapes the API answers with. Derived from the server's own query functions (type-only
 * imports: nothing of the server reaches the bundle), so a change there shows up here in `tsc`.
 */

import type { z } from 'zod';
import type { getCase, listCaseEvents, listCases } from '../../../src/cases/cases.queries.ts';
import type { Viewer as ViewerAnswer } from '../../../src/cases/room.commands.ts';
import type { listDips, listNotes } from '../../../src/cases/room.queries.ts';
import type { casePrefill } from '../../../src/conversation/prefill.queries.ts';
import type { Announcement } from '../../../src/events/events.commands.ts';
import type { BulkOutcome } from '../../../src/handoffs/bulk-reassign.commands.ts';
import type { getHandoff, listHandoffs } from '../../../src/handoffs/handoffs.queries.ts';
import type { HandoffAction, HandoffState } from '../../../src/handoffs/state-machine.ts';
import type { Role } from '../../../src/http/context.ts';
import type { listNotifications } from '../../../src/notifications/notifications.queries.ts';
import type { evenOutTeam } from '../../../src/ownership/even-out.commands.ts';
import type { Emotion, Packet, PacketField, Urgency } from '../../../src/packets/packet.types.ts';
import type { newPersonSchema, personChangeSchema } from '../../../src/people/people.types.ts';
import type { scenarioView } from '../../../src/scenarios/scenario-view.ts';
import type { scenarioHistory } from '../../../src/scenarios/scenarios.queries.ts';
import type { ScenarioInput } from '../../../src/scenarios/scenarios.types.ts';
import type { setTeamCalendar } from '../../../src/sla/calendars.commands.ts';
import type { atRisk, slaWork } from '../../../src/sla/sla.queries.ts';
import type { CalendarInput, HolidayPreview } from '../../../src/sla/sla.types.ts';
import type { listPeople, listTeams } from '../../../src/teams/teams.queries.ts';
import type {
  newTeamSchema,
  ownershipStrategySchema,
  teamChangeSchema,
} from '../../../src/teams/teams.types.ts';
import type { Suggestion } from '../../../src/vocabulary/suggestion.ts';

export type {
  Emotion,
  HandoffAction,
  HandoffState,
  HolidayPreview,
  Packet,
  PacketField,
  Role,
  ScenarioInput,
  Urgency,
};

/** What JSON makes of a value: instants become strings. */
export type Json<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

type Answer<F extends (...args: never[]) => unknown> = Json<Awaited<ReturnType<F>>>;

export type CaseSummary = Answer<typeof listCases>['items'][number];
export type Inbox = Answer<typeof listNotifications>;
export type InboxItem = Inbox['items'][number];
export type CasePage = Answer<typeof listCases>;
export type CaseDetail = Answer<typeof getCase>;
export type CaseMessage = CaseDetail['messages'][number];
export type CaseDocument = CaseDetail['documents'][number];
export type CaseEvent = Answer<typeof listCaseEvents>[number] & { data: Record<string, unknown> };

export type CustomerUpdate = { text: string; replyBy: string };
export type QualityCheck = { id: string; result: 'pass' | 'fail' | 'na'; evidence?: string; detail?: string };

type HandoffAnswer = Answer<typeof getHandoff>;
export type HandoffDetail = Omit<HandoffAnswer, 'customerUpdate' | 'packet' | 'actions' | 'state'> & {
  state: HandoffState;
  packet: Packet;
  customerUpdate: CustomerUpdate | null;
  actions: HandoffAction[];
};
export type SlaClockDetail = HandoffDetail['sla'][number];
export type EvenOutAnswer = Awaited<ReturnType<typeof evenOutTeam>>;
/** `POST /handoffs/reassign`: each handoff answered on its own, in the order sent. */
export type BulkReassignAnswer = {
  reassigned: number;
  unchanged: number;
  refused: number;
  outcomes: (
    | (Exclude<BulkOutcome, { outcome: 'refused' }> & { handoff?: HandoffDetail })
    | Extract<BulkOutcome, { outcome: 'refused' }>
  )[];
};

type HandoffPage = Answer<typeof listHandoffs>;
export type HandoffItem = Omit<HandoffPage['items'][number], 'state'> & { state: HandoffState };
export type SlaClockSummary = { name: string; target: string; state: string; deadline: string | null };
export type HandoffList = { items: HandoffItem[]; nextCursor: string | null };

export type Scenario = Answer<typeof scenarioView>;
export type Team = Omit<Answer<typeof listTeams>[number], 'calendar'> & { calendar: CalendarInput };
export type Calendar = CalendarInput;
export type Person = Answer<typeof listPeople>[number];
export type TeamMember = Team['members'][number];
export type Availability = 'available' | 'away' | 'offline';

/** The bodies of the people and teams admin (`people.types.ts` is their contract). */
export type PersonInput = z.input<typeof newPersonSchema>;
export type PersonChange = z.input<typeof personChangeSchema>;
export type TeamInput = z.input<typeof newTeamSchema>;
export type TeamChange = z.input<typeof teamChangeSchema>;
export type OwnershipStrategy = z.infer<typeof ownershipStrategySchema>;
/** What a change that hands work on answers: how many open handoffs moved (a count, or their list). */
export type HandedOn = { handedOn: number | unknown[] };
export type AtRiskClock = Answer<typeof atRisk>[number];
export type SlaHealth = Answer<typeof slaWork>;

export type Me = {
  /** `timezone`: new people's default; older servers do not answer it. */
  organisation: { id: string; slug: string; name: string; timezone?: string };
  person: Person | null;
  roles: Role[];
  via: 'admin-token' | 'api-token' | 'session';
  /** The organisation requires two-step sign-in of this person and theirs is off: nothing else works. */
  twoStepSetupDue?: boolean;
};

export type BounceReason =
  | 'wrong_team'
  | 'missing_context'
  | 'duplicate'
  | 'not_ours'
  | 'needs_customer'
  | 'other';

/** One announcement on the live stream: re-fetch what it names. */
export type LiveEvent = Announcement;

/**
 * What Baton offers for a case before a handoff: the summary and packet pre-filled from the
 * conversation (GET /cases/{id}/prefill), and, once the tagger offers it, a scenario. Every field
 * is optional: the form works without any of them.
 */
export type HandoffSuggestion = Partial<Answer<typeof casePrefill>> & {
  scenario?: string | { id: string; confidence?: number } | null;
  confidence?: number;
};

/** The case room: internal notes with their authors, and who is viewing the case now. */
export type Note = Answer<typeof listNotes>[number];
export type Viewer = ViewerAnswer & { name: string };
export type Dip = Answer<typeof listDips>[number];

export type ScenarioVersion = Answer<typeof scenarioHistory>[number];
export type ScenarioDetail = Scenario & { history: ScenarioVersion[] };
export type CalendarSaved = Answer<typeof setTeamCalendar>;

/**
 * The tagger's suggestion for a case (GET /cases/{id}/suggestion): the best issue type and the
 * scenario it routes to, or `abstained` with the `top` candidates for a person to choose from.
 */
export type TaggerSuggestion = Suggestion & { proposedScenario?: string | null };
export type SuggestedType = Suggestion['top'][number];
