import { and, desc, eq, gte, inArray, isNotNull, lt, ne } from 'drizzle-orm';
import { cases } from '../cases/cases.table.ts';
import type { Queryable } from '../db/database.ts';
import { getHandoff } from '../handoffs/handoffs.queries.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { people } from '../people/people.table.ts';
import { satisfactionRatings } from '../satisfaction/satisfaction.table.ts';
import { teams } from '../teams/teams.table.ts';
import { currentScorecard } from './qa.queries.ts';
import { qaReviews } from './qa.table.ts';
import type { CheckResult } from './quality.ts';
import { reportLimit } from './report.queries.ts';
import type { RatedHandoffRow } from './satisfaction-agreement.ts';
import type { ScoredItem } from './scorecard.ts';
import { qualityWeightsByScenario } from './weights.queries.ts';

const chunk = 200;

/**
 * The handoffs sent in [from, to) that a customer rated while they held the case, each with its
 * latest rating, its automatic checks (as `GET /handoffs/{id}` computes them) and its reviews: on
 * `scorecardId` only when one is given (then also its current criteria), else on any scorecard.
 */
export async function ratedHandoffRows(
  db: Queryable,
  orgId: string,
  from: Date,
  to: Date,
  scorecardId?: string,
): Promise<{ rows: RatedHandoffRow[]; criteria: { id: string; label: string }[] | null }> {
  const card = scorecardId ? await currentScorecard(db, orgId, scorecardId) : null;
  if (scorecardId && !card) throw notFound('scorecard', scorecardId);
  const ratings = await db
    .select({
      handoffId: handoffs.id,
      caseId: handoffs.caseId,
      subject: cases.subject,
      sentAt: handoffs.sentAt,
      scenario: handoffs.scenarioId,
      receivingTeam: { key: teams.key, name: teams.name },
      rating: satisfactionRatings.rating,
      satisfied: satisfactionRatings.satisfied,
      comment: satisfactionRatings.comment,
      ratedAt: satisfactionRatings.ratedAt,
    })
    .from(satisfactionRatings)
    .innerJoin(handoffs, eq(handoffs.id, satisfactionRatings.handoffId))
    .innerJoin(cases, eq(cases.id, handoffs.caseId))
    .innerJoin(teams, eq(teams.id, handoffs.toTeamId))
    .where(
      and(
        eq(satisfactionRatings.orgId, orgId),
        eq(handoffs.orgId, orgId),
        ne(handoffs.state, 'draft'),
        isNotNull(handoffs.sentAt),
        gte(handoffs.sentAt, from),
        lt(handoffs.sentAt, to),
      ),
    )
    // Newest rating first, so the first row of a handoff is its customer's latest word.
    .orderBy(desc(satisfactionRatings.ratedAt), desc(satisfactionRatings.id));
  const latest = new Map<string, (typeof ratings)[number]>();
  for (const r of ratings) if (!latest.has(r.handoffId)) latest.set(r.handoffId, r);
  const list = [...latest.values()];
  if (list.length > reportLimit)
    throw new ApiError(
      'report_too_large',
      `the period holds more than ${reportLimit} rated handoffs: narrow it`,
      { limit: reportLimit },
    );
  const weightsOf = await qualityWeightsByScenario(db, orgId);
  const journeys = await journeysOf(db, orgId, list);
  const checksOf = await handoffChecks(db, orgId, [
    ...new Set([...list.map((h) => h.handoffId), ...[...journeys.values()].flat().map((h) => h.id)]),
  ]);
  const rows: RatedHandoffRow[] = [];
  for (let i = 0; i < list.length; i += chunk) {
    const part = list.slice(i, i + chunk);
    const reviews = await db
      .select({
        handoffId: qaReviews.handoffId,
        reviewer: { id: people.id, name: people.name },
        total: qaReviews.total,
        scores: qaReviews.scores,
      })
      .from(qaReviews)
      .innerJoin(people, eq(people.id, qaReviews.reviewerId))
      .where(
        and(
          eq(qaReviews.orgId, orgId),
          inArray(
            qaReviews.handoffId,
            part.map((h) => h.handoffId),
          ),
          ...(scorecardId ? [eq(qaReviews.scorecardId, scorecardId)] : []),
        ),
      );
    for (const h of part)
      rows.push({
        handoffId: h.handoffId,
        caseId: h.caseId,
        subject: h.subject,
        sentAt: h.sentAt!.toISOString(),
        scenario: h.scenario,
        receivingTeam: h.receivingTeam,
        checks: checksOf.get(h.handoffId)!,
        weights: weightsOf(h.scenario),
        journey: (journeys.get(h.handoffId) ?? []).map((j) => ({
          checks: checksOf.get(j.id)!,
          weights: weightsOf(j.scenario),
        })),
        reviews: reviews
          .filter((r) => r.handoffId === h.handoffId)
          .map((r) => ({
            reviewer: r.reviewer,
            total: Number(r.total),
            items: (r.scores as ScoredItem[]).map((s) => ({
              criterion: s.criterion,
              normalized: s.normalized,
            })),
          })),
        rating: {
          rating: h.rating,
          satisfied: h.satisfied,
          comment: h.comment,
          ratedAt: h.ratedAt.toISOString(),
        },
      });
  }
  const criteria = card ? card.definition.criteria.map((c) => ({ id: c.id, label: c.label })) : null;
  return { rows, criteria };
}

/**
 * Each rated handoff's journey: the handoffs of its case sent up to the rating (itself among them),
 * in the order they were sent. Handoffs sent before the period count: the customer lived them.
 */
async function journeysOf(
  db: Queryable,
  orgId: string,
  rated: readonly { handoffId: string; caseId: string; ratedAt: Date }[],
) {
  const caseIds = [...new Set(rated.map((r) => r.caseId))];
  const sent: { id: string; caseId: string; sentAt: Date | null; scenario: string }[] = [];
  for (let i = 0; i < caseIds.length; i += chunk)
    sent.push(
      ...(await db
        .select({
          id: handoffs.id,
          caseId: handoffs.caseId,
          sentAt: handoffs.sentAt,
          scenario: handoffs.scenarioId,
        })
        .from(handoffs)
        .where(
          and(
            eq(handoffs.orgId, orgId),
            inArray(handoffs.caseId, caseIds.slice(i, i + chunk)),
            ne(handoffs.state, 'draft'),
            isNotNull(handoffs.sentAt),
          ),
        )),
    );
  sent.sort((a, b) => a.sentAt!.getTime() - b.sentAt!.getTime() || a.id.localeCompare(b.id));
  const byCase = new Map<string, typeof sent>();
  for (const h of sent) byCase.set(h.caseId, [...(byCase.get(h.caseId) ?? []), h]);
  return new Map(
    rated.map((r) => [
      r.handoffId,
      (byCase.get(r.caseId) ?? []).filter(
        (h) => h.id === r.handoffId || h.sentAt!.getTime() <= r.ratedAt.getTime(),
      ),
    ]),
  );
}

/** The automatic checks of each handoff, as `GET /handoffs/{id}` computes them (the quality report's way). */
async function handoffChecks(db: Queryable, orgId: string, ids: readonly string[]) {
  const checks = new Map<string, readonly CheckResult[]>();
  for (let i = 0; i < ids.length; i += chunk) {
    const part = ids.slice(i, i + chunk);
    const views = await Promise.all(part.map((id) => getHandoff(db, orgId, id)));
    part.forEach((id, j) => {
      checks.set(id, views[j]!.quality.checks);
    });
  }
  return checks;
}
