import { and, asc, eq } from 'drizzle-orm';
import { cases } from '../cases/cases.table.ts';
import type { Db, Tx } from '../db/database.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { notFound } from '../http/errors.ts';
import { teams } from '../teams/teams.table.ts';
import { satisfactionRatings } from './satisfaction.table.ts';

const columns = {
  id: satisfactionRatings.id,
  caseId: satisfactionRatings.caseId,
  rating: satisfactionRatings.rating,
  satisfied: satisfactionRatings.satisfied,
  comment: satisfactionRatings.comment,
  ratedAt: satisfactionRatings.ratedAt,
  source: satisfactionRatings.source,
  externalId: satisfactionRatings.externalId,
  handoffId: satisfactionRatings.handoffId,
  teamKey: teams.key,
  teamName: teams.name,
};

type Row = { [K in keyof typeof columns]: (typeof columns)[K]['_']['data'] | null };

function answer(r: Row) {
  return {
    id: r.id!,
    caseId: r.caseId!,
    rating: r.rating!,
    satisfied: r.satisfied!,
    comment: r.comment,
    ratedAt: r.ratedAt!.toISOString(),
    source: r.source!,
    externalId: r.externalId,
    handoffId: r.handoffId,
    /** The receiving team of the handoff the rating is counted for. */
    team: r.teamKey ? { key: r.teamKey, name: r.teamName! } : null,
  };
}

export type RatingAnswer = ReturnType<typeof answer>;

function selectRatings(db: Db | Tx) {
  return db
    .select(columns)
    .from(satisfactionRatings)
    .leftJoin(handoffs, eq(handoffs.id, satisfactionRatings.handoffId))
    .leftJoin(teams, eq(teams.id, handoffs.toTeamId));
}

export async function ratingOf(db: Db | Tx, orgId: string, id: string): Promise<RatingAnswer | null> {
  const [row] = await selectRatings(db).where(
    and(eq(satisfactionRatings.orgId, orgId), eq(satisfactionRatings.id, id)),
  );
  return row ? answer(row) : null;
}

/** A case's ratings, oldest first; the last is the customer's current view. */
export async function listRatings(db: Db, orgId: string, caseId: string) {
  const [found] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.orgId, orgId), eq(cases.id, caseId)));
  if (!found) throw notFound('case', caseId);
  const rows = await selectRatings(db)
    .where(and(eq(satisfactionRatings.orgId, orgId), eq(satisfactionRatings.caseId, caseId)))
    .orderBy(asc(satisfactionRatings.ratedAt), asc(satisfactionRatings.createdAt));
  return rows.map(answer);
}
