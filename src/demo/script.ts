import type { bounceReasons } from '../handoffs/bounce-reasons.ts';
import type { Packet } from '../packets/packet.types.ts';
import type { Rating } from '../satisfaction/rating.ts';

/** The six scenarios of the demo organisation (policies/scenarios). */
export type ScenarioId =
  | 'billing-to-finance'
  | 'tech-to-engineering'
  | 'tier1-to-tier2'
  | 'voice-to-chat'
  | 'bot-to-human'
  | 'agent-to-supervisor';
export type TeamKey = 'support' | 'finance' | 'engineering' | 'tier2' | 'supervisors';
export type BounceReason = (typeof bounceReasons)[number];

/**
 * When a step happens:
 * - a number: minutes after the case's start (negative for conversation before a live case's anchor);
 * - `'N@HH:MM'`: N working days after the start's date, at HH:MM London time.
 */
export type When = number | `${number}@${string}`;

/**
 * Where a case starts:
 * - `{ day, at }`: `day` working days before today (London), at `at` London time;
 * - `{ ago }`: that many minutes before now;
 * - `{ businessAgo, team }`: that many of `team`'s business minutes before now, so that a handoff
 *   sent at the start is as close to its deadline whenever the demo is loaded.
 */
export type Start =
  | { day: number; at: `${number}:${number}` }
  | { ago: number }
  | { businessAgo: number; team: TeamKey };

/**
 * Who acts: a demo person's key, `customer` (through the helpdesk), `bot`, or `@label`: whoever
 * owns the labelled handoff at that moment.
 */
export type Actor = string;

export type Action =
  /** A document arrives: from the customer by default, or attached by a person. */
  | { doc: string; name: string; by?: Actor }
  /** A person asks for a document; `reason` is needed when one of that kind is on file. */
  | { ask: string; reason?: string; by: Actor }
  /** A new handoff, labelled for the later steps; `previous` names the bounced one it sends again. */
  | { handoff: string; scenario: ScenarioId; by: Actor; packet: Packet; draft?: boolean; previous?: string }
  | { send: string; by: Actor; packet?: Packet }
  /** Accept, bounce and resolve act as the handoff's owner unless `by` says otherwise. */
  | { accept: string; by?: Actor }
  | { bounce: string; reason: BounceReason; note: string; by?: Actor }
  | { resolve: string; by?: Actor }
  | { cancel: string; by: Actor }
  /** Gives a handoff to `to`, or to the next member of the team when left out. */
  | { reassign: string; to?: Actor; reason: string; by: Actor }
  /** The customer answers the helpdesk's satisfaction survey. */
  | { rate: Rating; comment?: string };

/** A message; `internal` for a note between colleagues. */
export type Say = { who: Actor; text: string; internal?: boolean };
export type Step = [When, Action | Say];

export type DemoCustomer = {
  externalId: string;
  name: string;
  email?: string;
  timezone?: string;
  language?: string;
};

export type DemoCase = {
  /** The helpdesk's ticket number. */
  ref: string;
  subject: string;
  customer: DemoCustomer;
  channel: 'voice' | 'chat' | 'email' | 'web' | 'bot';
  issueType: string;
  start: Start;
  /** Who opened the case (the agent who took the call); the helpdesk integration when left out. */
  openedBy?: Actor;
  /** Documents on file from the start (attached to the first email, uploaded with a web form). */
  documents?: { kind: string; name: string }[];
  /**
   * The conversation, one message a line: `<when> <who>: <text>`, who as in {@link Actor}, or
   * `note/<who>` for an internal note. A line that does not start so continues the message above.
   */
  talk: string;
  /** What people did, merged with the talk by time (at the same instant, after it). */
  acts?: [When, Action][];
};

type PacketInput = {
  what: string;
  tried: string[];
  emotion: NonNullable<Packet['emotion']>;
  urgency: NonNullable<Packet['urgency']>;
  need?: string[];
  onFile?: string[];
  next: string[];
  summary?: string;
};

/** A complete packet in fewer words. */
export function packet(p: PacketInput): Packet {
  return {
    whatHappened: p.what,
    attempted: p.tried,
    emotion: p.emotion,
    documents: { required: p.need ?? [], onFile: p.onFile ?? [] },
    urgency: p.urgency,
    nextSteps: p.next,
    ...(p.summary ? { summary: p.summary } : {}),
  };
}
