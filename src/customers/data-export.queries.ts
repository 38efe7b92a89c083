import { and, asc, eq, getTableColumns, inArray } from 'drizzle-orm';
import { cases, messages } from '../cases/cases.table.ts';
import { inOrder, type Queryable } from '../db/database.ts';
import { documentRequests, documents } from '../documents/documents.table.ts';
import { eventDataOf } from '../events/events.queries.ts';
import { caseEvents } from '../events/events.table.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { satisfactionRatings } from '../satisfaction/satisfaction.table.ts';
import { teams } from '../teams/teams.table.ts';
import { customerRiskOf, erasureOf, getCustomer } from './customers.queries.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Everything Baton holds about one customer, for their access request (GDPR article 15): their
 * profile, the churn-risk profiling with its reasons, and each case whole (conversation, documents,
 * handoffs with their packets and customer updates, the case log with its personal text). One read,
 * as of `now`.
 */
export async function customerDataExport(db: Queryable, orgId: string, customerId: string, now: Date) {
  const customer = await getCustomer(db, orgId, customerId);
  const caseRows = await db
    .select()
    .from(cases)
    .where(and(eq(cases.orgId, orgId), eq(cases.customerId, customerId)))
    .orderBy(asc(cases.createdAt), asc(cases.id));
  const ids = caseRows.map((c) => c.id);
  const none = Promise.resolve([]);
  const [msgs, docs, asked, hs, events, ratings] = await inOrder([
    ids.length
      ? db
          .select()
          .from(messages)
          .where(inArray(messages.caseId, ids))
          .orderBy(asc(messages.at), asc(messages.id))
      : none,
    ids.length
      ? db.select().from(documents).where(inArray(documents.caseId, ids)).orderBy(asc(documents.providedAt))
      : none,
    ids.length
      ? db
          .select()
          .from(documentRequests)
          .where(inArray(documentRequests.caseId, ids))
          .orderBy(asc(documentRequests.createdAt))
      : none,
    ids.length
      ? db
          .select({ h: handoffs, toTeam: teams.key })
          .from(handoffs)
          .innerJoin(teams, eq(teams.id, handoffs.toTeamId))
          .where(inArray(handoffs.caseId, ids))
          .orderBy(asc(handoffs.createdAt), asc(handoffs.id))
      : none,
    ids.length
      ? db
          .select({ ...getTableColumns(caseEvents), data: eventDataOf() })
          .from(caseEvents)
          .where(inArray(caseEvents.caseId, ids))
          .orderBy(asc(caseEvents.seq))
      : none,
    ids.length
      ? db
          .select()
          .from(satisfactionRatings)
          .where(inArray(satisfactionRatings.caseId, ids))
          .orderBy(asc(satisfactionRatings.ratedAt))
      : none,
  ] as const);
  const of = <T extends { caseId: string }>(rows: readonly T[], caseId: string) =>
    rows.filter((r) => r.caseId === caseId);
  return {
    exportedAt: now.toISOString(),
    customer: {
      id: customer.id,
      externalId: customer.externalId,
      name: customer.name,
      email: customer.email,
      timezone: customer.timezone,
      language: customer.language,
      customerSince: customer.customerSince,
      annualValue: customer.annualValue,
      tier: customer.tier,
      profileSource: customer.profileSource,
      createdAt: customer.createdAt.toISOString(),
      ...(await erasureOf(db, customer)),
    },
    risk: await customerRiskOf(db, orgId, customerId, now),
    cases: caseRows.map((c) => ({
      id: c.id,
      externalId: c.externalId,
      subject: c.subject,
      channel: c.channel,
      status: c.status,
      issueType: c.issueType,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      messages: of(msgs, c.id).map((m) => ({
        id: m.id,
        at: m.at.toISOString(),
        role: m.role,
        text: m.text,
        sentiment: m.sentiment,
      })),
      documents: of(docs, c.id).map((d) => ({
        kind: d.kind,
        name: d.name,
        providedAt: d.providedAt.toISOString(),
      })),
      documentRequests: of(asked, c.id).map((r) => ({
        kind: r.kind,
        reason: r.reason,
        requestedAt: r.createdAt.toISOString(),
      })),
      handoffs: hs
        .filter((x) => x.h.caseId === c.id)
        .map(({ h, toTeam }) => ({
          id: h.id,
          scenario: h.scenarioId,
          toTeam,
          state: h.state,
          packet: h.packet,
          customerUpdate: h.customerUpdate,
          bounceReason: h.bounceReason,
          bounceNote: h.bounceNote,
          createdAt: h.createdAt.toISOString(),
          sentAt: iso(h.sentAt),
          acceptedAt: iso(h.acceptedAt),
          resolvedAt: iso(h.resolvedAt),
        })),
      satisfaction: of(ratings, c.id).map((r) => ({
        rating: r.rating,
        satisfied: r.satisfied,
        comment: r.comment,
        ratedAt: r.ratedAt.toISOString(),
        source: r.source,
      })),
      events: of(events, c.id).map((e) => ({ type: e.type, at: e.at.toISOString(), data: e.data })),
    })),
  };
}
