import { type SQL, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  doublePrecision,
  index,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, instant, orgId } from '../db/columns.ts';
import { FOLD_FROM, FOLD_RANGE, FOLD_TO, type SearchTerm } from './search.ts';

/**
 * A message's or a subject's words for full-text search (src/cases/search.ts), in English as Baton's
 * conversation analysis is. The indexes below are on this expression, and PostgreSQL uses it only for
 * queries that repeat it exactly: search through this function.
 */
export const searchVector = (text: AnyPgColumn | SQL) => sql`to_tsvector('english', ${foldedText(text)})`;

/**
 * `text` accent-folded in SQL as search.ts folds in JS. The letters are written into the statement
 * (no quote among them), not bound: an index expression cannot take a parameter, and a query must
 * repeat the index's expression exactly for the planner to use it. `translate` compares each
 * character with all 257 letters, so a text with none of them skips it (ASCII only, as many bytes
 * as characters, is the cheapest test; then the range of the letters, for curly quotes and emoji):
 * without the tests the text match of a search over 20,000 cases took eight times as long.
 */
export const foldedText = (text: AnyPgColumn | SQL) =>
  sql`(case when octet_length(${text}) = char_length(${text}) or ${text} !~ ${sql.raw(`'[${FOLD_RANGE}]'`)} then ${text} else translate(${text}, ${sql.raw(`'${FOLD_FROM}'`)}, ${sql.raw(`'${FOLD_TO}'`)}) end)`;

export const cases = pgTable(
  'cases',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    customerId: text('customer_id').notNull(),
    externalId: text('external_id'),
    subject: text('subject').notNull(),
    channel: text('channel').notNull(),
    status: text('status').notNull().default('open'),
    issueType: text('issue_type'),
    /** The earlier case of the same customer and issue type this one repeats (src/cases/repeat-contact.ts). */
    repeatOf: text('repeat_of'),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('cases_org_created').on(t.orgId, t.createdAt),
    index('cases_customer').on(t.orgId, t.customerId),
    index('cases_repeat_of').on(t.repeatOf),
    uniqueIndex('cases_org_external').on(t.orgId, t.externalId),
    index('cases_subject_search').using('gin', searchVector(t.subject)),
    check('cases_status', sql`${t.status} in ('open','pending','resolved','closed')`),
  ],
);

/** A search's terms (src/cases/search.ts), every one required, read in the index's configuration. */
export const searchQuery = (terms: SearchTerm[]) =>
  sql`(${sql.join(
    terms.map((t) =>
      t.whole
        ? sql`(to_tsquery('english', ${t.query}) || ${t.whole}::tsquery)`
        : sql`to_tsquery('english', ${t.query})`,
    ),
    sql` && `,
  )})`;

/** Whether `text`'s words hold every term of a search: a predicate the index answers. */
export const matchesWords = (text: AnyPgColumn | SQL, terms: SearchTerm[]) =>
  sql`${searchVector(text)} @@ ${searchQuery(terms)}`;

/** The passage of folded `text` around what the terms matched (`unfoldHeadline` gives the letters back). */
export const searchHeadline = (text: AnyPgColumn | SQL, terms: SearchTerm[], options: string) =>
  sql<string>`ts_headline('english', ${foldedText(text)}, ${searchQuery(terms)}, ${options})`;

export const messages = pgTable(
  'messages',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    caseId: text('case_id').notNull(),
    role: text('role').notNull(),
    text: text('text').notNull(),
    at: instant('at').notNull(),
    authorId: text('author_id'),
    sentiment: doublePrecision('sentiment'),
    createdAt: createdAt(),
  },
  (t) => [
    index('messages_case_at').on(t.caseId, t.at),
    index('messages_search').using('gin', searchVector(t.text)),
    check('messages_role', sql`${t.role} in ('customer','agent','bot','internal')`),
  ],
);
