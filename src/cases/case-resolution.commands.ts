import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { appendEvent } from '../events/events.commands.ts';
import { EventType } from '../events/names.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import type { Principal } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { isDone } from './case-status.ts';
import { lockCase } from './cases.commands.ts';
import { cases } from './cases.table.ts';

/**
 * Resolves a case where it is: the way a case that never left the first team ends (analytics counts
 * its resolution time from this event). A case with an open handoff is refused: that handoff's owner
 * is accountable, and resolving the handoff resolves the journey.
 */
export async function resolveCase(db: Db, caseId: string, ctx: { principal: Principal; now: Date }) {
  const orgId = ctx.principal.orgId;
  return db.transaction(async (tx) => {
    const kase = await lockCase(tx, orgId, caseId);
    if (isDone(kase.status)) {
      throw new ApiError('invalid_transition', `the case is already ${kase.status}`, {
        state: kase.status,
        action: 'resolve',
      });
    }
    const open = await tx
      .select({ id: handoffs.id })
      .from(handoffs)
      .where(and(eq(handoffs.caseId, caseId), inArray(handoffs.state, ['sent', 'accepted'])));
    if (open.length > 0) {
      throw new ApiError('invalid_transition', 'the case has an open handoff: resolve or cancel it first', {
        state: kase.status,
        action: 'resolve',
        handoffId: open[0]!.id,
      });
    }
    await tx.update(cases).set({ status: 'resolved', updatedAt: ctx.now }).where(eq(cases.id, caseId));
    await appendEvent(tx, {
      orgId,
      caseId,
      type: EventType.caseResolved,
      at: ctx.now,
      actorId: ctx.principal.personId,
      data: { from: kase.status },
    });
    return { id: caseId, status: 'resolved' as const, resolvedAt: ctx.now.toISOString() };
  });
}
