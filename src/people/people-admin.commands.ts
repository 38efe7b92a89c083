import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { type AdminCtx, recordChange } from '../admin/admin-changes.commands.ts';
import { addedFields, changedFields } from '../admin/changes.ts';
import { sessions } from '../auth/auth.table.ts';
import { hashPassword } from '../auth/secrets.ts';
import type { Db, Tx } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { holdOrganisation } from '../orgs/orgs.commands.ts';
import { listPeople } from '../teams/teams.queries.ts';
import { teamMembers, teams } from '../teams/teams.table.ts';
import { people } from './people.table.ts';
import type { NewPerson, PersonChange } from './people.types.ts';

type Ctx = AdminCtx;

async function assertEmailFree(tx: Tx, orgId: string, email: string, except?: string) {
  const [taken] = await tx
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.email, email), except ? ne(people.id, except) : undefined));
  if (taken)
    throw new ApiError('conflict', `${email} is already ${taken.name}'s address in this organisation`, {
      field: 'email',
      personId: taken.id,
    });
}

/** Another active admin than `personId`: an organisation never locks itself out of its settings. */
export async function assertAdminRemains(tx: Tx, orgId: string, personId: string, field: string) {
  const [other] = await tx
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        eq(people.orgId, orgId),
        ne(people.id, personId),
        eq(people.active, 'yes'),
        sql`'admin' = any(${people.roles})`,
      ),
    )
    .limit(1);
  if (!other)
    throw new ApiError(
      'conflict',
      'the organisation would have no active admin: make someone else admin first',
      {
        field,
      },
    );
}

async function personAnswer(tx: Tx, orgId: string, id: string) {
  const [person] = await listPeople(tx, orgId, id);
  if (!person) throw notFound('person', id);
  return person;
}

/** Adds a person (with their initial password, if given) and places them in teams, all or nothing. */
export async function addPerson(db: Db, input: NewPerson, ctx: Ctx) {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.transaction(async (tx) => {
    const org = await holdOrganisation(tx, ctx.orgId);
    await assertEmailFree(tx, ctx.orgId, input.email);
    const teamIds = await teamIdsByKey(tx, ctx.orgId, input.teams);
    const id = newId('p');
    await tx.insert(people).values({
      id,
      orgId: ctx.orgId,
      name: input.name,
      email: input.email,
      roles: input.roles,
      skills: input.skills,
      timezone: input.timezone ?? org.timezone,
      passwordHash,
      createdAt: ctx.now,
    });
    for (const teamId of teamIds)
      await tx.insert(teamMembers).values({ orgId: ctx.orgId, teamId, personId: id, createdAt: ctx.now });
    const { password, teams: inTeams, ...fields } = input;
    await recordChange(
      tx,
      ctx,
      'person.added',
      { id, name: input.name },
      addedFields({ ...fields, timezone: input.timezone ?? org.timezone, teams: inTeams, password }),
    );
    return personAnswer(tx, ctx.orgId, id);
  });
}

async function teamIdsByKey(tx: Tx, orgId: string, keys: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const key of new Set(keys)) {
    const [team] = await tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.orgId, orgId), eq(teams.key, key)));
    if (!team)
      throw new ApiError('unknown_team', `no team ${key} in this organisation`, {
        field: 'teams',
        team: key,
      });
    ids.push(team.id);
  }
  return ids;
}

/**
 * Changes what an admin may change about a person. A new password ends the person's sessions: whoever
 * was signed in with the old one signs in again.
 */
export async function changePerson(db: Db, id: string, change: PersonChange, ctx: Ctx) {
  const passwordHash = change.password ? await hashPassword(change.password) : undefined;
  return db.transaction(async (tx) => {
    await holdOrganisation(tx, ctx.orgId);
    const [person] = await tx
      .select()
      .from(people)
      .where(and(eq(people.orgId, ctx.orgId), eq(people.id, id)))
      .for('update');
    if (!person) throw notFound('person', id);
    if (change.email && change.email !== person.email) await assertEmailFree(tx, ctx.orgId, change.email, id);
    if (
      change.roles &&
      person.roles.includes('admin') &&
      !change.roles.includes('admin') &&
      person.active === 'yes'
    )
      await assertAdminRemains(tx, ctx.orgId, id, 'roles');
    await tx
      .update(people)
      .set({
        name: change.name,
        email: change.email,
        roles: change.roles,
        skills: change.skills,
        timezone: change.timezone,
        passwordHash,
      })
      .where(eq(people.id, id));
    if (passwordHash) await tx.delete(sessions).where(eq(sessions.personId, id));
    await recordChange(
      tx,
      ctx,
      'person.changed',
      { id, name: change.name ?? person.name },
      changedFields(person, change),
    );
    return personAnswer(tx, ctx.orgId, id);
  });
}

/** Gives a person who lost access their access back; they take new work again at once. */
export async function reactivatePerson(db: Db, id: string, ctx: Ctx) {
  return db.transaction(async (tx) => {
    const [person] = await tx
      .select({ active: people.active, name: people.name })
      .from(people)
      .where(and(eq(people.orgId, ctx.orgId), eq(people.id, id)))
      .for('update');
    if (!person) throw notFound('person', id);
    if (person.active !== 'yes') {
      await tx
        .update(people)
        .set({ active: 'yes', leftAt: null, availability: 'available' })
        .where(eq(people.id, id));
      await recordChange(
        tx,
        ctx,
        'person.reactivated',
        { id, name: person.name },
        {
          active: { from: false, to: true },
        },
      );
    }
    return personAnswer(tx, ctx.orgId, id);
  });
}

/**
 * People named in a body (a team's lead, members, an API token's person) must be of the organisation
 * and still have access (`field` names where).
 */
export async function assertActivePeople(tx: Tx, orgId: string, ids: string[], field: string) {
  if (ids.length === 0) return [];
  const found = await tx
    .select({ id: people.id, name: people.name, active: people.active })
    .from(people)
    .where(and(eq(people.orgId, orgId), inArray(people.id, ids)));
  for (const id of ids) {
    const person = found.find((p) => p.id === id);
    if (!person) throw new ApiError('validation_failed', `no person ${id} in this organisation`, { field });
    if (person.active !== 'yes')
      throw new ApiError('conflict', `${person.name} has no access: give it back before giving them work`, {
        field,
        personId: id,
      });
  }
  return ids.map((id) => found.find((p) => p.id === id)!);
}
