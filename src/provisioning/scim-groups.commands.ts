import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { type AdminCtx, recordChange } from '../admin/admin-changes.commands.ts';
import type { Db, Tx } from '../db/database.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { holdOrganisation } from '../orgs/orgs.commands.ts';
import { leaveTeam } from '../people/people.commands.ts';
import { people } from '../people/people.table.ts';
import { addMember, addTeam, changeTeam } from '../teams/teams.commands.ts';
import { teamMembers, teams } from '../teams/teams.table.ts';
import { scimTeams } from './provisioning.table.ts';
import type { PatchOperation, ScimGroupInput } from './scim.types.ts';
import { membersDiff, type ScimGroupState, teamKeyOf } from './scim-group.ts';
import { applyGroupPatch } from './scim-group-patch.ts';
import { ScimProblem } from './scim-problem.ts';

// The teams and people commands run inside these transactions as savepoints: a SCIM request is all
// or nothing, and each member added or removed is logged (and its handoffs handed on) as on the
// People page.
const asDb = (tx: Tx) => tx as unknown as Db;

type Team = { id: string; key: string; name: string };
type Link = typeof scimTeams.$inferSelect;

/** What the provider's team looks like in the change log. */
const managedBy = 'the identity provider';

const unique = (ids: string[]) => [...new Set(ids)];
const clean = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

async function lockedGroup(tx: Tx, orgId: string, id: string) {
  // The lock a send takes too (NO KEY UPDATE): a change waits for the sends in flight.
  const [team] = await tx
    .select({ id: teams.id, key: teams.key, name: teams.name })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.id, id)))
    .for('no key update');
  if (!team) throw notFound('group', id);
  const [link] = await tx.select().from(scimTeams).where(eq(scimTeams.teamId, id)).for('update');
  return { team, link, members: await memberIdsOf(tx, team.id) };
}

async function memberIdsOf(tx: Tx, teamId: string) {
  const rows = await tx
    .select({ id: teamMembers.personId })
    .from(teamMembers)
    .where(eq(teamMembers.teamId, teamId))
    .orderBy(asc(teamMembers.createdAt), asc(teamMembers.personId));
  return rows.map((r) => r.id);
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * Every person id a request names is a person of the organisation, and those it adds have access
 * (a deactivated person is refused, named, rather than skipped: the provider would otherwise believe
 * them a member). Nothing is changed when one is not.
 */
async function checkMembers(tx: Tx, orgId: string, named: string[], adding: string[]) {
  const ids = unique([...named, ...adding]);
  if (ids.length === 0) return;
  const found = await tx
    .select({ id: people.id, name: people.name, active: people.active })
    .from(people)
    .where(and(eq(people.orgId, orgId), inArray(people.id, ids)));
  const unknown = ids.filter((id) => !found.some((p) => p.id === id));
  if (unknown.length > 0)
    throw new ScimProblem(
      'validation_failed',
      `members: ${unknown.join(', ')} ${plural(unknown.length, 'is not a person', 'are not people')} of this organisation`,
      { field: 'members', unknown },
    );
  const inactive = found.filter((p) => adding.includes(p.id) && p.active !== 'yes');
  if (inactive.length > 0)
    throw new ScimProblem(
      'validation_failed',
      `members: ${inactive.map((p) => p.name).join(', ')} ${plural(inactive.length, 'has', 'have')} no access (deactivated): give it back before adding them to a team`,
      { field: 'members', inactive: inactive.map((p) => p.id) },
    );
}

/** Two of the provider's groups are never one team: a linked team's name is the provider's. */
async function assertNameFree(tx: Tx, orgId: string, name: string, self?: string) {
  const [other] = await tx
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .innerJoin(scimTeams, eq(scimTeams.teamId, teams.id))
    .where(
      and(
        eq(teams.orgId, orgId),
        sql`lower(${teams.name}) = ${name.toLowerCase()}`,
        self ? ne(teams.id, self) : undefined,
      ),
    );
  if (other)
    throw new ScimProblem(
      'scim_uniqueness',
      `displayName: ${other.name} is already a team your identity provider manages (id ${other.id})`,
      { field: 'displayName' },
    );
}

async function assertExternalIdFree(tx: Tx, orgId: string, externalId: string | null, self?: string) {
  if (!externalId) return;
  const [other] = await tx
    .select({ teamId: scimTeams.teamId })
    .from(scimTeams)
    .where(
      and(
        eq(scimTeams.orgId, orgId),
        eq(scimTeams.externalId, externalId),
        self ? ne(scimTeams.teamId, self) : undefined,
      ),
    );
  if (other)
    throw new ScimProblem('scim_uniqueness', `externalId ${externalId} is already another group's`, {
      field: 'externalId',
    });
}

/**
 * The lead of a team the provider makes: the lead is the team's fallback owner, and a group carries
 * none, so the organisation's first admin (who then names the team's real lead in Baton); with no
 * active admin, the first member given.
 */
async function leadFor(tx: Tx, orgId: string, members: string[]) {
  const [admin] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.active, 'yes'), sql`'admin' = any(${people.roles})`))
    .orderBy(asc(people.createdAt), asc(people.id))
    .limit(1);
  const lead = admin?.id ?? members[0];
  if (!lead)
    throw new ApiError('conflict', 'a new team needs a lead: the organisation has no active admin', {
      field: 'members',
    });
  return lead;
}

