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
