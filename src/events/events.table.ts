import { bigserial, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { instant, orgId } from '../db/columns.ts';

/** The case's append-only event log (invariant 4); a trigger refuses UPDATE and DELETE. */
export const caseEvents = pgTable(
  'case_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: text('id').notNull().unique(),
    orgId: orgId(),
    caseId: text('case_id').notNull(),
    handoffId: text('handoff_id'),
    type: text('type').notNull(),
    at: instant('at').notNull().defaultNow(),
    actorId: text('actor_id'),
    data: jsonb('data').notNull().default({}),
  },
  (t) => [
    index('case_events_case').on(t.caseId, t.seq),
    index('case_events_org_type_at').on(t.orgId, t.type, t.at),
  ],
);

/**
 * The personal text of an event (customers/personal-text.ts), kept beside the log so that erasing a
 * customer's personal data replaces it without changing an event. Readers join it back.
 */
export const eventPersonalData = pgTable(
  'event_personal_data',
  {
    eventId: text('event_id').primaryKey(),
    orgId: orgId(),
    caseId: text('case_id').notNull(),
    data: jsonb('data').notNull(),
  },
  (t) => [index('event_personal_data_case').on(t.caseId)],
);
