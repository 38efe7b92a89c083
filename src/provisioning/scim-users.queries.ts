import { and, asc, eq, isNotNull, ne, not, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { people } from '../people/people.table.ts';
import { scimPeople } from './provisioning.table.ts';
import type { Comparison, Filter, FilterAttribute } from './scim-filter.ts';
import type { ScimUserRow } from './scim-user.ts';

const row = {
  id: people.id,
  name: people.name,
  email: people.email,
  active: sql<boolean>`${people.active} = 'yes'`,
  createdAt: people.createdAt,
  updatedAt: scimPeople.updatedAt,
  userName: scimPeople.userName,
  externalId: scimPeople.externalId,
  givenName: scimPeople.givenName,
  familyName: scimPeople.familyName,
};

/**
 * Each attribute as the column it is read from, and whether it compares without regard to case
 * (RFC 7643's `caseExact`: `id` and `externalId` are exact, names and addresses are not).
 */
const columns: Record<Exclude<FilterAttribute, 'active'>, { column: SQL; exact: boolean }> = {
  id: { column: sql`${people.id}`, exact: true },
  userName: { column: sql`coalesce(${scimPeople.userName}, ${people.email})`, exact: false },
  externalId: { column: sql`${scimPeople.externalId}`, exact: true },
  'emails.value': { column: sql`${people.email}`, exact: false },
  displayName: { column: sql`${people.name}`, exact: false },
  'name.givenName': { column: sql`${scimPeople.givenName}`, exact: false },
  'name.familyName': { column: sql`${scimPeople.familyName}`, exact: false },
};

const likeEscaped = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A parsed filter as SQL over people and their SCIM row. */
export function filterSql(f: Filter): SQL {
  switch (f.op) {
    case 'and':
      return and(filterSql(f.left), filterSql(f.right))!;
    case 'or':
      return or(filterSql(f.left), filterSql(f.right))!;
    case 'not':
      return not(filterSql(f.filter));
  }
  if (f.attr === 'active') {
    if (f.op === 'pr') return sql`true`;
    const wanted = (f.op === 'eq') === (f.value === true);
    return wanted ? eq(people.active, 'yes') : ne(people.active, 'yes');
  }
  const { column, exact } = columns[f.attr];
  return comparisonSql(f, column, exact);
}

/** One comparison of a filter on a column; `exact`: with regard to case (RFC 7643's `caseExact`). */
export function comparisonSql(
  f: { op: 'pr' } | { op: Comparison; value: string | boolean | null },
  column: SQL,
  exact: boolean,
): SQL {
  if (f.op === 'pr') return and(isNotNull(column), ne(column, ''))!;
  if (f.value === null || typeof f.value === 'boolean')
    return f.op === 'ne' ? isNotNull(column) : sql`${column} is null`;
  const col = exact ? column : sql`lower(${column})`;
  const value = exact ? f.value : f.value.toLowerCase();
  switch (f.op) {
    case 'eq':
      return sql`${col} = ${value}`;
    case 'ne':
      return sql`${col} is distinct from ${value}`;
    case 'co':
      return sql`${col} like ${`%${likeEscaped(value)}%`}`;
    case 'sw':
      return sql`${col} like ${`${likeEscaped(value)}%`}`;
    case 'ew':
      return sql`${col} like ${`%${likeEscaped(value)}`}`;
  }
}

const base = (db: Queryable) =>
  db.select(row).from(people).leftJoin(scimPeople, eq(scimPeople.personId, people.id));

/** One person of the organisation as SCIM sees them. */
export async function scimUserById(
  db: Queryable,
  orgId: string,
  id: string,
): Promise<ScimUserRow | undefined> {
  const [found] = await base(db).where(and(eq(people.orgId, orgId), eq(people.id, id)));
  return found;
}

/** A page of the organisation's people matching the filter, oldest first, with how many match in all. */
export async function listScimUsers(
  db: Queryable,
  orgId: string,
  filter: Filter | undefined,
  page: { startIndex: number; count: number },
) {
  const where = and(eq(people.orgId, orgId), filter ? filterSql(filter) : undefined);
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(people)
    .leftJoin(scimPeople, eq(scimPeople.personId, people.id))
    .where(where);
  const rows =
    page.count === 0
      ? []
      : await base(db)
          .where(where)
          .orderBy(asc(people.createdAt), asc(people.id))
          .limit(page.count)
          .offset(page.startIndex - 1);
  return { total: Number(total?.n ?? 0), rows };
}

/** The organisation's people who already answer to this userName, address or externalId. */
export async function holdersOf(
  db: Queryable,
  orgId: string,
  wanted: { userName: string; email: string; externalId: string | null },
) {
  return base(db).where(
    and(
      eq(people.orgId, orgId),
      or(
        sql`lower(coalesce(${scimPeople.userName}, ${people.email})) = ${wanted.userName.toLowerCase()}`,
        eq(people.email, wanted.email),
        wanted.externalId ? eq(scimPeople.externalId, wanted.externalId) : undefined,
      ),
    ),
  );
}