/** The team is the provider's from now on, with its externalId; logged when either changes. */
async function saveLink(
  tx: Tx,
  ctx: AdminCtx,
  team: Team,
  link: Link | undefined,
  externalId: string | null,
) {
  await tx
    .insert(scimTeams)
    .values({ teamId: team.id, orgId: ctx.orgId, externalId, linkedAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoUpdate({ target: scimTeams.teamId, set: { externalId, updatedAt: ctx.now } });
  const was = link?.externalId ?? null;
  await recordChange(
    tx,
    ctx,
    'team.changed',
    { id: team.key, name: team.name },
    {
      ...(link ? {} : { managedBy: { from: null, to: managedBy } }),
      ...(was === externalId ? {} : { externalId: { from: was, to: externalId } }),
    },
  );
}

/**
 * From one member list to another: each removal through `leaveTeam` (the leaver's open handoffs in
 * the team are handed on, so every one keeps exactly one owner), then each addition through
 * `addMember` with the team's default capacity.
 */
async function saveMembers(tx: Tx, ctx: AdminCtx, team: Team, before: string[], after: string[]) {
  const { added, removed } = membersDiff(before, after);
  for (const personId of removed) await leaveTeam(asDb(tx), team.key, personId, ctx);
  for (const personId of added) await addMember(asDb(tx), team.key, { personId, capacity: null }, ctx);
}

/** A new name through `changeTeam` (logged there); the case of a letter is a new name too. */
async function rename(tx: Tx, ctx: AdminCtx, team: Team, name: string): Promise<Team> {
  if (name === team.name) return team;
  await changeTeam(asDb(tx), team.key, { name }, ctx);
  return { ...team, name };
}

/**
 * POST /Groups. A team of that name (without regard to case) that the provider does not manage yet
 * is linked, its members kept and the given ones added; otherwise a new team is made: the
 * organisation's weekday calendar, round-robin, capacity 10, a key from the name. A name the
 * provider already manages is refused (409 uniqueness).
 */
export async function provisionGroup(db: Db, ctx: AdminCtx, input: ScimGroupInput) {
  const name = input.displayName.trim();
  const externalId = clean(input.externalId);
  const given = unique((input.members ?? []).map((m) => m.value));
  return db.transaction(async (tx) => {
    // One at a time per organisation: the name and the key are checked, then taken.
    await holdOrganisation(tx, ctx.orgId);
    await assertNameFree(tx, ctx.orgId, name);
    await assertExternalIdFree(tx, ctx.orgId, externalId);
    const [existing] = await tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.orgId, ctx.orgId), sql`lower(${teams.name}) = ${name.toLowerCase()}`))
      .orderBy(asc(teams.createdAt), asc(teams.id))
      .limit(1);
    let id = existing?.id;
    if (!id) {
      await checkMembers(tx, ctx.orgId, given, given);
      const keys = await tx.select({ key: teams.key }).from(teams).where(eq(teams.orgId, ctx.orgId));
      const made = await addTeam(
        asDb(tx),
        {
          key: teamKeyOf(name, new Set(keys.map((k) => k.key))),
          name,
          leadId: await leadFor(tx, ctx.orgId, given),
          ownershipStrategy: 'round-robin',
          capacity: 10,
          members: [],
        },
        ctx,
      );
      id = made.id;
    }
    const { team, link, members } = await lockedGroup(tx, ctx.orgId, id);
    const after = unique([...members, ...given]);
    await checkMembers(tx, ctx.orgId, given, membersDiff(members, after).added);
    await saveLink(tx, ctx, team, link, externalId);
    await saveMembers(tx, ctx, team, members, after);
    return { id, linked: Boolean(existing) };
  });
}

