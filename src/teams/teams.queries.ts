import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { notFound } from '../http/errors.ts';
import { people } from '../people/people.table.ts';
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
  const largestCapacity = sql`(select max(coalesce(m.capacity, t.default_capacity)) from ${teamMembers} m
    join ${teams} t on t.id = m.team_id where m.person_id = ${people.id})`;
  const load = sql<number>`(select count(*)::int from (select 1 from ${handoffs}
    where ${handoffs.ownerId} = ${people.id} and ${handoffs.state} in ('sent', 'accepted')
    limit ${largestCapacity}) open)`;
  const rows = await db
    .select({ person: people, teamId: teamMembers.teamId, capacity: teamMembers.capacity, load })
    .from(teamMembers)
    .innerJoin(people, eq(people.id, teamMembers.personId))
    .where(and(eq(teamMembers.orgId, orgId), inArray(teamMembers.teamId, teamIds)))
    .orderBy(asc(teamMembers.teamId), asc(people.id));
  return rows.map((r) => ({ ...r.person, teamId: r.teamId, capacity: r.capacity, load: Number(r.load) }));
}

export async function listTeams(db: Queryable, orgId: string) {
  const rows = await db.select().from(teams).where(eq(teams.orgId, orgId)).orderBy(asc(teams.key));
  const members = await db
    .select({
      teamId: teamMembers.teamId,
      id: people.id,
      name: people.name,
      roles: people.roles,
      availability: people.availability,
    })
    .from(teamMembers)
    .innerJoin(people, eq(people.id, teamMembers.personId))
    .where(eq(teamMembers.orgId, orgId))
    .orderBy(asc(people.name));
  return rows.map((t) => ({
    id: t.id,
    key: t.key,
    name: t.name,
    leadId: t.leadId,
    calendar: t.calendar,
    ownershipStrategy: t.ownershipStrategy,
    members: members.filter((m) => m.teamId === t.id).map(({ teamId: _, ...m }) => m),
  }));
}

export async function listPeople(db: Queryable, orgId: string) {
  const rows = await db.select().from(people).where(eq(people.orgId, orgId)).orderBy(asc(people.name));
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    email: p.email,
    roles: p.roles,
    skills: p.skills,
    timezone: p.timezone,
    availability: p.availability,
    active: p.active === 'yes',
  }));
}
