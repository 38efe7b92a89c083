import { and, asc, desc, eq, inArray, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { cases } from '../cases/cases.table.ts';
import { customers } from '../customers/customers.table.ts';
import type { Queryable } from '../db/database.ts';
import { epochMs } from '../db/json-facts.ts';
import { decodeCursor, encodeCursor, olderThan } from '../db/keyset.ts';
import { eventDataOf } from '../events/events.queries.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { people } from '../people/people.table.ts';
import { parseScenarioVersion } from '../scenarios/parsed-versions.ts';
import { slaClocks } from '../sla/sla.table.ts';
import { teams } from '../teams/teams.table.ts';
import {
  type ClockFact,
  type EventFact,
  handoffView,
  type JourneyFact,
  type MessageFact,
  summaryView,
} from './handoff-view.ts';
import { handoffs } from './handoffs.table.ts';

const personName = (id: SQLWrapper) =>
  sql<string | null>`(select p.name from ${people} p where p.id = ${id})`;

/** The columns a list shows: a queue page of 500 rows must not carry 500 packets. */
const summaryColumns = {
  id: handoffs.id,
  caseId: handoffs.caseId,
  scenarioId: handoffs.scenarioId,
  scenarioVersion: handoffs.scenarioVersion,
  state: handoffs.state,
  fromKind: handoffs.fromKind,
  completeness: handoffs.completeness,
  bounceReason: handoffs.bounceReason,
  bounceNote: handoffs.bounceNote,
  previousId: handoffs.previousId,
  skills: handoffs.skills,
  createdAt: handoffs.createdAt,
  sentAt: handoffs.sentAt,
  acceptedAt: handoffs.acceptedAt,
  resolvedAt: handoffs.resolvedAt,
  updatedAt: handoffs.updatedAt,
};

/** A handoff's page also shows its packet and the customer update. */
const detailColumns = {
  ...summaryColumns,
  toTeamId: handoffs.toTeamId,
  packet: handoffs.packet,
  customerUpdate: handoffs.customerUpdate,
};

/** Handoffs with their teams, people, case and customer, reading the handoff columns given. */
function selectHandoffs<H extends typeof summaryColumns, F extends Record<string, SQL>>(
  db: Queryable,
  h: H,
  facts: F = {} as F,
) {
  return db
    .select({
      ...facts,
      h,
      toTeam: teams.key,
      toTeamName: teams.name,
      // Scalar subqueries, not joins: a seven-way join costs PostgreSQL more to plan (about 0.8 ms,
      // every read of a handoff) than the three key lookups cost to run.
      fromTeam: sql<string | null>`(select f.key from ${teams} f where f.id = ${handoffs.fromTeamId})`,
      ownerId: handoffs.ownerId,
      ownerName: personName(handoffs.ownerId),
      senderId: handoffs.senderId,
      senderName: personName(handoffs.senderId),
      caseSubject: cases.subject,
      customer: { id: customers.id, name: customers.name },
    })
    .from(handoffs)
    .innerJoin(teams, eq(teams.id, handoffs.toTeamId))
    .innerJoin(cases, eq(cases.id, handoffs.caseId))
    .innerJoin(customers, eq(customers.id, cases.customerId));
}
const summarySelect = (db: Queryable) => selectHandoffs(db, summaryColumns);

/**
 * What a handoff's page reads beside the handoff, as correlated subqueries of the one select: a
 * handoff is read in one round trip (every move answers with it, so it is on the hot path).
 */
const detailFacts = {
  clocks: sql<ClockFact[]>`(select coalesce(json_agg(json_build_object(
      'name', k.name, 'target', k.target, 'state', k.state, 'startedAt', ${epochMs('k.started_at')},
      'deadline', ${epochMs('k.deadline')}, 'pausedAt', ${epochMs('k.paused_at')},
      'stoppedAt', ${epochMs('k.stopped_at')}, 'breachedAt', ${epochMs('k.breached_at')},
      'nextRung', k.next_rung, 'rungDueAt', ${epochMs('k.rung_due_at')})
      order by k.created_at, k.budget_ms, k.name), '[]'::json)
    from sla_clocks k where k.handoff_id = ${handoffs.id})`,
  // Its own events, and documents asked for again on the case (dated, filtered below).
  events: sql<EventFact[]>`(select coalesce(json_agg(json_build_object(
      'id', e.id, 'handoffId', e.handoff_id, 'type', e.type, 'at', ${epochMs('e.at')}, 'data', ${eventDataOf('e')}) order by e.seq), '[]'::json)
    from case_events e where e.case_id = ${handoffs.caseId}
      and (e.handoff_id = ${handoffs.id} or e.type = 'document.rerequested'))`,
  customerMessages: sql<MessageFact[]>`(select coalesce(json_agg(json_build_object(
      'id', m.id, 'text', m.text, 'at', ${epochMs('m.at')}) order by m.at, m.id), '[]'::json)
    from messages m where m.case_id = ${handoffs.caseId} and m.role = 'customer')`,
  // The handoffs of the case's journey before this one: for the ping-pong check.
  earlier: sql<JourneyFact[]>`(select coalesce(json_agg(json_build_object(
      'toTeamId', j.to_team_id, 'fromTeamId', j.from_team_id)), '[]'::json)
    from handoffs j where j.case_id = ${handoffs.caseId}
      and j.state in ('sent', 'accepted', 'resolved', 'bounced') and j.created_at < ${handoffs.createdAt})`,
  definition: sql<unknown>`(select s.definition from scenarios s where s.org_id = ${handoffs.orgId}
      and s.id = ${handoffs.scenarioId} and s.version = ${handoffs.scenarioVersion})`,
  tunedWeights: sql<Record<string, number> | null>`(select w.weights from qa_check_weights w
      where w.org_id = ${handoffs.orgId} and w.scenario_id = ${handoffs.scenarioId})`,
};

export async function getHandoff(db: Queryable, orgId: string, id: string) {
  const [view] = await getHandoffs(db, orgId, [id]);
  if (!view) throw notFound('handoff', id);
  return view;
}

/** Several handoffs' full views in one select (a batch of sends answers with them), in `ids` order. */
export async function getHandoffs(db: Queryable, orgId: string, ids: string[]) {
  const rows = await detailSelect(db).where(and(eq(handoffs.orgId, orgId), inArray(handoffs.id, ids)));
  const byId = new Map(rows.map((r) => [r.h.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const { definition, ...facts } = r;
    const { scenarioId, scenarioVersion } = r.h;
    const scenario = definition
      ? parseScenarioVersion(orgId, scenarioId, scenarioVersion, definition)
      : undefined;
    return [handoffView({ ...facts, scenario })];
  });
}

const detailSelect = (db: Queryable) => selectHandoffs(db, detailColumns, detailFacts);

export type HandoffFilter = {
  team?: string;
  state?: string;
  owner?: string;
  caseId?: string;
  limit: number;
  cursor?: string;
};

/** Newest first, keyset-paginated: `nextCursor` resumes after the last row. */
/**
 * A filter naming a team or a person the organisation does not have is refused, as a send naming
 * one is: an empty page would read as "nothing there" when the name was mistyped.
 */
async function refuseUnknownFilters(db: Queryable, orgId: string, f: HandoffFilter) {
  if (f.team) {
    const [team] = await db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.orgId, orgId), eq(teams.key, f.team)));
    if (!team) throw new ApiError('unknown_team', `no team with key ${f.team}`, { field: 'team' });
  }
  if (f.owner) {
    const [person] = await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.orgId, orgId), eq(people.id, f.owner)));
    if (!person)
      throw new ApiError('validation_failed', `owner: no person ${f.owner} in this organisation`, {
        field: 'owner',
      });
  }
}

