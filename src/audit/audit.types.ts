export const AUDIT_FORMATS = ['servicenow', 'zendesk', 'generic'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/** Who owns the case on a row: nobody (or unknown), somebody, or unchanged since the row before. */
export type OwnerState = 'none' | 'known' | 'same';

/** One update of a case, normalised by a format adapter. */
export type AuditEvent = {
  caseId: string;
  /** Ordering key within the case (rows sort by it, ties keep file order); +Infinity when unknown. */
  seq: number;
  /** The team / assignment group holding the case on this row; null when unknown. */
  group: string | null;
  owner: OwnerState;
  /** The SLA flag on this row; null when unknown (or unchanged, for formats that carry state). */
  slaMet: boolean | null;
  /** The row says the case has been reopened (ServiceNow: `reopen_count` above 0). */
  reopened: boolean;
  /** When the update happened, epoch ms; NaN when unknown. */
  at: number;
  openedAt: number;
  resolvedAt: number;
  satisfaction: 'good' | 'bad' | null;
};

/** A row as the case store keeps it (the case id and case-level times are held once per case). */
export type CaseRow = {
  seq: number;
  group: string | null;
  owner: OwnerState;
  slaMet: boolean | null;
  reopened: boolean;
  at: number;
  satisfaction: 'good' | 'bad' | null;
};

/** One handoff found in a case: a change of group from one known group to another. */
export type Handoff = {
  from: string;
  to: string;
  /** `to` had held the case before. */
  pingPong: boolean;
  /** Nobody was named owner from the handoff's row until the next handoff (or the case's end). */
  ownerless: boolean;
  /** From the handoff's row to the first row of its leg with an owner; NaN when not measurable. */
  pickupMs: number;
};

export type CaseResult = {
  events: number;
  handoffs: Handoff[];
  slaMissed: boolean;
  slaKnown: boolean;
  reopened: boolean;
  firstGroup: string | null;
  lastGroup: string | null;
  /** Distinct known groups, in order of first appearance. */
  groups: string[];
  /** Time each group held the case (between consecutive timestamped rows). */
  held: Map<string, number>;
  resolutionMs: number;
  satisfaction: 'good' | 'bad' | null;
};

export type Rate = { count: number; of: number; rate: number | null };

export type CohortStats = {
  cases: number;
  slaMissed: Rate;
  reopened: Rate;
  badSatisfaction: Rate;
  medianResolutionHours: number | null;
};

export type TeamPairRow = {
  from: string;
  to: string;
  handoffs: number;
  pingPong: number;
  ownerless: number;
  medianPickupMinutes: number | null;
};

export type TeamRow = {
  team: string;
  cases: number;
  handoffsIn: number;
  handoffsOut: number;
  ownerlessIn: number;
  ownerlessRate: number | null;
  pingPongIn: number;
  slaMissedCases: number;
  medianPickupMinutes: number | null;
  hoursHeld: number;
};

export type Finding = { id: string; text: string; value: number | null };
