// Which cases a search finds, in two forms: sets an index answers, read once for the list's walk
// to test each case against (cheap for a rare word), and a test of each case on its own (cheap for a
// common one, over a walk bounded to the newest cases). `listCases` picks; the terms are search.ts's.
import { and, count, desc, eq, exists, gte, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import { customers } from '../customers/customers.table.ts';
import type { Queryable } from '../db/database.ts';
import { cases, foldedText, matchesWords, messages } from './cases.table.ts';
import { foldAccents, searchTerms } from './search.ts';

/** `%` and `_` in a search are the searched characters, not patterns. */
const likeNeedle = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A search's tests of one case and of its customer, on the columns given (`cases` or an alias). */
function searchTests(q: string) {
  const needle = likeNeedle(q);
  const foldedNeedle = likeNeedle(foldAccents(q));
  const terms = searchTerms(q);
  const words = terms.length > 0 ? terms : null;
  return {
    words,
    caseText: (c: CaseTextColumns) =>
      or(
        ilike(foldedText(c.subject), foldedNeedle),
        ilike(c.id, needle),
        ilike(c.externalId, needle),
        words ? matchesWords(c.subject, words) : undefined,
      ),
    customerText: () =>
      or(ilike(foldedText(customers.name), foldedNeedle), ilike(customers.externalId, needle)),
  };
}
type CaseTextColumns = Record<'subject' | 'id' | 'externalId', AnyPgColumn>;

/**
 * Whether a case is one a search finds: by text (the subject and the customer's name, accents folded
 * on both sides so that "Sofia" finds "Sofía"; the case's and the customer's ids, for a case number
 * or "100%") and by word (the subject's and the conversation's, search.ts). Each arm is a lookup an
 * index answers (the words' full-text indexes; the text's trigram indexes where pg_trgm is installed,
 * migration 0030), run once and kept as a set the list's newest-first walk tests each case against:
 * a rare word costs a few lookups and set tests rather than a fold and a text match of every case.
 * A common word (or two letters, which no trigram index answers) makes the sets large: `listCases`
 * probes the newest cases with `searchFindsEach` first.
 */
export function searchFinds(db: Queryable, orgId: string, q: string) {
  const { words, caseText, customerText } = searchTests(q);
  const found = alias(cases, 'found');
  const byText = db
    .select({ id: found.id })
    .from(found)
    .where(and(eq(found.orgId, orgId), caseText(found)));
  const byCustomer = db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.orgId, orgId), customerText()));
  const byConversation = words
    ? db
        .select({ id: messages.caseId })
        .from(messages)
        .where(and(eq(messages.orgId, orgId), matchesWords(messages.text, words)))
    : undefined;
  return or(
    inArray(cases.id, byText),
    inArray(cases.customerId, byCustomer),
    byConversation ? inArray(cases.id, byConversation) : undefined,
  );
}

/**
 * The same search as `searchFinds`, tested on each case the walk reaches (its subject, its customer
 * joined in the list, its own few messages through messages_case_at), building no set: cheap for a
 * case, so only for a walk `withinNewest` bounds.
 */
export function searchFindsEach(db: Queryable, orgId: string, q: string) {
  const { words, caseText, customerText } = searchTests(q);
  // OFFSET 0 keeps the planner from turning this test back into the set of every match.
  const inOwnConversation = words
    ? db
        .select({ one: sql`1` })
        .from(messages)
        .where(
          and(eq(messages.caseId, cases.id), eq(messages.orgId, orgId), matchesWords(messages.text, words)),
        )
        .offset(0)
    : undefined;
  return or(caseText(cases), customerText(), inOwnConversation ? exists(inOwnConversation) : undefined);
}

/** The columns a case list filters on, of `cases` or of an alias of it. */
export type ListedColumns = Record<'orgId' | 'createdAt' | 'status' | 'id', AnyPgColumn>;

/** How many of the newest listed cases a common search probes before it reads every match. */
export const probeCases = 400;
/** Messages a search's words match from which they are common: the set of them would cost more. */
const commonMatches = 2000;

/**
 * Whether the sets `searchFinds` builds would be large: two letters (which no trigram index
 * answers, so the text arms read every case), or words in at least `commonMatches` messages
 * (counted no further).
 */
export async function searchIsCommon(db: Queryable, orgId: string, q: string) {
  if ([...q].length < 3) return true;
  const { words } = searchTests(q);
  if (!words) return false;
  const matched = db
    .select({ one: sql`1` })
    .from(messages)
    .where(and(eq(messages.orgId, orgId), matchesWords(messages.text, words)))
    .limit(commonMatches)
    .as('matched');
  const [row] = await db.select({ n: count() }).from(matched);
  return (row?.n ?? 0) >= commonMatches;
}

/**
 * The newest `n` cases `listed` keeps, as a bound on created_at the list's index stops at (ties at
 * the bound included; every case when fewer are listed).
 */
export function withinNewest(db: Queryable, listed: (table: ListedColumns) => SQL | undefined, n: number) {
  const newest = alias(cases, 'newest');
  const bound = db
    .select({ at: newest.createdAt })
    .from(newest)
    .where(listed(newest))
    .orderBy(desc(newest.createdAt), desc(newest.id))
    .offset(n - 1)
    .limit(1);
  return gte(cases.createdAt, sql`coalesce((${bound}), '-infinity'::timestamptz)`);
}
