import { and, asc, desc, eq, gte, inArray, isNotNull, lt, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { cases } from '../cases/cases.table.ts';
import type { Queryable } from '../db/database.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { people } from '../people/people.table.ts';
import { slaClocks } from '../sla/sla.table.ts';
import { teams } from '../teams/teams.table.ts';
import { qaReviews, qaSamplingRules, qaScorecards } from './qa.table.ts';
import { type SamplingRules, type Scorecard, samplingRulesSchema, scorecardSchema } from './qa.types.ts';

export type StoredScorecard = {
  id: string;
  version: number;
  definition: Scorecard;
  createdBy: string | null;
  createdAt: Date;
};

type ScorecardRow = typeof qaScorecards.$inferSelect;
const stored = (r: ScorecardRow): StoredScorecard => ({
  id: r.id,
  version: r.version,
  definition: scorecardSchema.parse(r.definition),
  createdBy: r.createdBy,
  createdAt: r.createdAt,
});

export const scorecardView = (s: StoredScorecard) => ({
  id: s.id,
  version: s.version,
  ...s.definition,
  createdAt: s.createdAt.toISOString(),
});

export async function currentScorecard(db: Queryable, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(qaScorecards)
    .where(and(eq(qaScorecards.orgId, orgId), eq(qaScorecards.id, id)))
    .orderBy(desc(qaScorecards.version))
    .limit(1);
  return row && stored(row);
}

/** Every version of a scorecard, newest first. */
export async function scorecardVersions(db: Queryable, orgId: string, id: string) {
  const rows = await db
    .select()
    .from(qaScorecards)
    .where(and(eq(qaScorecards.orgId, orgId), eq(qaScorecards.id, id)))
    .orderBy(desc(qaScorecards.version));
  return rows.map(stored);
}

export async function listScorecards(db: Queryable, orgId: string) {
  const rows = await db
    .selectDistinctOn([qaScorecards.id])
    .from(qaScorecards)
    .where(eq(qaScorecards.orgId, orgId))
    .orderBy(qaScorecards.id, desc(qaScorecards.version));
  return rows.map(stored);
}

export async function samplingRulesFor(db: Queryable, orgId: string): Promise<SamplingRules> {
  const [row] = await db.select().from(qaSamplingRules).where(eq(qaSamplingRules.orgId, orgId));
  return samplingRulesSchema.parse(row?.rules ?? {});
}

/** Names of people by id (`admin` is the admin token). */
export async function namesOf(db: Queryable, orgId: string, ids: string[]) {
  const wanted = [...new Set(ids)].filter((id) => id !== 'admin');
  const rows = wanted.length
    ? await db
        .select({ id: people.id, name: people.name })
        .from(people)
        .where(and(eq(people.orgId, orgId), inArray(people.id, wanted)))
    : [];
  const names = new Map(rows.map((r) => [r.id, r.name]));
  names.set('admin', 'Admin token');
  return names;
}

export type ReviewRow = typeof qaReviews.$inferSelect;

export async function reviewView(db: Queryable, orgId: string, rows: ReviewRow[]) {
  const names = await namesOf(
    db,
    orgId,
    rows.map((r) => r.reviewerId),
  );
  return rows.map((r) => ({
    id: r.id,
    handoffId: r.handoffId,
    scorecardId: r.scorecardId,
    scorecardVersion: r.scorecardVersion,
    reviewer: { id: r.reviewerId, name: names.get(r.reviewerId) ?? r.reviewerId },
    total: r.total,
    criticalFail: r.criticalFail,
    scores: r.scores,
    comment: r.comment,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function reviewsOfHandoff(db: Queryable, orgId: string, handoffId: string) {
  const rows = await db
    .select()
    .from(qaReviews)
    .where(and(eq(qaReviews.orgId, orgId), eq(qaReviews.handoffId, handoffId)))
    .orderBy(asc(qaReviews.createdAt), asc(qaReviews.id));
  return reviewView(db, orgId, rows);
}

export async function reviewsOfScorecard(db: Queryable, orgId: string, scorecardId: string) {
  return db
    .select()
    .from(qaReviews)
    .where(and(eq(qaReviews.orgId, orgId), eq(qaReviews.scorecardId, scorecardId)))
    .orderBy(asc(qaReviews.createdAt));
}

export async function handoffExists(db: Queryable, orgId: string, id: string) {
  const [row] = await db
    .select({
      id: handoffs.id,
      caseId: handoffs.caseId,
      scenarioId: handoffs.scenarioId,
      state: handoffs.state,
    })
    .from(handoffs)
    .where(and(eq(handoffs.orgId, orgId), eq(handoffs.id, id)));
  return row;
}

const sender = alias(people, 'sender');

/** Sent handoffs in [since, until): what the review queue samples from. */
export async function queueCandidates(db: Queryable, orgId: string, since: Date, until: Date) {
  // A clock that pages at once (a zero target, `pagesAtOnce`) breaches by design: not a breach to review.
  const breached = sql<boolean>`exists (select 1 from ${slaClocks} where ${slaClocks.handoffId} = ${handoffs.id} and ${slaClocks.breachedAt} is not null and ${slaClocks.target} !~* '^PT[0HMS.]+$')`;
  const rows = await db
    .select({
      id: handoffs.id,
      caseId: handoffs.caseId,
      subject: cases.subject,
      scenario: handoffs.scenarioId,
      state: handoffs.state,
      bounceReason: handoffs.bounceReason,
      sentAt: handoffs.sentAt,
      toTeam: teams.key,
      sender: { id: sender.id, name: sender.name },
      fromKind: handoffs.fromKind,
      breached,
    })
    .from(handoffs)
    .innerJoin(teams, eq(teams.id, handoffs.toTeamId))
    .innerJoin(cases, eq(cases.id, handoffs.caseId))
    .leftJoin(sender, eq(sender.id, handoffs.senderId))
    .where(
      and(
        eq(handoffs.orgId, orgId),
        isNotNull(handoffs.sentAt),
        ne(handoffs.state, 'draft'),
        gte(handoffs.sentAt, since),
        lt(handoffs.sentAt, until),
      ),
    )
    .orderBy(desc(handoffs.sentAt), desc(handoffs.id));
  return rows.map((r) => ({
    ...r,
    sender: r.sender?.id ? r.sender : null,
    sentAt: r.sentAt!.toISOString(),
    bounced: r.bounceReason !== null,
    breached: r.breached === true || String(r.breached) === 'true',
  }));
}

/** Handoffs a reviewer already reviewed (on one scorecard, or any). */
export async function reviewedBy(db: Queryable, orgId: string, reviewerId: string, scorecardId?: string) {
  const rows = await db
    .select({ handoffId: qaReviews.handoffId })
    .from(qaReviews)
    .where(
      and(
        eq(qaReviews.orgId, orgId),
        eq(qaReviews.reviewerId, reviewerId),
        scorecardId ? eq(qaReviews.scorecardId, scorecardId) : undefined,
      ),
    );
  return new Set(rows.map((r) => r.handoffId));
}

/** How many reviews each handoff has, by anyone: the queue shows where calibration overlaps. */
export async function reviewCounts(db: Queryable, orgId: string, handoffIds: string[]) {
  if (handoffIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ handoffId: qaReviews.handoffId, n: sql<number>`count(*)::int` })
    .from(qaReviews)
    .where(and(eq(qaReviews.orgId, orgId), inArray(qaReviews.handoffId, handoffIds)))
    .groupBy(qaReviews.handoffId);
  return new Map(rows.map((r) => [r.handoffId, Number(r.n)]));
}
