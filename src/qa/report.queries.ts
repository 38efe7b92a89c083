import { and, asc, eq, gte, inArray, isNotNull, lt, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../db/database.ts';
import { getHandoff } from '../handoffs/handoffs.queries.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { ApiError } from '../http/errors.ts';
import { people } from '../people/people.table.ts';
import { teams } from '../teams/teams.table.ts';
import { qaReviews } from './qa.table.ts';
import type { ReportRow } from './report.ts';
import { qualityWeightsByScenario } from './weights.queries.ts';

/** The most handoffs one report computes quality for (each one is read like `GET /handoffs/{id}`). */
export const reportLimit = 5000;
const chunk = 200;

const sender = alias(people, 'sender');
const fromTeam = alias(teams, 'from_team');

/**
 * Every handoff sent in [from, to), with its automatic checks (the same facts and rules as
 * `GET /handoffs/{id}`), its scenario's weights and its reviews' totals.
 */
export async function reportRows(db: Queryable, orgId: string, from: Date, to: Date): Promise<ReportRow[]> {
  const list = await db
    .select({
      id: handoffs.id,
      sentAt: handoffs.sentAt,
      scenario: handoffs.scenarioId,
      agent: { id: sender.id, name: sender.name },
      team: { key: fromTeam.key, name: fromTeam.name },
      receivingTeam: { key: teams.key, name: teams.name },
    })
    .from(handoffs)
    .innerJoin(teams, eq(teams.id, handoffs.toTeamId))
    .leftJoin(fromTeam, eq(fromTeam.id, handoffs.fromTeamId))
    .leftJoin(sender, eq(sender.id, handoffs.senderId))
    .where(
      and(
        eq(handoffs.orgId, orgId),
        ne(handoffs.state, 'draft'),
        isNotNull(handoffs.sentAt),
        gte(handoffs.sentAt, from),
        lt(handoffs.sentAt, to),
      ),
    )
    .orderBy(asc(handoffs.sentAt), asc(handoffs.id))
    .limit(reportLimit + 1);
  if (list.length > reportLimit)
    throw new ApiError('report_too_large', `the period holds more than ${reportLimit} handoffs: narrow it`, {
      limit: reportLimit,
    });
  const weightsOf = await qualityWeightsByScenario(db, orgId);
  const rows: ReportRow[] = [];
  for (let i = 0; i < list.length; i += chunk) {
    const part = list.slice(i, i + chunk);
    const ids = part.map((h) => h.id);
    const [views, reviews] = await Promise.all([
      Promise.all(ids.map((id) => getHandoff(db, orgId, id))),
      db
        .select({ handoffId: qaReviews.handoffId, total: qaReviews.total })
        .from(qaReviews)
        .where(and(eq(qaReviews.orgId, orgId), inArray(qaReviews.handoffId, ids))),
    ]);
    part.forEach((h, j) => {
      rows.push({
        handoffId: h.id,
        sentAt: h.sentAt!.toISOString(),
        scenario: h.scenario,
        agent: h.agent?.id ? { id: h.agent.id, name: h.agent.name } : null,
        team: h.team?.key ? { key: h.team.key, name: h.team.name } : null,
        receivingTeam: h.receivingTeam,
        checks: views[j]!.quality.checks,
        weights: weightsOf(h.scenario),
        reviewTotals: reviews.filter((r) => r.handoffId === h.id).map((r) => Number(r.total)),
      });
    });
  }
  return rows;
}
