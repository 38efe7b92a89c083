// Read side of case search: the message of each listed case that a search matched best, with its
// passage. The terms and the passage's marks are pure (search.ts); the index is in cases.table.ts.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { matchesWords, messages, searchHeadline, searchQuery, searchVector } from './cases.table.ts';
import {
  HEADLINE_OPTIONS,
  MARK_END,
  MARK_START,
  MESSAGE_EDGE,
  type SearchTerm,
  type Snippet,
  snippetOf,
  unfoldHeadline,
} from './search.ts';

/** The message of a case that a search matched best, and the passage of it around the match. */
export type SearchMatch = { messageId: string; role: string; at: string; snippet: Snippet };

/** Per case of `caseIds` whose conversation matches `words`: its best-ranked message, newest on a tie. */
export async function conversationMatches(
  db: Queryable,
  orgId: string,
  caseIds: string[],
  words: SearchTerm[],
): Promise<Map<string, SearchMatch>> {
  if (caseIds.length === 0) return new Map();
  const vector = searchVector(messages.text);
  // The best message of each case first; the passages only for those (a headline reads the whole text).
  const best = db
    .selectDistinctOn([messages.caseId], {
      caseId: messages.caseId,
      id: messages.id,
      role: messages.role,
      at: messages.at,
      text: messages.text,
    })
    .from(messages)
    .where(
      and(eq(messages.orgId, orgId), inArray(messages.caseId, caseIds), matchesWords(messages.text, words)),
    )
    .orderBy(messages.caseId, desc(sql`ts_rank(${vector}, ${searchQuery(words)})`), desc(messages.at))
    .as('best');
  // The marks ts_headline sets are removed from the text first, so a message cannot fake a match.
  const plain = sql`translate(${best.text}, ${MARK_START + MARK_END}, '')`;
  const rows = await db
    .select({
      caseId: best.caseId,
      id: best.id,
      role: best.role,
      at: best.at,
      headline: searchHeadline(plain, words, HEADLINE_OPTIONS),
      plain: sql<string>`${plain}`,
      // Enough of each end of the message to tell whether the passage is cut there.
      head: sql<string>`left(${best.text}, ${MESSAGE_EDGE})`,
      tail: sql<string>`right(${best.text}, ${MESSAGE_EDGE})`,
    })
    .from(best);
  return new Map(
    rows.map((r) => [
      r.caseId,
      {
        messageId: r.id,
        role: r.role,
        at: r.at.toISOString(),
        snippet: snippetOf(unfoldHeadline(r.headline, r.plain), { head: r.head, tail: r.tail }),
      },
    ]),
  );
}
