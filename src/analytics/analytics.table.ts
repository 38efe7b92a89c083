import { jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, orgId } from '../db/columns.ts';

/** Stored weekly reviews: one per organisation and ISO week, written once by whichever process gets there first. */
export const weeklyReviews = pgTable(
  'weekly_reviews',
  {
    orgId: orgId(),
    /** ISO week, `2026-W48`. */
    week: text('week').notNull(),
    json: jsonb('json').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.week] })],
);
