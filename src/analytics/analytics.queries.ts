import { and, asc, desc, eq, gte, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { cases, messages } from '../cases/cases.table.ts';
import type { Queryable } from '../db/database.ts';
import { documentRequests } from '../documents/documents.table.ts';
import { caseEvents } from '../events/events.table.ts';
import { EventType } from '../events/names.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { notFound } from '../http/errors.ts';
import { organisations } from '../orgs/orgs.table.ts';
import { satisfactionRatings } from '../satisfaction/satisfaction.table.ts';
import { listScenarios } from '../scenarios/scenarios.queries.ts';
import { slaClocks } from '../sla/sla.table.ts';
import { teams } from '../teams/teams.table.ts';
import { routedTerms } from '../vocabulary/taxonomy.ts';
import { loadTaxonomy } from '../vocabulary/vocabulary.queries.ts';
import { weeklyReviews } from './analytics.table.ts';
import type { Facts } from './facts.ts';
import type { Period } from './period.ts';
import { isoWeek } from './period.ts';
import { buildWeeklyReview } from './review.ts';

const CHUNK = 1000;
/** The events the figures and the quality checks read. */
const EVENT_TYPES = [
  EventType.handoffSent,
  EventType.handoffAccepted,
  EventType.handoffBounced,
  EventType.handoffResolved,
  EventType.ownerChanged,
  EventType.slaBreached,
  EventType.slaMet,
  EventType.sentimentDip,
  EventType.documentRerequested,
  EventType.caseResolved,
  EventType.caseReopened,
];
const fromTeam = alias(teams, 'from_team');
const ms = (d: Date | null) => (d ? d.getTime() : null);

async function chunked<T>(ids: string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await load(ids.slice(i, i + CHUNK))));
  return out;
}

export async function organisationOf(db: Queryable, orgId: string) {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId));
  if (!org) throw notFound('organisation', orgId);
  return org;
}

/**
 * The facts behind the figures of a period: cases opened in it and cases with a handoff sent in it,
 * with their sent handoffs, clocks, events, customer messages and document requests; the later cases
 * linked to them as repeat contacts; teams and current scenarios.
 */
