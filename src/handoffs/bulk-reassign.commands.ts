import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { changerOf, holdTeams, ownerChanges } from '../ownership/ownership.commands.ts';
import { teamMembers } from '../teams/teams.table.ts';
import { assertMayOwn, type Ctx, move } from './handoffs.commands.ts';
import { handoffs } from './handoffs.table.ts';
import type { BulkReassign } from './handoffs.types.ts';
import { type Actor, mayAct, mayNotActMessage } from './may-act.ts';

/** What became of one handoff of a bulk reassignment. */
export type BulkOutcome =
  | { id: string; outcome: 'reassigned'; ownerId: string; previousOwnerId: string | null }
  | { id: string; outcome: 'unchanged'; ownerId: string }
  | { id: string; outcome: 'refused'; error: { code: string; message: string } };

const refused = (id: string, e: ApiError): BulkOutcome => ({
  id,
  outcome: 'refused',
  error: { code: e.code, message: e.message },
});

/**
 * Reassigns several handoffs in one transaction: each to `ownerId`, or to the next member by its
 * team's rule. One that cannot be (unknown, closed meanwhile, not the actor's to act on) is refused
 * on its own and left as it was; the others move, each an `owner.changed` event, written together
 * so each new owner hears of them in one notice. A new owner who cannot own anything refuses all.
 */
export async function reassignHandoffs(db: Db, input: BulkReassign, actor: Actor, ctx: Ctx) {
  const orgId = ctx.principal.orgId;
  return db.transaction(async (tx) => {
    if (input.ownerId) await assertMayOwn(tx, orgId, input.ownerId);
    // Locked in id order, as every command that holds several handoffs, so two never deadlock.
    const rows = await tx
      .select()
      .from(handoffs)
      .where(and(eq(handoffs.orgId, orgId), inArray(handoffs.id, input.ids)))
      .orderBy(asc(handoffs.id))
      .for('update');
    const mine =
      actor.leadOrSupervisor || !actor.personId
        ? new Set<string>()
        : new Set(
            (
              await tx
                .select({ teamId: teamMembers.teamId })
                .from(teamMembers)
                .where(eq(teamMembers.personId, actor.personId))
            ).map((m) => m.teamId),
          );
    const byId = new Map(rows.map((h) => [h.id, h]));
    if (!input.ownerId) await holdTeams(tx, rows);
    const changes = ownerChanges(tx, ctx.now, changerOf(ctx.principal));
    const outcomes: BulkOutcome[] = [];
    // In the order given (the queue's), so a rotation deals them out as they were listed.
    for (const id of input.ids) {
      const h = byId.get(id);
      if (!h) {
        outcomes.push(refused(id, notFound('handoff', id)));
        continue;
      }
      if (!mayAct(actor, { ...h, withMyTeam: mine.has(h.toTeamId) }, 'reassign')) {
        outcomes.push(refused(id, new ApiError('forbidden', mayNotActMessage)));
        continue;
      }
      try {
        move(h, 'reassign');
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        outcomes.push(refused(id, e));
        continue;
      }
      const ownerId = input.ownerId ?? (await changes.toNext(h, input.reason));
      const moved = input.ownerId ? await changes.change(h, ownerId, input.reason) : ownerId !== h.ownerId;
      outcomes.push(
        moved
          ? { id, outcome: 'reassigned', ownerId, previousOwnerId: h.ownerId }
          : { id, outcome: 'unchanged', ownerId },
      );
    }
    await changes.write();
    return outcomes;
  });
}
