import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { appendEvents, type NewEvent } from '../events/events.commands.ts';
import { EventType } from '../events/names.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import type { Principal } from '../http/context.ts';
import { endsWithJourney, isDone } from './case-status.ts';
import { cases } from './cases.table.ts';

// The case's status kept in step with its handoffs (case-status.ts): the journey's last leg resolved
// resolves the case; a handoff sent on a resolved case opens it again. Both run inside the handoff's
// own transaction, with the case already locked by it.

type Ctx = { principal: Principal; now: Date };

/**
 * After a handoff is resolved (its case locked first, `caseStatus` as locked): when no handoff of
 * the case is still open, the case is resolved too, with a `case.resolved` event naming that
 * handoff.
 */
export async function resolveCaseAtJourneyEnd(
  tx: Tx,
  ref: { orgId: string; caseId: string; handoffId: string },
  caseStatus: string,
  ctx: Ctx,
): Promise<void> {
  const [open] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(handoffs)
    .where(and(eq(handoffs.caseId, ref.caseId), inArray(handoffs.state, ['sent', 'accepted'])));
  if (!endsWithJourney(caseStatus, Number(open?.n ?? 0))) return;
  await appendEvents(
    tx,
    [
      {
        orgId: ref.orgId,
        caseId: ref.caseId,
        type: EventType.caseResolved,
        at: ctx.now,
        actorId: ctx.principal.personId,
        data: { from: caseStatus, handoffId: ref.handoffId },
      },
    ],
    {
      writes: [
        tx.update(cases).set({ status: 'resolved', updatedAt: ctx.now }).where(eq(cases.id, ref.caseId)),
      ],
    },
  );
}

/** A case a send found resolved or closed, and the handoff that opens it. */
export type Reopening = { orgId: string; caseId: string; from: string; handoffId: string; ctx: Ctx };

/**
 * Opens the cases that handoffs were sent on while resolved or closed (work is with someone again),
 * each with a `case.reopened` event naming the handoff. One per case, the first send's.
 */
export async function reopenCasesForSends(tx: Tx, reopenings: Reopening[]): Promise<void> {
  const byCase = new Map<string, Reopening>();
  for (const r of reopenings) if (isDone(r.from) && !byCase.has(r.caseId)) byCase.set(r.caseId, r);
  if (byCase.size === 0) return;
  const events: NewEvent[] = [...byCase.values()].map((r) => ({
    orgId: r.orgId,
    caseId: r.caseId,
    type: EventType.caseReopened,
    at: r.ctx.now,
    actorId: r.ctx.principal.personId,
    data: { from: r.from, handoffId: r.handoffId },
  }));
  const now = [...byCase.values()][0]!.ctx.now;
  await appendEvents(tx, events, {
    writes: [
      tx
        .update(cases)
        .set({ status: 'open', updatedAt: now })
        .where(inArray(cases.id, [...byCase.keys()])),
    ],
  });
}
