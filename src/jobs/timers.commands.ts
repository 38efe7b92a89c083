import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { timers } from './timers.table.ts';

export type NewTimer = {
  orgId: string;
  kind: string;
  refId: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
};

export const timersChannel = 'baton_timers';

/** Schedules durable timers in the caller's transaction and wakes the schedulers on commit. */
export async function scheduleTimers(tx: Tx, list: NewTimer[]): Promise<void> {
  if (list.length === 0) return;
  const insert = tx
    .insert(timers)
    .values(list.map((t) => ({ ...t, payload: t.payload ?? {} })))
    .returning({ id: timers.id });
  const earliest = Math.min(...list.map((t) => t.dueAt.getTime()));
  // One round trip: a data-modifying CTE runs even though the outer select does not read it.
  await tx.execute(sql`with inserted as ${insert} select pg_notify(${timersChannel}, ${String(earliest)})`);
}

/** Unfired timers of these refs no longer apply (clock paused, stopped or cancelled). */
export async function cancelTimers(tx: Tx, refIds: string[]): Promise<void> {
  if (refIds.length === 0) return;
  await tx.delete(timers).where(and(inArray(timers.refId, refIds), isNull(timers.firedAt)));
}

export async function cancelTimer(tx: Tx, id: number): Promise<void> {
  await tx.delete(timers).where(and(eq(timers.id, id), isNull(timers.firedAt)));
}
