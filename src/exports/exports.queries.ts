import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { cases } from '../cases/cases.table.ts';
import type { Queryable } from '../db/database.ts';
import { type Keyset, olderThan } from '../db/keyset.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import type { Rating } from '../satisfaction/rating.ts';
import { satisfactionRatings } from '../satisfaction/satisfaction.table.ts';
import { teams } from '../teams/teams.table.ts';

export type HandoffExportFilter = {
  from: Date;
  to: Date;
  team?: string;
  state?: string;
  scenario?: string;
  issueType?: string;
};

/**
 * One page of the handoffs an export holds, newest first, after `after`: created in the period,
 * to `team`, in `state`, of `scenario`, on a case of `issueType` when given. Ids, the case's issue
 * type and the rating counted for the handoff only; the rows are read as their full views.
 */
export async function handoffExportPage(
  db: Queryable,
  orgId: string,
  f: HandoffExportFilter,
  after: Keyset | undefined,
  limit: number,
) {
  return db
    .select({
      id: handoffs.id,
      createdAt: handoffs.createdAt,
      issueType: cases.issueType,
      // Through the case's index: a case holds a handful of ratings.
      rating: sql<Rating | null>`(select r.rating from ${satisfactionRatings} r
        where r.case_id = ${handoffs.caseId} and r.handoff_id = ${handoffs.id}
        order by r.rated_at desc, r.created_at desc limit 1)`,
    })
    .from(handoffs)
    .innerJoin(teams, eq(teams.id, handoffs.toTeamId))
    .innerJoin(cases, eq(cases.id, handoffs.caseId))
    .where(
      and(
        eq(handoffs.orgId, orgId),
        gte(handoffs.createdAt, f.from),
        lt(handoffs.createdAt, f.to),
        f.team ? eq(teams.key, f.team) : undefined,
        f.state ? eq(handoffs.state, f.state) : undefined,
        f.scenario ? eq(handoffs.scenarioId, f.scenario) : undefined,
        f.issueType ? eq(cases.issueType, f.issueType) : undefined,
        olderThan(handoffs.createdAt, handoffs.id, after),
      ),
    )
    .orderBy(desc(handoffs.createdAt), desc(handoffs.id))
    .limit(limit);
}
