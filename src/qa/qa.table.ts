import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, instant, orgId } from '../db/columns.ts';

/** A scenario's tuned weights of the automatic checks (checks left out keep their default). */
export const qaCheckWeights = pgTable(
  'qa_check_weights',
  {
    orgId: orgId(),
    scenarioId: text('scenario_id').notNull(),
    weights: jsonb('weights').notNull(),
    updatedBy: text('updated_by'),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.scenarioId] })],
);

/** Every edit of a scorecard is a new version; a review keeps the version it was scored on. */
export const qaScorecards = pgTable(
  'qa_scorecards',
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

/** One reviewer's scoring of one handoff on one scorecard. */
export const qaReviews = pgTable(
  'qa_reviews',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    handoffId: text('handoff_id').notNull(),
    caseId: text('case_id').notNull(),
    scorecardId: text('scorecard_id').notNull(),
    scorecardVersion: integer('scorecard_version').notNull(),
    /** The reviewing person, or `admin` for the admin token. */
    reviewerId: text('reviewer_id').notNull(),
    scores: jsonb('scores').notNull(),
    total: doublePrecision('total').notNull(),
    criticalFail: text('critical_fail').array().notNull(),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('qa_reviews_once').on(t.orgId, t.handoffId, t.scorecardId, t.reviewerId),
    index('qa_reviews_scorecard').on(t.orgId, t.scorecardId),
    index('qa_reviews_reviewer').on(t.orgId, t.reviewerId),
  ],
);

/** The organisation's sampling rules for the review queue (defaults when absent). */
export const qaSamplingRules = pgTable('qa_sampling_rules', {
  orgId: text('org_id').primaryKey(),
  rules: jsonb('rules').notNull(),
  updatedBy: text('updated_by'),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});
