import { and, asc, desc, eq, gte, inArray } from 'drizzle-orm';
import { customers } from '../customers/customers.table.ts';
import type { Queryable } from '../db/database.ts';
import { eventDataOf } from '../events/events.queries.ts';
import { caseEvents } from '../events/events.table.ts';
import { EventType } from '../events/names.ts';
import { parseMentions } from '../notifications/mentions.ts';
import { people } from '../people/people.table.ts';
import { assertCaseExists } from './cases.queries.ts';
import { cases, messages } from './cases.table.ts';

/** The case room's thread: the internal notes, oldest first, each with its author and the handles it mentions. */
export async function listNotes(db: Queryable, orgId: string, caseId: string) {
  await assertCaseExists(db, orgId, caseId);
  const rows = await db
    .select({ m: messages, author: people.name })
    .from(messages)
    .leftJoin(people, eq(people.id, messages.authorId))
    .where(and(eq(messages.orgId, orgId), eq(messages.caseId, caseId), eq(messages.role, 'internal')))
    .orderBy(asc(messages.at), asc(messages.createdAt));
  return rows.map(({ m, author }) => ({
    id: m.id,
    text: m.text,
    at: m.at.toISOString(),
    author: m.authorId ? { id: m.authorId, name: author ?? 'Unknown person' } : null,
    mentions: parseMentions(m.text),
  }));
}

/** Names of people by id, for the viewers of a room. */
export async function peopleNames(db: Queryable, orgId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.orgId, orgId), inArray(people.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Sentiment dips since an instant, newest first, with the message that caused each and its case. */
export async function listDips(db: Queryable, orgId: string, opts: { since: Date; limit: number }) {
  const rows = await db
    .select({ e: caseEvents, data: eventDataOf(), subject: cases.subject, customer: customers.name })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .where(
      and(
        eq(caseEvents.orgId, orgId),
        eq(caseEvents.type, EventType.sentimentDip),
        gte(caseEvents.at, opts.since),
      ),
    )
    .orderBy(desc(caseEvents.at), desc(caseEvents.seq))
    .limit(opts.limit);
  return rows.map(({ e, data: d, subject, customer }) => {
    return {
      id: e.id,
      caseId: e.caseId,
      handoffId: typeof d.handoffId === 'string' ? d.handoffId : e.handoffId,
      at: e.at.toISOString(),
      subject,
      customer,
      text: typeof d.text === 'string' ? d.text : '',
      score: typeof d.score === 'number' ? d.score : null,
      reason: typeof d.reason === 'string' ? d.reason : null,
      drop: typeof d.drop === 'number' ? d.drop : null,
    };
  });
}
