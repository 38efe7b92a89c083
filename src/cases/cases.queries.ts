import { and, asc, desc, eq, getTableColumns, inArray, lt, notInArray, type SQL, sql } from 'drizzle-orm';
import { customers } from '../customers/customers.table.ts';
import { type Queryable, rowsOf } from '../db/database.ts';
import { epochMs } from '../db/json-facts.ts';
import { decodeCursor, encodeCursor, olderThan } from '../db/keyset.ts';
import { executePrepared } from '../db/prepared.ts';
import { documentRequests, documents } from '../documents/documents.table.ts';
import { eventDataOf } from '../events/events.queries.ts';
import { caseEvents } from '../events/events.table.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { notFound } from '../http/errors.ts';
import { pagesAtOnce } from '../sla/deadline.ts';
import { isoFromMs } from '../sla/instant.ts';
import { slaClocks } from '../sla/sla.table.ts';
import { teams } from '../teams/teams.table.ts';
import {
  type ListedColumns,
  probeCases,
  searchFinds,
  searchFindsEach,
  searchIsCommon,
  withinNewest,
} from './case-search.queries.ts';
import { cases, messages } from './cases.table.ts';
import { conversationMatches, type SearchMatch } from './search.queries.ts';
import { searchTerms } from './search.ts';

type MessageFact = {
  id: string;
  role: string;
  text: string;
  at: number;
  sentiment: number | null;
  /** The person who wrote it in Baton (an agent's reply, a note); null for the customer and imports. */
  authorId: string | null;
};
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
      'text', m.text, 'at', ${epochMs('m.at')}, 'sentiment', m.sentiment, 'authorId', m.author_id) order by m.at, m.created_at), '[]'::json)
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

type CaseRow = {
  id: string;
  subject: string;
  channel: string;
  status: string;
  issue_type: string | null;
  external_id: string | null;
  repeat_of: string | null;
  created_at: number;
  updated_at: number;
  customer_id: string;
  customer_external_id: string;
  customer_name: string;
  messages: MessageFact[];
  documents: DocumentFact[];
  requests: RequestFact[];
  journey: JourneyFact[];
  repeated_by: string[];
};

/**
 * A case as the API answers it. Every case creation answers with it, so it runs as a named
 * prepared statement (db/prepared.ts): with its five subqueries, planning it cost twice what
 * running it does (PGlite, 500 cases: 1.8 ms a read planned each time, 0.6 ms prepared).
 */