export async function loadFacts(db: Queryable, orgId: string, period: Period): Promise<Facts> {
  const from = new Date(period.from);
  const to = new Date(period.to);
  const org = await organisationOf(db, orgId);
  const sentInPeriod = db
    .select({ id: handoffs.caseId })
    .from(handoffs)
    .where(and(eq(handoffs.orgId, orgId), gte(handoffs.sentAt, from), lt(handoffs.sentAt, to)));
  const caseRows = await db
    .select()
    .from(cases)
    .where(
      and(
        eq(cases.orgId, orgId),
        or(and(gte(cases.createdAt, from), lt(cases.createdAt, to)), inArray(cases.id, sentInPeriod)),
      ),
    );
  const ids = caseRows.map((c) => c.id);
  const [
    handoffRows,
    clockRows,
    eventRows,
    messageRows,
    requestRows,
    contactRows,
    teamRows,
    scenarioRows,
    ratingRows,
  ] = await Promise.all([
    chunked(ids, (chunk) =>
      db
        .select({
          h: handoffs,
          toTeam: teams.key,
          fromTeam: fromTeam.key,
          summary: sql<string | null>`${handoffs.packet}->>'summary'`,
        })
        .from(handoffs)
        .innerJoin(teams, eq(teams.id, handoffs.toTeamId))
        .leftJoin(fromTeam, eq(fromTeam.id, handoffs.fromTeamId))
        .where(and(inArray(handoffs.caseId, chunk), isNotNull(handoffs.sentAt))),
    ),
    chunked(ids, (chunk) => db.select().from(slaClocks).where(inArray(slaClocks.caseId, chunk))),
    chunked(ids, (chunk) =>
      db
        .select()
        .from(caseEvents)
        .where(and(inArray(caseEvents.caseId, chunk), inArray(caseEvents.type, EVENT_TYPES)))
        .orderBy(asc(caseEvents.seq)),
    ),
    chunked(ids, (chunk) =>
      db
        .select({ id: messages.id, caseId: messages.caseId, text: messages.text, at: messages.at })
        .from(messages)
        .where(and(inArray(messages.caseId, chunk), eq(messages.role, 'customer'))),
    ),
    chunked(ids, (chunk) =>
      db.select().from(documentRequests).where(inArray(documentRequests.caseId, chunk)),
    ),
    chunked(ids, (chunk) =>
      db
        .select({
          id: cases.id,
          customerId: cases.customerId,
          createdAt: cases.createdAt,
          repeatOf: cases.repeatOf,
        })
        .from(cases)
        .where(and(eq(cases.orgId, orgId), inArray(cases.repeatOf, chunk))),
    ),
    db
      .select({ key: teams.key, name: teams.name, calendar: teams.calendar })
      .from(teams)
      .where(eq(teams.orgId, orgId)),
    listScenarios(db, orgId),
    chunked(ids, (chunk) =>
      db
        .select({
          id: satisfactionRatings.id,
          caseId: satisfactionRatings.caseId,
          handoffId: satisfactionRatings.handoffId,
          satisfied: satisfactionRatings.satisfied,
          at: satisfactionRatings.ratedAt,
        })
        .from(satisfactionRatings)
        .where(inArray(satisfactionRatings.caseId, chunk)),
    ),
  ]);
  return {
    timezone: org.timezone,
    cases: caseRows.map((c) => ({
      id: c.id,
      customerId: c.customerId,
      subject: c.subject,
      channel: c.channel,
      issueType: c.issueType,
      status: c.status,
      createdAt: c.createdAt.getTime(),
    })),
    contacts: contactRows.map((c) => ({
      id: c.id,
      customerId: c.customerId,
      createdAt: c.createdAt.getTime(),
      repeatOf: c.repeatOf,
    })),
    handoffs: handoffRows.map(({ h, toTeam, fromTeam: from, summary }) => ({
      id: h.id,
      caseId: h.caseId,
      scenarioId: h.scenarioId,
      fromKind: h.fromKind,
      fromTeam: from,
      toTeam,
      state: h.state,
      ownerId: h.ownerId,
      completeness: h.completeness,
      bounceReason: h.bounceReason,
      previousId: h.previousId,
      summary: summary ?? undefined,
      createdAt: h.createdAt.getTime(),
      sentAt: h.sentAt!.getTime(),
      acceptedAt: ms(h.acceptedAt),
      resolvedAt: ms(h.resolvedAt),
    })),
    clocks: clockRows.map((c) => ({
      id: c.id,
      handoffId: c.handoffId,
      name: c.name,
      target: c.target,
      state: c.state,
      calendar: c.calendar,
      startedAt: c.startedAt.getTime(),
      stoppedAt: ms(c.stoppedAt),
      breachedAt: ms(c.breachedAt),
      budgetMs: Number(c.budgetMs),
      consumedMs: Number(c.consumedMs),
      segmentStartedAt: ms(c.segmentStartedAt),
    })),
    events: eventRows.map((e) => ({
      id: e.id,
      caseId: e.caseId,
      handoffId: e.handoffId,
      type: e.type,
      at: e.at.getTime(),
      data: e.data as Record<string, unknown>,
    })),
    messages: messageRows.map((m) => ({ id: m.id, caseId: m.caseId, text: m.text, at: m.at.getTime() })),
    documentRequests: requestRows.map((r) => ({
      id: r.id,
      caseId: r.caseId,
      kind: r.kind,
      rerequest: r.rerequest,
      at: r.createdAt.getTime(),
    })),
    ratings: ratingRows.map((r) => ({ ...r, at: r.at.getTime() })),
    teams: teamRows,
    scenarios: scenarioRows.map((s) => ({
      id: s.definition.id,
      version: s.version,
      definition: s.definition,
    })),
  };
}

/** The review of an ISO week, built now from the facts of that week and the week before. */
export async function weeklyReview(db: Queryable, orgId: string, weekId: string) {
  const org = await organisationOf(db, orgId);
  const week = isoWeek(weekId, org.timezone);
  const [facts, taxonomy] = await Promise.all([
    loadFacts(db, orgId, { from: week.previous.start, to: week.end }),
    loadTaxonomy(db, orgId),
  ]);
  return {
    organisation: org,
    review: buildWeeklyReview(facts, week, { routedTerms: routedTerms(taxonomy) }),
  };
}

export async function listWeeklyReviews(db: Queryable, orgId: string) {
  const rows = await db
    .select({ week: weeklyReviews.week, createdAt: weeklyReviews.createdAt })
    .from(weeklyReviews)
    .where(eq(weeklyReviews.orgId, orgId))
    .orderBy(desc(weeklyReviews.week));
  return rows.map((r) => ({ week: r.week, createdAt: r.createdAt.toISOString() }));
}

export async function storedWeeklyReview(db: Queryable, orgId: string, week: string) {
  const [row] = await db
    .select()
    .from(weeklyReviews)
    .where(and(eq(weeklyReviews.orgId, orgId), eq(weeklyReviews.week, week)));
  return row ? { week: row.week, createdAt: row.createdAt.toISOString(), review: row.json } : null;
}
