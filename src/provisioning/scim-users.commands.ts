import { and, eq } from 'drizzle-orm';
import type { AdminCtx } from '../admin/admin-changes.commands.ts';
import type { Db, Tx } from '../db/database.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { deactivatePerson } from '../people/people.commands.ts';
import { people } from '../people/people.table.ts';
import { addPerson, changePerson, reactivatePerson } from '../people/people-admin.commands.ts';
import { scimPeople } from './provisioning.table.ts';
import type { PatchOperation, ProvisionedRole, ScimUserInput } from './scim.types.ts';
import { applyPatch } from './scim-patch.ts';
import {
  checkedState,
  personNameOf,
  type ScimUserRow,
  type ScimUserState,
  stateOf,
  stateOfRow,
} from './scim-user.ts';
import { holdersOf, scimUserById } from './scim-users.queries.ts';

// The people commands run inside these transactions as savepoints (a transaction is a database to
// them): a SCIM request is all or nothing, the person and their SCIM row together.
const asDb = (tx: Tx) => tx as unknown as Db;

async function lockedUser(tx: Tx, orgId: string, id: string) {
  const [person] = await tx
    .select({ roles: people.roles })
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.id, id)))
    .for('update');
  const row = person && (await scimUserById(tx, orgId, id));
  if (!person || !row) throw notFound('person', id);
  return { row, isAdmin: person.roles.includes('admin') };
}

/** userName, the address and externalId each name one person of the organisation. */
async function assertFree(tx: Tx, orgId: string, state: ScimUserState, self?: string) {
  const [other] = (await holdersOf(tx, orgId, state)).filter((h) => h.id !== self);
  if (other) throw taken(other, state);
}

const taken = (other: ScimUserRow, state: ScimUserState) =>
  new ApiError(
    'scim_uniqueness',
    other.externalId && other.externalId === state.externalId
      ? `externalId ${state.externalId} is already ${other.name}'s in this organisation`
      : `${state.userName} is already ${other.name}'s userName or address in this organisation`,
    { field: 'userName' },
  );

const adminsOwn = (what: string) =>
  new ApiError('forbidden', `an admin's ${what} is changed in Baton by another admin, not by provisioning`);

/**
 * Writes a person's new state: name and address through the People commands (logged there), SCIM's
 * row beside them, then their access: `active: false` takes it through `deactivatePerson` (their
 * open handoffs are handed on, their sessions and tokens end), `true` gives it back.
 */
async function save(tx: Tx, ctx: AdminCtx, before: ScimUserRow, isAdmin: boolean, after: ScimUserState) {
  const id = before.id;
  const name = personNameOf(after);
  const email = after.email !== before.email ? after.email : undefined;
  // A changed address is where a password reset link goes: a provider's token must not take an admin's.
  if (email && isAdmin) throw adminsOwn('e-mail address');
  if (email || name !== before.name)
    await changePerson(asDb(tx), id, { email, name: name !== before.name ? name : undefined }, ctx);
  const link = {
    userName: after.userName,
    externalId: after.externalId,
    givenName: after.givenName,
    familyName: after.familyName,
    updatedAt: ctx.now,
  };
  await tx
    .insert(scimPeople)
    .values({ personId: id, orgId: ctx.orgId, ...link })
    .onConflictDoUpdate({ target: scimPeople.personId, set: link });
  if (before.active && !after.active) await deactivatePerson(asDb(tx), id, { ...ctx, byAdmin: true });
  if (!before.active && after.active) {
    if (isAdmin) throw adminsOwn('access');
    await reactivatePerson(asDb(tx), id, ctx);
  }
}

/**
 * POST /Users. A deactivated person with the same address is the same person back (rehired, or the
 * app assigned to them again): they are linked and given their access back, history and all, rather
 * than refused for ever, since people are never erased and an address names one person.
 */
export async function provisionUser(db: Db, ctx: AdminCtx, input: ScimUserInput, role: ProvisionedRole) {
  const state = checkedState(stateOf(input));
  return db.transaction(async (tx) => {
    const holders = await holdersOf(tx, ctx.orgId, state);
    const back = holders.length === 1 && !holders[0]!.active ? holders[0] : undefined;
    if (back && back.email === state.email) {
      const { row, isAdmin } = await lockedUser(tx, ctx.orgId, back.id);
      await save(tx, ctx, row, isAdmin, state);
      return { id: back.id, relinked: true };
    }
    if (holders[0]) throw taken(holders[0], state);
    const person = await addPerson(
      asDb(tx),
      { name: personNameOf(state), email: state.email, roles: [role], skills: [], teams: [] },
      ctx,
    );
    const { row } = await lockedUser(tx, ctx.orgId, person.id);
    await save(tx, ctx, row, false, state);
    return { id: person.id, relinked: false };
  });
}

/** PUT /Users/{id}: the whole User; `active` left out stays as it is. */
export async function replaceUser(db: Db, ctx: AdminCtx, id: string, input: ScimUserInput) {
  return db.transaction(async (tx) => {
    const { row, isAdmin } = await lockedUser(tx, ctx.orgId, id);
    const state = checkedState(stateOf(input, row.active));
    await assertFree(tx, ctx.orgId, state, id);
    await save(tx, ctx, row, isAdmin, state);
  });
}

/** PATCH /Users/{id}: the operations applied to what the resource says now, all or none. */
export async function patchUser(db: Db, ctx: AdminCtx, id: string, operations: PatchOperation[]) {
  return db.transaction(async (tx) => {
    const { row, isAdmin } = await lockedUser(tx, ctx.orgId, id);
    const state = checkedState(applyPatch(stateOfRow(row), operations));
    await assertFree(tx, ctx.orgId, state, id);
    await save(tx, ctx, row, isAdmin, state);
  });
}

/** DELETE /Users/{id}: the person loses access and keeps their history; again, nothing more happens. */
export async function deprovisionUser(db: Db, ctx: AdminCtx, id: string) {
  return db.transaction(async (tx) => {
    const { row } = await lockedUser(tx, ctx.orgId, id);
    if (row.active) await deactivatePerson(asDb(tx), id, { ...ctx, byAdmin: true });
  });
}