/** Writes a group's new state: name, link, then members; checked first, so a refusal changes nothing. */
async function saveGroup(
  tx: Tx,
  ctx: AdminCtx,
  locked: Awaited<ReturnType<typeof lockedGroup>>,
  next: ScimGroupState,
  named: string[],
) {
  const { team, link, members } = locked;
  if (next.displayName.toLowerCase() !== team.name.toLowerCase())
    await assertNameFree(tx, ctx.orgId, next.displayName, team.id);
  await assertExternalIdFree(tx, ctx.orgId, next.externalId, team.id);
  await checkMembers(tx, ctx.orgId, named, membersDiff(members, next.members).added);
  const renamed = await rename(tx, ctx, team, next.displayName);
  await saveLink(tx, ctx, renamed, link, next.externalId);
  await saveMembers(tx, ctx, renamed, members, next.members);
}

/**
 * PUT /Groups/{id}: the name and the whole member list; `members` left out leaves the members as
 * they are, `externalId` left out leaves it as it is.
 */
export async function replaceGroup(db: Db, ctx: AdminCtx, id: string, input: ScimGroupInput) {
  return db.transaction(async (tx) => {
    const locked = await lockedGroup(tx, ctx.orgId, id);
    const members =
      input.members === undefined ? locked.members : unique((input.members ?? []).map((m) => m.value));
    const next: ScimGroupState = {
      displayName: input.displayName.trim(),
      externalId:
        input.externalId === undefined ? (locked.link?.externalId ?? null) : clean(input.externalId),
      members,
    };
    await saveGroup(tx, ctx, locked, next, members);
  });
}

/** PATCH /Groups/{id}: the operations applied to the group as it is, all or none. */
export async function patchGroup(db: Db, ctx: AdminCtx, id: string, operations: PatchOperation[]) {
  return db.transaction(async (tx) => {
    const locked = await lockedGroup(tx, ctx.orgId, id);
    const { state, named } = applyGroupPatch(
      {
        displayName: locked.team.name,
        externalId: locked.link?.externalId ?? null,
        members: locked.members,
      },
      operations,
      id,
    );
    await saveGroup(tx, ctx, locked, state, named);
  });
}

/**
 * DELETE /Groups/{id}: the provider stops managing the team (its link and externalId go); the team,
 * its members and its handoffs stay, since a team with history is never deleted by a provider.
 * Again, nothing more happens.
 */
export async function unlinkGroup(db: Db, ctx: AdminCtx, id: string) {
  return db.transaction(async (tx) => {
    const { team, link } = await lockedGroup(tx, ctx.orgId, id);
    if (!link) return;
    await tx.delete(scimTeams).where(eq(scimTeams.teamId, team.id));
    await recordChange(
      tx,
      ctx,
      'team.changed',
      { id: team.key, name: team.name },
      {
        managedBy: { from: managedBy, to: null },
        ...(link.externalId ? { externalId: { from: link.externalId, to: null } } : {}),
      },
    );
  });
}
