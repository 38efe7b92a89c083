import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../db/database.ts';
import { executePrepared } from '../db/prepared.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { notFound } from '../http/errors.ts';
import { people } from '../people/people.table.ts';
import { scimTeams } from '../provisioning/provisioning.table.ts';
import { teamMembers, teams } from './teams.table.ts';

export async function teamByKey(db: Queryable, orgId: string, key: string) {
  const [team] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.key, key)));
  return team;
}

/** Several teams by key in one query (a handoff's sending and receiving teams). */
export async function teamsByKeys(db: Queryable, orgId: string, keys: string[]) {
  const rows = keys.length
    ? await db
        .select()
        .from(teams)
        .where(and(eq(teams.orgId, orgId), inArray(teams.key, keys)))
    : [];
  return new Map(rows.map((t) => [t.key, t]));
}

export async function teamById(db: Queryable, orgId: string, id: string) {
  const [team] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.id, id)));
  if (!team) throw notFound('team', id);
  return team;
}

/**
 * Members of one or more teams with their open load (sent or accepted handoffs they own, in any
 * team), sorted by team then id so round-robin is stable.
 *
 * The load is counted up to the person's largest capacity in any of their teams and no further:
 * ownership only asks whether a load is under a capacity, and compares the loads that are, so the
 * count stays exact wherever it matters while its cost no longer grows with a backlog.
 */
export async function membersWithLoad(db: Queryable, orgId: string, teamIds: string[]) {
  // Prepared (db/prepared.ts): every batch of sends reads it, with the teams as one array parameter.
  const res = await executePrepared(
    db,
    sql`
    select p.id, p.name, p.active, p.availability, p.calendar, p.skills, m.team_id as "teamId",
      m.capacity, (select count(*)::int from (select 1 from ${handoffs} h
          where h.owner_id = p.id and h.state in ('sent', 'accepted')
          limit (select max(coalesce(mm.capacity, t.default_capacity)) from ${teamMembers} mm
            join ${teams} t on t.id = mm.team_id where mm.person_id = p.id)) open) as load
    from ${teamMembers} m
    join ${people} p on p.id = m.person_id
    where m.org_id = ${orgId} and m.team_id = any(${sql.param(teamIds)}::text[])
    order by m.team_id, p.id`,
  );
  return rowsOf<MemberWithLoad>(res).map((m) => ({ ...m, load: Number(m.load) }));
}

/** A team member as ownership weighs them. */
export type MemberWithLoad = Pick<
  typeof people.$inferSelect,
  'id' | 'name' | 'active' | 'availability' | 'calendar' | 'skills'
> & { teamId: string; capacity: number | null; load: number };

/**
 * Open handoffs (sent or accepted) by owner and receiving team: a member's load in a team is what
 * leaving it hands on, a person's is the sum over their teams.
 */
async function openLoads(db: Queryable, orgId: string, ownerId?: string) {
  const rows = await db
    .select({ ownerId: handoffs.ownerId, teamId: handoffs.toTeamId, open: sql<number>`count(*)::int` })
    .from(handoffs)
    .where(
      and(
        eq(handoffs.orgId, orgId),
        inArray(handoffs.state, ['sent', 'accepted']),
        ownerId === undefined ? undefined : eq(handoffs.ownerId, ownerId),
      ),
    )
    .groupBy(handoffs.ownerId, handoffs.toTeamId);
  const inTeam = new Map<string, number>();
  const byOwner = new Map<string, number>();
  for (const r of rows) {
    if (!r.ownerId) continue;
    inTeam.set(`${r.teamId} ${r.ownerId}`, Number(r.open));
    byOwner.set(r.ownerId, (byOwner.get(r.ownerId) ?? 0) + Number(r.open));
  }
  return { inTeam, byOwner };
}

/**
 * Teams with their members, each member's own capacity (null: the team's) and the open handoffs the
 * team received that they own: what leaving the team hands on.
 */
export async function listTeams(db: Queryable, orgId: string, key?: string) {
  const rows = await db
    .select({ team: teams, managed: sql<boolean>`${scimTeams.teamId} is not null` })
    .from(teams)
    .leftJoin(scimTeams, eq(scimTeams.teamId, teams.id))
    .where(and(eq(teams.orgId, orgId), key === undefined ? undefined : eq(teams.key, key)))
    .orderBy(asc(teams.key));
  const members = await db
    .select({
      teamId: teamMembers.teamId,
      id: people.id,
      name: people.name,
      roles: people.roles,
      availability: people.availability,
      active: people.active,
      capacity: teamMembers.capacity,
    })
    .from(teamMembers)
    .innerJoin(people, eq(people.id, teamMembers.personId))
    .where(eq(teamMembers.orgId, orgId))
    .orderBy(asc(people.name));
  const { inTeam } = await openLoads(db, orgId);
  return rows.map(({ team: t, managed }) => ({
    id: t.id,
    key: t.key,
    name: t.name,
    leadId: t.leadId,
    calendar: t.calendar,
    ownershipStrategy: t.ownershipStrategy,
    capacity: t.defaultCapacity,
    /** Whether the identity provider manages the team (SCIM Groups): its name and members follow it. */
    managedByProvider: Boolean(managed),
    members: members
      .filter((m) => m.teamId === t.id)
      // A member who lost access stays listed (reactivated, they are back in their teams), marked, and
      // is nobody's choice of owner.
      .map(({ teamId: _, active, ...m }) => ({
        ...m,
        active: active === 'yes',
        openHandoffs: inTeam.get(`${t.id} ${m.id}`) ?? 0,
      })),
  }));
}

/** People of the organisation (or the one named), with their teams and the open handoffs they own. */
export async function listPeople(db: Queryable, orgId: string, id?: string) {
  const rows = await db
    .select()
    .from(people)
    .where(and(eq(people.orgId, orgId), id === undefined ? undefined : eq(people.id, id)))
    .orderBy(asc(people.name));
  const memberships = await db
    .select({ personId: teamMembers.personId, key: teams.key, name: teams.name })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.orgId, orgId), id === undefined ? undefined : eq(teamMembers.personId, id)))
    .orderBy(asc(teams.key));
  const { byOwner } = await openLoads(db, orgId, id);
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    email: p.email,
    roles: p.roles,
    skills: p.skills,
    timezone: p.timezone,
    availability: p.availability,
    active: p.active === 'yes',
    leftAt: p.leftAt?.toISOString() ?? null,
    /** Whether two-step sign-in is on (an admin can turn it off for someone who lost their phone). */
    twoStep: p.totpSecret !== null,
    /** Whether they have a password yet (one invited or added without one cannot sign in). */
    passwordSet: p.passwordHash !== null,
    teams: memberships.filter((m) => m.personId === p.id).map(({ key, name }) => ({ key, name })),
    openHandoffs: byOwner.get(p.id) ?? 0,
  }));
}
