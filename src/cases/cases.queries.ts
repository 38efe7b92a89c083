import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import { customers } from '../customers/customers.table.ts';
import type { Queryable } from '../db/database.ts';
import { epochMs } from '../db/json-facts.ts';
import { documentRequests, documents } from '../documents/documents.table.ts';
import { caseEvents } from '../events/events.table.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { notFound } from '../http/errors.ts';
import { isoFromMs } from '../sla/instant.ts';
import { teams } from '../teams/teams.table.ts';
import { cases, messages } from './cases.table.ts';

type MessageFact = { id: string; role: string; text: string; at: number; sentiment: number | null };
type DocumentFact = { id: string; kind: string; name: string; providedAt: number };
type RequestFact = {
  id: string;
  kind: string;
  reason: string | null;
  rerequest: boolean;
  messageId: string | null;
  onFileDocumentId: string | null;
  createdAt: number;
};
type JourneyFact = {
  id: string;
  scenario: string;
  state: string;
  toTeam: string;
  ownerId: string | null;
  previousId: string | null;
  sentAt: number | null;
  resolvedAt: number | null;
};

/**
 * What a case's answer reads beside the case, as JSON subqueries of its one select: every case
 * creation answers with it, so it is one round trip, not six.
 */
const caseFacts = {
  messages: sql<MessageFact[]>`(select coalesce(json_agg(json_build_object('id', m.id, 'role', m.role,
      'text', m.text, 'at', ${epochMs('m.at')}, 'sentiment', m.sentiment) order by m.at, m.created_at), '[]'::json)
    from ${messages} m where m.case_id = ${cases.id})`,
  documents: sql<DocumentFact[]>`(select coalesce(json_agg(json_build_object('id', d.id, 'kind', d.kind,
      'name', d.name, 'providedAt', ${epochMs('d.provided_at')}) order by d.provided_at), '[]'::json)
    from ${documents} d where d.case_id = ${cases.id})`,
  requests: sql<RequestFact[]>`(select coalesce(json_agg(json_build_object('id', r.id, 'kind', r.kind,
      'reason', r.reason, 'rerequest', r.rerequest, 'messageId', r.message_id,
      'onFileDocumentId', r.on_file_document_id, 'createdAt', ${epochMs('r.created_at')})
      order by r.created_at), '[]'::json)
    from ${documentRequests} r where r.case_id = ${cases.id})`,
  journey: sql<JourneyFact[]>`(select coalesce(json_agg(json_build_object('id', h.id,
      'scenario', h.scenario_id, 'state', h.state, 'toTeam', t.key, 'ownerId', h.owner_id,
      'previousId', h.previous_id, 'sentAt', ${epochMs('h.sent_at')},
      'resolvedAt', ${epochMs('h.resolved_at')}) order by h.created_at), '[]'::json)
    from ${handoffs} h join ${teams} t on t.id = h.to_team_id where h.case_id = ${cases.id})`,
  repeatedBy: sql<string[]>`(select coalesce(json_agg(r.id order by r.created_at), '[]'::json)
    from ${cases} r where r.org_id = ${cases.orgId} and r.repeat_of = ${cases.id})`,
};

export async function getCase(db: Queryable, orgId: string, id: string) {
  const [row] = await db
    .select({ c: cases, customer: customers, ...caseFacts })
    .from(cases)
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .where(and(eq(cases.orgId, orgId), eq(cases.id, id)));
  if (!row) throw notFound('case', id);
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
    repeatedBy: row.repeatedBy,
    customer: { id: customer.id, externalId: customer.externalId, name: customer.name },
    messages: row.messages.map((m) => ({ ...m, at: isoFromMs(m.at)! })),
    documents: row.documents.map((d) => ({ ...d, providedAt: isoFromMs(d.providedAt)! })),
    documentRequests: row.requests.map((r) => ({
      id: r.id,
      kind: r.kind,
      reason: r.reason,
      rerequest: r.rerequest,
      /** set when the ask was an agent's message (flagged when the kind is on file) */
      messageId: r.messageId,
      onFileDocumentId: r.onFileDocumentId,
      createdAt: isoFromMs(r.createdAt)!,
    })),
    handoffs: row.journey.map((h) => ({
      ...h,
      sentAt: isoFromMs(h.sentAt),
      resolvedAt: isoFromMs(h.resolvedAt),
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