export async function listHandoffs(db: Queryable, orgId: string, f: HandoffFilter) {
  await refuseUnknownFilters(db, orgId, f);
  const after = f.cursor ? decodeCursor(f.cursor) : undefined;
  const rows = await summarySelect(db)
    .where(
      and(
        eq(handoffs.orgId, orgId),
        f.team ? eq(teams.key, f.team) : undefined,
        f.state ? eq(handoffs.state, f.state) : undefined,
        f.owner ? eq(handoffs.ownerId, f.owner) : undefined,
        f.caseId ? eq(handoffs.caseId, f.caseId) : undefined,
        olderThan(handoffs.createdAt, handoffs.id, after),
      ),
    )
    .orderBy(desc(handoffs.createdAt), desc(handoffs.id))
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  const clocks = page.length
    ? await db
        .select({
          handoffId: slaClocks.handoffId,
          name: slaClocks.name,
          target: slaClocks.target,
          state: slaClocks.state,
          deadline: slaClocks.deadline,
        })
        .from(slaClocks)
        .where(
          inArray(
            slaClocks.handoffId,
            page.map((r) => r.h.id),
          ),
        )
        // As the handoff's own page lists them: started first, then the shorter target first.
        .orderBy(asc(slaClocks.createdAt), asc(slaClocks.budgetMs), asc(slaClocks.name))
    : [];
  const last = page[page.length - 1];
  const clocksOf = new Map<string, typeof clocks>();
  for (const c of clocks) clocksOf.set(c.handoffId, [...(clocksOf.get(c.handoffId) ?? []), c]);
  return {
    items: page.map((r) => ({
      ...summaryView(r),
      sla: (clocksOf.get(r.h.id) ?? []).map((c) => ({
        name: c.name,
        target: c.target,
        state: c.state,
        deadline: c.deadline?.toISOString() ?? null,
      })),
    })),
    nextCursor: rows.length > f.limit && last ? encodeCursor(last.h) : null,
  };
}
