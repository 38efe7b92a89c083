import { integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, orgId } from '../db/columns.ts';

/** Every edit of a scenario is a new version; handoffs keep the version they were sent under. */
export const scenarios = pgTable(
  'scenarios',
  {
    orgId: orgId(),
    id: text('id').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id, t.version] })],
);
