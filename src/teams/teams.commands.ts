import { and, eq } from 'drizzle-orm';
import { type AdminCtx, recordChange } from '../admin/admin-changes.commands.ts';
import { addedFields, changedFields } from '../admin/changes.ts';
import type { Db, Tx } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { holdOrganisation } from '../orgs/orgs.commands.ts';
import { people } from '../people/people.table.ts';
import { assertActivePeople } from '../people/people-admin.commands.ts';
import type { Calendar } from '../sla/sla.types.ts';
import { listTeams } from './teams.queries.ts';
import { teamMembers, teams } from './teams.table.ts';
import type { NewMember, NewTeam, TeamChange } from './teams.types.ts';

type Ctx = AdminCtx;

/** A new team works weekdays 09:00-17:00 where the organisation is, until its calendar is set. */
export function defaultTeamCalendar(timezone: string): Calendar {
  const day: [string, string][] = [['09:00', '17:00']];
  return {
    timezone,
    hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] },
    holidays: [],
  };
}

async function teamAnswer(tx: Tx, orgId: string, key: string) {
  const [team] = await listTeams(tx, orgId, key);
  if (!team) throw notFound('team', key);
  return team;
}

async function lockTeam(tx: Tx, orgId: string, key: string) {
  // The same lock ownership takes on a send (NO KEY UPDATE): a change waits for the sends in flight.
  const [team] = await tx
    .select({
      id: teams.id,
      name: teams.name,
      leadId: teams.leadId,
      ownershipStrategy: teams.ownershipStrategy,
      capacity: teams.defaultCapacity,
    })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.key, key)))
    .for('no key update');
  if (!team) throw notFound('team', key);
  return team;
}

export async function addTeam(db: Db, input: NewTeam, ctx: Ctx) {
  return db.transaction(async (tx) => {
    const org = await holdOrganisation(tx, ctx.orgId);
    const [taken] = await tx
      .select({ name: teams.name })
      .from(teams)
      .where(and(eq(teams.orgId, ctx.orgId), eq(teams.key, input.key)));
    if (taken)
      throw new ApiError('conflict', `the key ${input.key} is already the ${taken.name} team's`, {
        field: 'key',
      });
    await assertActivePeople(tx, ctx.orgId, [input.leadId], 'leadId');
    const members = [...new Set(input.members)];
    await assertActivePeople(tx, ctx.orgId, members, 'members');
    const id = newId('tm');
    await tx.insert(teams).values({
      id,
      orgId: ctx.orgId,
      key: input.key,
      name: input.name,
      leadId: input.leadId,
      calendar: defaultTeamCalendar(org.timezone),
      ownershipStrategy: input.ownershipStrategy,
      defaultCapacity: input.capacity,
      createdAt: ctx.now,
    });
    for (const personId of members)
      await tx.insert(teamMembers).values({ orgId: ctx.orgId, teamId: id, personId, createdAt: ctx.now });
    await recordChange(
      tx,
      ctx,
      'team.added',
      { id: input.key, name: input.name },
      addedFields({ ...input, members }),
    );
    return teamAnswer(tx, ctx.orgId, input.key);
  });
}

/** Name, lead (the fallback owner), ownership strategy and default capacity; new sends follow at once. */
export async function changeTeam(db: Db, key: string, change: TeamChange, ctx: Ctx) {
  return db.transaction(async (tx) => {
    const team = await lockTeam(tx, ctx.orgId, key);
    if (change.leadId) await assertActivePeople(tx, ctx.orgId, [change.leadId], 'leadId');
    await tx
      .update(teams)
      .set({
        name: change.name,
        leadId: change.leadId,
        ownershipStrategy: change.ownershipStrategy,
        defaultCapacity: change.capacity,
      })
      .where(eq(teams.id, team.id));
    await recordChange(
      tx,
      ctx,
      'team.changed',
      { id: key, name: change.name ?? team.name },
      changedFields(team, change),
    );
    return teamAnswer(tx, ctx.orgId, key);
  });
}

export async function addMember(db: Db, key: string, input: NewMember, ctx: Ctx) {
  return db.transaction(async (tx) => {
    const team = await lockTeam(tx, ctx.orgId, key);
    const [person] = await assertActivePeople(tx, ctx.orgId, [input.personId], 'personId');
    const [already] = await tx
      .select({ personId: teamMembers.personId })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, team.id), eq(teamMembers.personId, input.personId)));
    if (already)
      throw new ApiError('conflict', `the person is already a member of ${team.name}`, { field: 'personId' });
    await tx.insert(teamMembers).values({
      orgId: ctx.orgId,
      teamId: team.id,
      personId: input.personId,
      capacity: input.capacity,
      createdAt: ctx.now,
    });
    await recordChange(
      tx,
      ctx,
      'member.added',
      { id: input.personId, name: person.name },
      {
        team: { from: null, to: key },
        ...(input.capacity === null ? {} : { capacity: { from: null, to: input.capacity } }),
      },
    );
    return { teamKey: key, personId: input.personId, capacity: input.capacity };
  });
}

/** A member's own capacity; null gives them the team's default again. */
export async function changeMember(db: Db, key: string, personId: string, capacity: number | null, ctx: Ctx) {
  return db.transaction(async (tx) => {
    const team = await lockTeam(tx, ctx.orgId, key);
    const [member] = await tx
      .select({ capacity: teamMembers.capacity, name: people.name })
      .from(teamMembers)
      .innerJoin(people, eq(people.id, teamMembers.personId))
      .where(and(eq(teamMembers.teamId, team.id), eq(teamMembers.personId, personId)))
      .for('update', { of: teamMembers });
    if (!member) throw notFound('team member', personId);
    await tx
      .update(teamMembers)
      .set({ capacity })
      .where(and(eq(teamMembers.teamId, team.id), eq(teamMembers.personId, personId)));
    await recordChange(
      tx,
      ctx,
      'member.changed',
      { id: personId, name: member.name },
      {
        team: { from: key, to: key },
        ...changedFields(member, { capacity }),
      },
    );
    return { teamKey: key, personId, capacity };
  });
}
