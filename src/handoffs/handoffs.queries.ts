import { and, asc, desc, eq, inArray, lt, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { cases, messages } from '../cases/cases.table.ts';
import { detectRepeats } from '../conversation/repeats-after.ts';
import { customers } from '../customers/customers.table.ts';
import { inOrder, type Queryable } from '../db/database.ts';
import { caseEvents } from '../events/events.table.ts';
import { notFound } from '../http/errors.ts';
import { missingFields } from '../packets/completeness.ts';
import type { Packet } from '../packets/packet.types.ts';
import { people } from '../people/people.table.ts';
import { handoffQuality } from '../qa/quality.ts';
import { qualityWeightsFor } from '../qa/weights.queries.ts';
import { requiredFields } from '../scenarios/scenario-view.ts';
import { scenarioVersion } from '../scenarios/scenarios.queries.ts';
import { slaClocks } from '../sla/sla.table.ts';
import { teams } from '../teams/teams.table.ts';
import { handoffs } from './handoffs.table.ts';
import { allowedActions, type HandoffState } from './state-machine.ts';

const owner = alias(people, 'owner');
const sender = alias(people, 'sender');
const fromTeam = alias(teams, 'from_team');
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

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
function selectHandoffs<H extends typeof summaryColumns>(db: Queryable, h: H) {
  return db
    .select({
      h,
      toTeam: teams.key,
      toTeamName: teams.name,
      fromTeam: fromTeam.key,
      owner: { id: owner.id, name: owner.name },
      sender: { id: sender.id, name: sender.name },
      caseSubject: cases.subject,
      customer: { id: customers.id, name: customers.name },
    })
    .from(handoffs)
    .innerJoin(teams, eq(teams.id, handoffs.toTeamId))
    .innerJoin(cases, eq(cases.id, handoffs.caseId))
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .leftJoin(fromTeam, eq(fromTeam.id, handoffs.fromTeamId))
    .leftJoin(owner, eq(owner.id, handoffs.ownerId))
    .leftJoin(sender, eq(sender.id, handoffs.senderId));
}
const baseSelect = (db: Queryable) => selectHandoffs(db, detailColumns);
const summarySelect = (db: Queryable) => selectHandoffs(db, summaryColumns);
type BaseRow = Awaited<ReturnType<ReturnType<typeof baseSelect>['where']>>[number];
type SummaryRow = Awaited<ReturnType<ReturnType<typeof summarySelect>['where']>>[number];

function summaryView(r: SummaryRow | BaseRow) {
  const h = r.h;
  return {
    id: h.id,
    caseId: h.caseId,
    caseSubject: r.caseSubject,
    customer: r.customer,
    scenario: h.scenarioId,
    scenarioVersion: h.scenarioVersion,
    state: h.state,
    fromKind: h.fromKind,
    fromTeam: r.fromTeam,
    sender: r.sender?.id ? r.sender : null,
    toTeam: r.toTeam,
    toTeamName: r.toTeamName,
    owner: r.owner?.id ? r.owner : null,
    completeness: h.completeness,
    bounce: h.bounceReason ? { reason: h.bounceReason, note: h.bounceNote } : null,
    previousId: h.previousId,
    createdAt: iso(h.createdAt),
    sentAt: iso(h.sentAt),
    acceptedAt: iso(h.acceptedAt),
    resolvedAt: iso(h.resolvedAt),
    updatedAt: iso(h.updatedAt),
  };
}

export async function getHandoff(db: Queryable, orgId: string, id: string) {
  const [r] = await baseSelect(db).where(and(eq(handoffs.orgId, orgId), eq(handoffs.id, id)));
  if (!r) throw notFound('handoff', id);
  const h = r.h;
  const [clocks, events, msgs, journey] = await inOrder([
    db.select().from(slaClocks).where(eq(slaClocks.handoffId, id)).orderBy(asc(slaClocks.createdAt)),
    db.select().from(caseEvents).where(eq(caseEvents.caseId, h.caseId)).orderBy(asc(caseEvents.seq)),
    db.select().from(messages).where(eq(messages.caseId, h.caseId)).orderBy(asc(messages.at)),
    db
      .select({
        id: handoffs.id,
        toTeamId: handoffs.toTeamId,
        fromTeamId: handoffs.fromTeamId,
        createdAt: handoffs.createdAt,
      })
      .from(handoffs)
      .where(
        and(
          eq(handoffs.caseId, h.caseId),
          inArray(handoffs.state, ['sent', 'accepted', 'resolved', 'bounced']),
        ),
      )
      .orderBy(asc(handoffs.createdAt)),
  ]);
  const scenario = await scenarioVersion(db, orgId, h.scenarioId, h.scenarioVersion);
  const weights = await qualityWeightsFor(db, orgId, h.scenarioId);
  const sentAt = h.sentAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const endAt = h.resolvedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const mine = events.filter(
    (e) =>
      e.handoffId === id ||
      (e.type === 'document.rerequested' && e.at.getTime() >= sentAt && e.at.getTime() <= endAt),
  );
  const customerMsgs = msgs.filter((m) => m.role === 'customer');
  const before = customerMsgs.filter((m) => m.at.getTime() <= sentAt);
  const after = customerMsgs.filter((m) => m.at.getTime() > sentAt && m.at.getTime() <= endAt);
  const earlier = journey.filter((j) => j.createdAt < h.createdAt);
  const heldBefore = new Set(earlier.flatMap((j) => [j.fromTeamId, j.toTeamId]));
  const packet = h.packet as Packet;
  return {
    ...summaryView(r),
    packet,
    missing: scenario ? missingFields(packet, requiredFields(scenario)) : [],
    sla: clocks.map((c) => ({
      name: c.name,
      target: c.target,
      state: c.state,
      startedAt: iso(c.startedAt),
      deadline: iso(c.deadline),
      pausedAt: iso(c.pausedAt),
      stoppedAt: iso(c.stoppedAt),
      breachedAt: iso(c.breachedAt),
    })),
    customerUpdate: h.customerUpdate ?? null,
    quality: handoffQuality(
      {
        state: h.state,
        bounceReason: h.bounceReason,
        summary: packet.summary,
        clocks: clocks.map((c) => ({ name: c.name, state: c.state, target: c.target })),
        events: mine.map((e) => ({
          id: e.id,
          type: e.type,
          at: e.at.toISOString(),
          data: e.data as Record<string, unknown>,
        })),
        repeats: detectRepeats(
          before.map((m) => ({ id: m.id, text: m.text })),
          after.map((m) => ({ id: m.id, text: m.text })),
        ),
        customerMessagesAfterSend: after.length,
        pingPongOf: heldBefore.has(h.toTeamId) && earlier.length > 0 ? r.toTeam : null,
      },
      weights,
    ),
    actions: allowedActions(h.state as HandoffState),
  };
}

export type HandoffFilter = {
  team?: string;
  state?: string;
  owner?: string;
  caseId?: string;
  limit: number;
  cursor?: string;
};

function decodeCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const when = new Date(at ?? '');
  return Number.isNaN(when.getTime()) || !id ? undefined : { at: when, id };
}

/** Newest first, keyset-paginated: `nextCursor` resumes after the last row. */
export async function listHandoffs(db: Queryable, orgId: string, f: HandoffFilter) {
  const after = decodeCursor(f.cursor);
  const rows = await summarySelect(db)
    .where(
      and(
        eq(handoffs.orgId, orgId),
        f.team ? eq(teams.key, f.team) : undefined,
        f.state ? eq(handoffs.state, f.state) : undefined,
        f.owner ? eq(handoffs.ownerId, f.owner) : undefined,
        f.caseId ? eq(handoffs.caseId, f.caseId) : undefined,
        after
          ? or(
              lt(handoffs.createdAt, after.at),
              and(eq(handoffs.createdAt, after.at), lt(handoffs.id, after.id)),
            )
          : undefined,
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
        deadline: iso(c.deadline),
      })),
    })),
    nextCursor:
      rows.length > f.limit && last
        ? Buffer.from(`${last.h.createdAt.toISOString()}|${last.h.id}`).toString('base64url')
        : null,
  };
}
