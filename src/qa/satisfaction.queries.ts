import { and, desc, eq, gte, inArray, isNotNull, lt, ne } from 'drizzle-orm';
import { cases } from '../cases/cases.table.ts';
import type { Queryable } from '../db/database.ts';
import { getHandoff } from '../handoffs/handoffs.queries.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { satisfactionRatings } from '../satisfaction/satisfaction.table.ts';
import { teams } from '../teams/teams.table.ts';
import { currentScorecard } from './qa.queries.ts';
import { qaReviews } from './qa.table.ts';
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
  const rows: RatedHandoffRow[] = [];
  for (let i = 0; i < list.length; i += chunk) {
    const part = list.slice(i, i + chunk);
    const ids = part.map((h) => h.handoffId);
    const [views, reviews] = await Promise.all([
      Promise.all(ids.map((id) => getHandoff(db, orgId, id))),
      db
        .select({ handoffId: qaReviews.handoffId, total: qaReviews.total, scores: qaReviews.scores })
        .from(qaReviews)
        .where(
          and(
            eq(qaReviews.orgId, orgId),
            inArray(qaReviews.handoffId, ids),
            ...(scorecardId ? [eq(qaReviews.scorecardId, scorecardId)] : []),
          ),
        ),
    ]);
    part.forEach((h, j) => {
      rows.push({
        handoffId: h.handoffId,
        caseId: h.caseId,
        subject: h.subject,
        sentAt: h.sentAt!.toISOString(),
        scenario: h.scenario,
        receivingTeam: h.receivingTeam,
        checks: views[j]!.quality.checks,
        weights: weightsOf(h.scenario),
        reviews: reviews
          .filter((r) => r.handoffId === h.handoffId)
          .map((r) => ({
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
    });
  }
  const criteria = card ? card.definition.criteria.map((c) => ({ id: c.id, label: c.label })) : null;
  return { rows, criteria };
}
