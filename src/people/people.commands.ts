import { and, eq } from 'drizzle-orm';
import { type AdminCtx, recordChange } from '../admin/admin-changes.commands.ts';
import { changedFields } from '../admin/changes.ts';
import { apiTokens, sessions } from '../auth/auth.table.ts';
import type { Db } from '../db/database.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { signalPerson, signalReference } from '../notifications/notice.commands.ts';
import { holdOrganisation } from '../orgs/orgs.commands.ts';
import { handOnOpenWork } from '../ownership/ownership.commands.ts';
import { teamMembers, teams } from '../teams/teams.table.ts';
import { people } from './people.table.ts';
import { assertAdminRemains } from './people-admin.commands.ts';

type Ctx = AdminCtx;

async function lockPerson(
  db: Db | Parameters<Parameters<Db['transaction']>[0]>[0],
  orgId: string,
  id: string,
) {
  const [p] = await db
    .select()
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.id, id)))
    .for('update');
  if (!p) throw notFound('person', id);
  return p;
}

/** Away or offline people take no new work, and their unaccepted handoffs move on. */
export async function setAvailability(
  db: Db,
  id: string,
  availability: 'available' | 'away' | 'offline',
  ctx: Ctx,
) {
  return db.transaction(async (tx) => {
    const before = await lockPerson(tx, ctx.orgId, id);
    await tx.update(people).set({ availability }).where(eq(people.id, id));
    // Someone else's status set by a lead or a supervisor is in the change log ("who set Priya
    // away?"); a person setting their own, many times a day, is not an administrator's change.
    if (ctx.actorId !== id)
      await recordChange(
        tx,
        ctx,
        'person.changed',
        { id, name: before.name },
        changedFields(before, { availability }),
        // The signal below says which status changed: pages apply it without reading everything.
        { signalled: true },
      );
    // Their open pages follow (the dot on their avatar, in every tab), whoever set it, and so do
    // everyone's choices of owner ("Priya Raman (away)").
    if (before.availability !== availability) {
      await signalPerson(tx, ctx.orgId, id, ctx.now);
      await signalReference(tx, ctx.orgId, ctx.now, { personId: id, availability });
    }
    return { id, availability };
  });
}

/**
 * A person's open handoffs (waiting or accepted) handed on to the next eligible member of each
 * receiving team, at once: someone going home sick, or a lead covering for them. Setting oneself
 * away hands on only those waiting to be picked up (the sweeper); this takes the accepted ones too.
 */
export async function handOnOwnWork(db: Db, id: string, reason: string, ctx: Ctx) {
  return db.transaction(async (tx) => {
    await lockPerson(tx, ctx.orgId, id);
    return { id, ...(await handOnOpenWork(tx, ctx.orgId, id, ctx.now, reason)) };
  });
}

/** Leaving a team hands that team's open handoffs on at once. */
export async function leaveTeam(db: Db, teamKey: string, personId: string, ctx: Ctx) {
  return db.transaction(async (tx) => {
    const person = await lockPerson(tx, ctx.orgId, personId);
    const [team] = await tx
      .select()
      .from(teams)
      .where(and(eq(teams.orgId, ctx.orgId), eq(teams.key, teamKey)));
    if (!team) throw notFound('team', teamKey);
    const removed = await tx
      .delete(teamMembers)
      .where(and(eq(teamMembers.teamId, team.id), eq(teamMembers.personId, personId)))
      .returning();
    if (removed.length === 0) throw notFound('team member', personId);
    const { handedOn } = await handOnOpenWork(
      tx,
      ctx.orgId,
      personId,
      ctx.now,
      `left team ${teamKey}`,
      team.id,
    );
    await recordChange(
      tx,
      ctx,
      'member.left',
      { id: personId, name: person.name },
      {
        team: { from: teamKey, to: null },
        handedOn: { from: null, to: handedOn },
      },
    );
    return { teamKey, personId, handedOn };
  });
}

/**
 * Losing access: sessions and tokens end, and every open handoff the person owns moves on. Refused
 * for the last active admin, and for a team's lead: the lead is the team's fallback owner, who takes
 * what no member can, so the team names another lead first.
 */
/**
 * Takes a person's access and hands their open handoffs on. `byAdmin`: only an admin takes access
 * from an admin, so a lead cannot lock the organisation's admins out one by one.
 */
export async function deactivatePerson(db: Db, personId: string, ctx: Ctx & { byAdmin: boolean }) {
  return db.transaction(async (tx) => {
    await holdOrganisation(tx, ctx.orgId);
    const person = await lockPerson(tx, ctx.orgId, personId);
    if (person.roles.includes('admin') && !ctx.byAdmin)
      throw new ApiError('forbidden', `${person.name} is an admin: only an admin can take their access`, {
        field: 'id',
        required: ['admin'],
      });
    if (person.active === 'yes' && person.roles.includes('admin'))
      await assertAdminRemains(tx, ctx.orgId, personId, 'id');
    const led = await tx
      .select({ key: teams.key, name: teams.name })
      .from(teams)
      .where(and(eq(teams.orgId, ctx.orgId), eq(teams.leadId, personId)));
    if (led.length > 0)
      throw new ApiError(
        'conflict',
        `${person.name} leads ${led.map((t) => t.name).join(', ')}: name another lead first (the lead takes what no member can)`,
        { field: 'id', teams: led.map((t) => t.key) },
      );
    await tx
      .update(people)
      .set({ active: 'no', leftAt: ctx.now, availability: 'offline' })
      .where(eq(people.id, personId));
    await tx.delete(sessions).where(eq(sessions.personId, personId));
    await tx.update(apiTokens).set({ revokedAt: ctx.now }).where(eq(apiTokens.personId, personId));
    const { handedOn } = await handOnOpenWork(tx, ctx.orgId, personId, ctx.now, 'lost access');
    await recordChange(
      tx,
      ctx,
      'person.deactivated',
      { id: personId, name: person.name },
      {
        active: { from: person.active === 'yes', to: false },
        handedOn: { from: null, to: handedOn },
      },
    );
    return { personId, active: false, handedOn };
  });
}
