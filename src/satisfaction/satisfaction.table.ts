import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, instant, orgId } from '../db/columns.ts';

/** The customer's satisfaction ratings of a case (CSAT), each counted for the handoff that held it. */
export const satisfactionRatings = pgTable(
  'satisfaction_ratings',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    caseId: text('case_id').notNull(),
    /** The case's last handoff sent before the rating (src/satisfaction/rating.ts), none if it had none. */
    handoffId: text('handoff_id'),
    rating: text('rating').notNull(),
    satisfied: boolean('satisfied').notNull(),
    /** The customer's own words: personal data, erased with the customer. */
    comment: text('comment'),
    source: text('source').notNull().default('baton'),
    externalId: text('external_id'),
    ratedAt: instant('rated_at').notNull(),
    recordedBy: text('recorded_by'),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('satisfaction_ratings_case').on(t.caseId),
    index('satisfaction_ratings_org_rated').on(t.orgId, t.ratedAt),
    uniqueIndex('satisfaction_ratings_external')
      .on(t.orgId, t.source, t.externalId)
      .where(sql`${t.externalId} is not null`),
    check('satisfaction_ratings_rating', sql`${t.rating} in ('1', '2', '3', '4', '5', 'good', 'bad')`),
  ],
);
