import { jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, instant, orgId } from '../db/columns.ts';

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

/** Where an organisation's weekly review goes when the scheduled job stores it: a Slack-compatible webhook, e-mail. */
export const weeklyReviewTargets = pgTable('weekly_review_targets', {
  orgId: orgId().primaryKey(),
  slackUrl: text('slack_url'),
  emails: jsonb('emails').$type<string[]>().notNull().default([]),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});
