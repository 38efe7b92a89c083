import { and, eq, like, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { appendEvent } from '../events/events.commands.ts';
import { EventType } from '../events/names.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import type { Principal } from '../http/context.ts';
import { ApiError, notFound } from '../http/errors.ts';
import type { LadderStep } from '../scenarios/scenarios.types.ts';
import { startClocks } from '../sla/sla.commands.ts';
import { slaClocks } from '../sla/sla.table.ts';

type Ctx = { principal: Principal; now: Date };

/** A promise about to be broken warns the owner at 80 %, then the team lead when it is due. */
export const promiseLadder: LadderStep[] = [
  { at: 80, action: 'warn_owner' },
  { at: 100, action: 'notify_lead' },
];

const alwaysOpen = { timezone: 'UTC', hours: '24/7' as const };

/**
 * A follow-up promise made to the customer ("we'll get back to you by Friday") becomes a clock with
 * the same durability and ladder as SLA clocks: its breach is a broken promise, fired exactly once.
 */
export async function makePromise(db: Db, handoffId: string, input: { text: string; due: string }, ctx: Ctx) {
  const due = new Date(input.due);
  if (due.getTime() <= ctx.now.getTime())
    throw new ApiError('validation_failed', 'a promise must be due in the future', { field: 'due' });
  return db.transaction(async (tx) => {
    const [h] = await tx
      .select()
      .from(handoffs)
      .where(and(eq(handoffs.orgId, ctx.principal.orgId), eq(handoffs.id, handoffId)))
      .for('update');
    if (!h) throw notFound('handoff', handoffId);
    if (h.state !== 'sent' && h.state !== 'accepted') {
      throw new ApiError('invalid_transition', `a ${h.state} handoff takes no new promises`, {
        state: h.state,
        action: 'promise',
      });
    }
    const [{ n }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(slaClocks)
      .where(and(eq(slaClocks.handoffId, handoffId), like(slaClocks.name, 'promise-%')))) as [{ n: number }];
    const name = `promise-${Number(n) + 1}`;
    const minutes = Math.max(1, Math.round((due.getTime() - ctx.now.getTime()) / 60_000));
    const ref = { orgId: h.orgId, caseId: h.caseId, handoffId };
    const [clock] = await startClocks(
      tx,
      ref,
      [{ name, target: `PT${minutes}M`, calendar: alwaysOpen, ladder: promiseLadder }],
      ctx.now,
    );
    await appendEvent(tx, {
      ...ref,
      type: EventType.promiseMade,
      at: ctx.now,
      actorId: ctx.principal.personId,
      data: { handoffId, clock: name, text: input.text, due: clock!.deadline.toISOString() },
    });
    return { handoffId, clock: name, text: input.text, due: clock!.deadline.toISOString() };
  });
}

/** The warm update went out through the helpdesk (or was sent by hand): logged, and outbound as an event. */
export async function markCustomerUpdateSent(db: Db, handoffId: string, text: string | undefined, ctx: Ctx) {
  return db.transaction(async (tx) => {
    const [h] = await tx
      .select()
      .from(handoffs)
      .where(and(eq(handoffs.orgId, ctx.principal.orgId), eq(handoffs.id, handoffId)))
      .for('update');
    if (!h) throw notFound('handoff', handoffId);
    const draft = h.customerUpdate as { text: string; replyBy: string } | null;
    if (!draft)
      throw new ApiError('invalid_transition', 'this handoff has no customer update to send', {
        state: h.state,
        action: 'send_update',
      });
    const sent = { ...draft, text: text ?? draft.text, sentAt: ctx.now.toISOString() };
    await tx.update(handoffs).set({ customerUpdate: sent }).where(eq(handoffs.id, handoffId));
    await appendEvent(tx, {
      orgId: h.orgId,
      caseId: h.caseId,
      handoffId,
      type: EventType.customerUpdateSent,
      at: ctx.now,
      actorId: ctx.principal.personId,
      data: { handoffId, text: sent.text, replyBy: sent.replyBy },
    });
    return sent;
  });
}
