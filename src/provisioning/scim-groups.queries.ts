import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { people } from '../people/people.table.ts';
import { teamMembers, teams } from '../teams/teams.table.ts';
import { scimTeams } from './provisioning.table.ts';
import type { Filter, GroupFilterAttribute } from './scim-filter.ts';
import type { ScimGroupRow, ScimMember } from './scim-group.ts';
import { comparisonSql } from './scim-users.queries.ts';

const row = {
  id: teams.id,
  key: teams.key,
  name: teams.name,
  createdAt: teams.createdAt,
  externalId: scimTeams.externalId,
  linkedAt: scimTeams.linkedAt,
  updatedAt: scimTeams.updatedAt,
};

/** Each attribute as the column it is read from; `displayName` compares without regard to case. */
const columns: Record<Exclude<GroupFilterAttribute, 'members.value'>, { column: SQL; exact: boolean }> = {
  id: { column: sql`${teams.id}`, exact: true },
  externalId: { column: sql`${scimTeams.externalId}`, exact: true },
  displayName: { column: sql`${teams.name}`, exact: false },
};

/** A parsed Group filter as SQL over teams and their SCIM row; `members.value` asks of the members. */
export function groupFilterSql(f: Filter<GroupFilterAttribute>): SQL {
  switch (f.op) {
    case 'and':
      return and(groupFilterSql(f.left), groupFilterSql(f.right))!;
    case 'or':
      return sql`(${groupFilterSql(f.left)} or ${groupFilterSql(f.right)})`;
    case 'not':
      return sql`not (${groupFilterSql(f.filter)})`;
  }
  if (f.attr === 'members.value')
    return sql`exists (select 1 from ${teamMembers} where ${teamMembers.teamId} = ${teams.id} and ${
      f.op === 'pr' ? sql`true` : comparisonSql(f, sql`${teamMembers.personId}`, true)
    })`;
  const { column, exact } = columns[f.attr];
  return comparisonSql(f, column, exact);
}

const base = (db: Queryable) =>
  db.select(row).from(teams).leftJoin(scimTeams, eq(scimTeams.teamId, teams.id));

/** One team of the organisation as SCIM sees it. */
export async function scimGroupById(
  db: Queryable,
  orgId: string,
  id: string,
): Promise<ScimGroupRow | undefined> {
  const [found] = await base(db).where(and(eq(teams.orgId, orgId), eq(teams.id, id)));
  return found;
}

/** A page of the organisation's teams matching the filter, oldest first, with how many match in all. */
export async function listScimGroups(
  db: Queryable,
  orgId: string,
  filter: Filter<GroupFilterAttribute> | undefined,
  page: { startIndex: number; count: number },
) {
  const where = and(eq(teams.orgId, orgId), filter ? groupFilterSql(filter) : undefined);
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(teams)
    .leftJoin(scimTeams, eq(scimTeams.teamId, teams.id))
    .where(where);
  const rows =
    page.count === 0
      ? []
      : await base(db)
          .where(where)
          .orderBy(asc(teams.createdAt), asc(teams.id))
          .limit(page.count)
          .offset(page.startIndex - 1);
  return { total: Number(total?.n ?? 0), rows };
}

/** The members of these teams, by team, by name. */
export async function membersOfTeams(db: Queryable, orgId: string, teamIds: string[]) {
  const out = new Map<string, ScimMember[]>(teamIds.map((id) => [id, []]));
  if (teamIds.length === 0) return out;
  const rows = await db
    .select({ teamId: teamMembers.teamId, id: people.id, name: people.name })
    .from(teamMembers)
    .innerJoin(people, eq(people.id, teamMembers.personId))
    .where(and(eq(teamMembers.orgId, orgId), inArray(teamMembers.teamId, teamIds)))
    .orderBy(asc(people.name), asc(people.id));
  for (const r of rows) out.get(r.teamId)?.push({ id: r.id, name: r.name });
  return out;
}

/** The teams the identity provider manages, by name: what Settings > Security lists. */
export async function managedTeams(db: Queryable, orgId: string) {
  return db
    .select({ key: teams.key, name: teams.name })
    .from(scimTeams)
    .innerJoin(teams, eq(teams.id, scimTeams.teamId))
    .where(eq(scimTeams.orgId, orgId))
    .orderBy(asc(teams.name), asc(teams.key));
}