export async function getCase(db: Queryable, orgId: string, id: string) {
  const res = await executePrepared(
    db,
    sql`select ${cases.id} as id, ${cases.subject} as subject, ${cases.channel} as channel,
      ${cases.status} as status, ${cases.issueType} as issue_type, ${cases.externalId} as external_id,
      ${cases.repeatOf} as repeat_of, ${epochMs('"cases"."created_at"')} as created_at,
      ${epochMs('"cases"."updated_at"')} as updated_at, ${customers.id} as customer_id,
      ${customers.externalId} as customer_external_id, ${customers.name} as customer_name,
      ${caseFacts.messages} as messages, ${caseFacts.documents} as documents,
      ${caseFacts.requests} as requests, ${caseFacts.journey} as journey,
      ${caseFacts.repeatedBy} as repeated_by
    from ${cases} join ${customers} on ${customers.id} = ${cases.customerId}
    where ${cases.orgId} = ${orgId} and ${cases.id} = ${id}`,
  );
  const [c] = rowsOf<CaseRow>(res);
  if (!c) throw notFound('case', id);
  return {
    id: c.id,
    subject: c.subject,
    channel: c.channel,
    status: c.status,
    issueType: c.issue_type,
    externalId: c.external_id,
    /** the earlier case this one repeats, and the later cases that repeat it (repeat contacts) */
    repeatOf: c.repeat_of,
    repeatedBy: c.repeated_by,
    customer: { id: c.customer_id, externalId: c.customer_external_id, name: c.customer_name },
    messages: c.messages.map((m) => ({ ...m, at: isoFromMs(m.at)! })),
    documents: c.documents.map((d) => ({ ...d, providedAt: isoFromMs(d.providedAt)! })),
    documentRequests: c.requests.map((r) => ({
      id: r.id,
      kind: r.kind,
      reason: r.reason,
      rerequest: r.rerequest,
      /** set when the ask was an agent's message (flagged when the kind is on file) */
      messageId: r.messageId,
      onFileDocumentId: r.onFileDocumentId,
      createdAt: isoFromMs(r.createdAt)!,
    })),
    handoffs: c.journey.map((h) => ({
      ...h,
      sentAt: isoFromMs(h.sentAt),
      resolvedAt: isoFromMs(h.resolvedAt),
    })),
    createdAt: isoFromMs(Number(c.created_at))!,
    updatedAt: isoFromMs(Number(c.updated_at))!,
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
    .select({ ...getTableColumns(caseEvents), data: eventDataOf() })
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

export type CaseFilter = {
  limit: number;
  /** Older than this instant (the first form of paging, kept for callers that use it). */
  before?: Date;
  cursor?: string;
  /**
   * Text of the subject, the customer's name or external id, or the case's id or external id; or
   * words of the subject or of the conversation (every word, each as a prefix: src/cases/search.ts).
   */
  q?: string;
  status?: string;
};

/**
 * Newest first, keyset-paginated, each case with where it is now: its latest open handoff, else its
 * latest that left the sender (not a draft, not cancelled), the team and owner holding it, and that handoff's nearest
 * running SLA deadline; and, for a search that its conversation matched, the message that matched
 * best, as a snippet.
 */
export async function listCases(db: Queryable, orgId: string, f: CaseFilter) {
  const after = f.cursor ? decodeCursor(f.cursor) : undefined;
  const q = f.q?.trim() || undefined;
  const terms = q ? searchTerms(q) : [];
  const words = terms.length > 0 ? terms : null;
  const listed = (table: ListedColumns) =>
    and(
      eq(table.orgId, orgId),
      f.before ? lt(table.createdAt, f.before) : undefined,
      f.status ? eq(table.status, f.status) : undefined,
      olderThan(table.createdAt, table.id, after),
    );
  const select = (where: SQL | undefined) =>
    db
      .select({ c: cases, customer: customers.name })
      .from(cases)
      .innerJoin(customers, eq(customers.id, cases.customerId))
      .where(and(listed(cases), where))
      .orderBy(desc(cases.createdAt), desc(cases.id))
      .limit(f.limit + 1);
  // A common search first probes the newest cases one by one, where it fills the page at once, and
  // skips the sets of every match. The probe's cases are a head of the list's order, so a full page
  // from it is the list's; a page it leaves short (the word common only in older cases) is read
  // through the sets after all.
  let rows =
    q && (await searchIsCommon(db, orgId, q))
      ? await select(and(withinNewest(db, listed, probeCases), searchFindsEach(db, orgId, q)))
      : [];
  if (rows.length <= f.limit) rows = await select(q ? searchFinds(db, orgId, q) : undefined);
  const page = rows.slice(0, f.limit);
  const ids = page.map((r) => r.c.id);
  const now = await whereNow(db, orgId, ids);
  const matches = words ? await conversationMatches(db, orgId, ids, words) : new Map<string, SearchMatch>();
  const last = page[page.length - 1];
  return {
    items: page.map(({ c, customer }) => ({
      id: c.id,
      subject: c.subject,
      channel: c.channel,
      status: c.status,
      issueType: c.issueType,
      customer,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      handoff: now.get(c.id) ?? null,
      match: matches.get(c.id) ?? null,
    })),
    nextCursor: rows.length > f.limit && last ? encodeCursor(last.c) : null,
  };
}

/** Where a case is now: its latest open handoff, else its latest that left the sender. */
export type WhereNow = {
  id: string;
  state: string;
  scenario: string;
  toTeam: string;
  ownerId: string | null;
  sentAt: string | null;
  /** The nearest deadline of the handoff's running SLA clocks. */
  deadline: string | null;
  /** Whether any of its clocks breached. */
  breached: boolean;
};

/**
 * Per case: its latest open handoff (sent or accepted), else its latest that left the sender, with
 * its nearest running deadline and whether a clock breached.
 */
async function whereNow(db: Queryable, orgId: string, caseIds: string[]): Promise<Map<string, WhereNow>> {
  if (caseIds.length === 0) return new Map();
  const latest = await db
    .selectDistinctOn([handoffs.caseId], {
      caseId: handoffs.caseId,
      id: handoffs.id,
      state: handoffs.state,
      scenario: handoffs.scenarioId,
      toTeam: teams.key,
      ownerId: handoffs.ownerId,
      sentAt: handoffs.sentAt,
    })
    .from(handoffs)
    .innerJoin(teams, eq(teams.id, handoffs.toTeamId))
    .where(
      and(
        eq(handoffs.orgId, orgId),
        inArray(handoffs.caseId, caseIds),
        notInArray(handoffs.state, ['draft', 'cancelled']),
      ),
    )
    // Open work first: an escalation resolved after it must not hide a handoff still waiting.
    .orderBy(
      handoffs.caseId,
      desc(sql`${handoffs.state} in ('sent', 'accepted')`),
      desc(handoffs.createdAt),
      desc(handoffs.id),
    );
  const clocks = latest.length
    ? await db
        .select({
          handoffId: slaClocks.handoffId,
          state: slaClocks.state,
          target: slaClocks.target,
          deadline: slaClocks.deadline,
        })
        .from(slaClocks)
        .where(
          inArray(
            slaClocks.handoffId,
            latest.map((h) => h.id),
          ),
        )
    : [];
  return new Map(
    latest.map((h) => {
      const own = clocks.filter((c) => c.handoffId === h.id);
      const deadlines = own.flatMap((c) =>
        c.state === 'running' && c.deadline ? [c.deadline.getTime()] : [],
      );
      return [
        h.caseId,
        {
          id: h.id,
          state: h.state,
          scenario: h.scenario,
          toTeam: h.toTeam,
          ownerId: h.ownerId,
          sentAt: h.sentAt?.toISOString() ?? null,
          deadline: deadlines.length ? new Date(Math.min(...deadlines)).toISOString() : null,
          // A clock that pages at once breaches by design: the page, not a broken promise.
          breached: own.some((c) => c.state === 'breached' && !pagesAtOnce(c.target)),
        },
      ];
    }),
  );
}
