import { pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, orgId } from '../db/columns.ts';

export const customers = pgTable(
  'customers',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    externalId: text('external_id').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    timezone: text('timezone'),
    language: text('language'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('customers_org_external').on(t.orgId, t.externalId)],
);
