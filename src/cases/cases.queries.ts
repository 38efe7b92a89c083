import { and, asc, desc, eq, lt } from 'drizzle-orm';
import { customers } from '../customers/customers.table.ts';
import { inOrder, type Queryable } from '../db/database.ts';
import { documentRequests, documents } from '../documents/documents.table.ts';
import { caseEvents } from '../events/events.table.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { notFound } from '../http/errors.ts';
import { teams } from '../teams/teams.table.ts';
import { cases, messages } from './cases.table.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function getCase(db: Queryable, orgId: string, id: string) {
  const [row] = await db
    .select({ c: cases, customer: customers })
    .from(cases)
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .where(and(eq(cases.orgId, orgId), eq(cases.id, id)));
  if (!row) throw notFound('case', id);
  const [msgs, docs, requests, journey, repeats] = await inOrder([
    db
      .select()
      .from(messages)
      .where(eq(messages.caseId, id))
      .orderBy(asc(messages.at), asc(messages.createdAt)),
    db.select().from(documents).where(eq(documents.caseId, id)).orderBy(asc(documents.providedAt)),
    db
      .select()
      .from(documentRequests)
      .where(eq(documentRequests.caseId, id))
      .orderBy(asc(documentRequests.createdAt)),
    db
      .select({ h: handoffs, toTeam: teams.key })
      .from(handoffs)
      .innerJoin(teams, eq(teams.id, handoffs.toTeamId))
      .where(eq(handoffs.caseId, id))
      .orderBy(asc(handoffs.createdAt)),
    db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.orgId, orgId), eq(cases.repeatOf, id)))
      .orderBy(asc(cases.createdAt)),
  ]);
  const { c, customer } = row;
  return {
    id: c.id,
    subject: c.subject,
    channel: c.channel,
    status: c.status,
    issueType: c.issueType,
    externalId: c.externalId,
    /** the earlier case this one repeats, and the later cases that repeat it (repeat contacts) */
    repeatOf: c.repeatOf,
    repeatedBy: repeats.map((r) => r.id),
    customer: { id: customer.id, externalId: customer.externalId, name: customer.name },
    messages: msgs.map((m) => ({
      id: m.id,
      role: m.role,
      text: m.text,
      at: m.at.toISOString(),
      sentiment: m.sentiment,
    })),
    documents: docs.map((d) => ({
      id: d.id,
      kind: d.kind,
      name: d.name,
      providedAt: d.providedAt.toISOString(),
    })),
    documentRequests: requests.map((r) => ({
      id: r.id,
      kind: r.kind,
      reason: r.reason,
      rerequest: r.rerequest,
      /** set when the ask was an agent's message (flagged when the kind is on file) */
      messageId: r.messageId,
      onFileDocumentId: r.onFileDocumentId,
      createdAt: r.createdAt.toISOString(),
    })),
    handoffs: journey.map(({ h, toTeam }) => ({
      id: h.id,
      scenario: h.scenarioId,
      state: h.state,
      toTeam,
      ownerId: h.ownerId,
      previousId: h.previousId,
      sentAt: iso(h.sentAt),
      resolvedAt: iso(h.resolvedAt),
    })),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export async function assertCaseExists(db: Queryable, orgId: string, id: string) {
  const [row] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.orgId, orgId), eq(cases.id, id)));
  if (!row) throw notFound('case', id);
}

export async function listCaseEvents(db: Queryable, orgId: string, caseId: string) {
  await assertCaseExists(db, orgId, caseId);
  const rows = await db
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.orgId, orgId), eq(caseEvents.caseId, caseId)))
    .orderBy(asc(caseEvents.seq));
  return rows.map((e) => ({
    id: e.id,
    seq: e.seq,
    type: e.type,
    at: e.at.toISOString(),
    actorId: e.actorId,
    handoffId: e.handoffId,
    data: e.data,
  }));
}

export async function listCases(db: Queryable, orgId: string, opts: { limit: number; before?: Date }) {
  const rows = await db
    .select({ c: cases, customer: customers.name })
    .from(cases)
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .where(and(eq(cases.orgId, orgId), opts.before ? lt(cases.createdAt, opts.before) : undefined))
    .orderBy(desc(cases.createdAt))
    .limit(opts.limit);
  return rows.map(({ c, customer }) => ({
    id: c.id,
    subject: c.subject,
    channel: c.channel,
    status: c.status,
    issueType: c.issueType,
    customer,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  }));
}
