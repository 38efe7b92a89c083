import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from '../db/columns.ts';

/** Per organisation: how many days a repeat contact looks back (no row: the default of 7). */
export const repeatContactSettings = pgTable('repeat_contact_settings', {
  orgId: text('org_id').primaryKey(),
  windowDays: integer('window_days').notNull(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});
