import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { cases } from '../cases/cases.table.ts';
import { customers } from '../customers/customers.table.ts';
import type { Db, Tx } from '../db/database.ts';
import { decodeCursor, encodeCursor, olderThan } from '../db/keyset.ts';
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

export type RatingsFilter = {
  from: Date;
  to: Date;
  team?: string;
  satisfied?: boolean;
  limit: number;
  cursor?: string;
};

/**
 * The organisation's ratings given in a period, newest first, each with its case and customer, and
 * `superseded` when the customer rated the case again later: what a lead reads to follow up the
 * customers who were not satisfied. Keyset-paginated on (rated at, id).
 */
export async function listOrganisationRatings(db: Db, orgId: string, f: RatingsFilter) {
  const after = f.cursor ? decodeCursor(f.cursor) : undefined;
  const rows = await db
    .select({
      ...columns,
      caseSubject: cases.subject,
      customerId: customers.id,
      customerName: customers.name,
      // The customer rated the case again later: this rating is no longer their view.
      superseded: sql<boolean>`exists (select 1 from ${satisfactionRatings} later
        where later.case_id = ${satisfactionRatings.caseId}
          and (later.rated_at, later.created_at) > (${satisfactionRatings.ratedAt}, ${satisfactionRatings.createdAt}))`,
    })
    .from(satisfactionRatings)
    .innerJoin(cases, eq(cases.id, satisfactionRatings.caseId))
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .leftJoin(handoffs, eq(handoffs.id, satisfactionRatings.handoffId))
    .leftJoin(teams, eq(teams.id, handoffs.toTeamId))
    .where(
      and(
        eq(satisfactionRatings.orgId, orgId),
        gte(satisfactionRatings.ratedAt, f.from),
        lt(satisfactionRatings.ratedAt, f.to),
        f.team ? eq(teams.key, f.team) : undefined,
        f.satisfied === undefined ? undefined : eq(satisfactionRatings.satisfied, f.satisfied),
        olderThan(satisfactionRatings.ratedAt, satisfactionRatings.id, after),
      ),
    )
    .orderBy(desc(satisfactionRatings.ratedAt), desc(satisfactionRatings.id))
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      ...answer(r),
      caseSubject: r.caseSubject,
      customer: { id: r.customerId, name: r.customerName },
      superseded: r.superseded,
    })),
    nextCursor: rows.length > f.limit && last ? encodeCursor({ createdAt: last.ratedAt, id: last.id }) : null,
  };
}
