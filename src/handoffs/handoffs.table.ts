import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, instant, orgId } from '../db/columns.ts';

export const handoffs = pgTable(
  'handoffs',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    caseId: text('case_id').notNull(),
    scenarioId: text('scenario_id').notNull(),
    scenarioVersion: integer('scenario_version').notNull(),
    /** agent | bot | team | channel, or baton for Baton's own escalations (handoffs.types.ts) */
    fromKind: text('from_kind').notNull().default('agent'),
    fromTeamId: text('from_team_id'),
    senderId: text('sender_id'),
    toTeamId: text('to_team_id').notNull(),
    state: text('state').notNull(),
    ownerId: text('owner_id'),
    packet: jsonb('packet').notNull(),
    completeness: integer('completeness').notNull().default(0),
    bounceReason: text('bounce_reason'),
    bounceNote: text('bounce_note'),
    /** The handoff this one re-sends after a bounce: a case's chain reads as one journey. */
    previousId: text('previous_id'),
    /** Skills the sender asked for, beside the scenario's: the owner is chosen by skills match. */
    skills: text('skills').array(),
    customerUpdate: jsonb('customer_update'),
    createdAt: createdAt(),
    sentAt: instant('sent_at'),
    acceptedAt: instant('accepted_at'),
    resolvedAt: instant('resolved_at'),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('handoffs_org_team_state').on(t.orgId, t.toTeamId, t.state, t.createdAt),
    index('handoffs_owner_state').on(t.ownerId, t.state),
    index('handoffs_case').on(t.caseId),
    check('handoffs_state', sql`${t.state} in ('draft','sent','accepted','resolved','bounced','cancelled')`),
    // Invariant 1: every handoff that is not a draft has exactly one owner.
    check('handoffs_owner_unless_draft', sql`${t.state} = 'draft' or ${t.ownerId} is not null`),
  ],
);
