import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
} from 'drizzle-orm/pg-core';
import { createdAt, instant, orgId } from '../db/columns.ts';

/**
 * The taxonomy, append-only: each change writes the full new state of each type it touches at the
 * organisation's next revision. The current taxonomy is each path's latest row; any past revision
 * can be rebuilt, so a tag made long ago still reads (`A (merged into B)`).
 */
export const vocabularyTypes = pgTable(
  'vocabulary_types',
  {
    orgId: orgId(),
    path: text('path').notNull(),
    revision: integer('revision').notNull(),
    parent: text('parent'),
    status: text('status').notNull(),
    mergedInto: text('merged_into'),
    /** name, definition, examples, scenario, aliases (per team). */
    spec: jsonb('spec').notNull(),
    /** loaded | created | updated | alias_added | alias_removed | retired | merged | absorbed */
    change: text('change').notNull(),
    note: text('note'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.path, t.revision] }),
    index('vocabulary_types_org_revision').on(t.orgId, t.revision),
    check('vocabulary_types_status', sql`${t.status} in ('active','retired','merged')`),
    check('vocabulary_types_merged', sql`(${t.status} = 'merged') = (${t.mergedInto} is not null)`),
  ],
);

/** Trained taggers, one version per training; the newest answers suggestions. */
export const vocabularyModels = pgTable(
  'vocabulary_models',
  {
    orgId: orgId(),
    version: integer('version').notNull(),
    /** The serialised tagger (`serializeTagger`) as JSON text. */
    model: text('model').notNull(),
    /** The tagger's report, what it trained on, and how long it took. */
    report: jsonb('report').notNull(),
    taxonomyRevision: integer('taxonomy_revision').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.version] })],
);

/** An agent's fix of a case's type; the next training learns from it. */
export const vocabularyCorrections = pgTable(
  'vocabulary_corrections',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    caseId: text('case_id').notNull(),
    fromTerm: text('from_term'),
    /** `fromTerm` read as a canonical type when it could be. */
    fromType: text('from_type'),
    toType: text('to_type').notNull(),
    /** What the tagger suggested for the same text when the correction was made. */
    suggestedType: text('suggested_type'),
    suggestedConfidence: doublePrecision('suggested_confidence'),
    /** The case's text as corrected (what the tagger will learn from). */
    text: text('text').notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('vocabulary_corrections_org_at').on(t.orgId, t.createdAt)],
);

/** A handoff bounced with `wrong_team`: a tagging error against the case's type and the suggestion. */
export const vocabularyRoutingErrors = pgTable(
  'vocabulary_routing_errors',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    caseId: text('case_id').notNull(),
    handoffId: text('handoff_id').notNull(),
    /** The case's tag as stored, and read as a canonical type. */
    tag: text('tag'),
    issueType: text('issue_type'),
    suggestedType: text('suggested_type'),
    suggestedConfidence: doublePrecision('suggested_confidence'),
    /** Where the handoff went (scenario and team) and where the type routes. */
    scenario: text('scenario').notNull(),
    toTeam: text('to_team'),
    expectedScenario: text('expected_scenario'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('vocabulary_routing_errors_org_at').on(t.orgId, t.createdAt)],
);

/**
 * What drift is measured on: each term a team used for a type (`kind = 'term'`) and each
 * suggestion the tagger made (`kind = 'suggestion'`), with how it resolved.
 */
export const vocabularyObservations = pgTable(
  'vocabulary_observations',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    kind: text('kind').notNull(),
    team: text('team'),
    term: text('term'),
    /** The text the tagger read, kept (shortened) only when it abstained: for uncategorised clusters. */
    text: text('text'),
    caseId: text('case_id'),
    type: text('type'),
    via: text('via'),
    score: doublePrecision('score'),
    abstained: boolean('abstained'),
    modelVersion: integer('model_version'),
    createdAt: createdAt(),
  },
  (t) => [
    index('vocabulary_observations_org_at').on(t.orgId, t.createdAt),
    index('vocabulary_observations_case').on(t.caseId, t.createdAt),
    check('vocabulary_observations_kind', sql`${t.kind} in ('term','suggestion')`),
  ],
);

/**
 * Per organisation: who is training now (a lease, so N processes train once), the last drift week,
 * and the last training that failed, kept until one succeeds: a training started in the background
 * or by the job has no caller to tell, so the Vocabulary screen reads it from here.
 */
export const vocabularyState = pgTable(
  'vocabulary_state',
  {
    orgId: text('org_id').primaryKey(),
    trainingUntil: instant('training_until'),
    trainingBy: text('training_by'),
    lastDriftWeek: text('last_drift_week'),
    lastFailureAt: instant('last_failure_at'),
    lastFailureCode: text('last_failure_code'),
    lastFailureMessage: text('last_failure_message'),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check(
      'vocabulary_state_failure_whole',
      sql`(${t.lastFailureAt} is null) = (${t.lastFailureCode} is null) and (${t.lastFailureCode} is null) = (${t.lastFailureMessage} is null)`,
    ),
  ],
);
