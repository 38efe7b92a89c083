import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { insertRows } from '../db/json-rows.ts';
import { executeNotifying, notifyOnCommit } from '../db/notices.ts';
import { timers } from './timers.table.ts';

export type NewTimer = {
  orgId: string;
  kind: string;
  refId: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
};

export const timersChannel = 'baton_timers';

/** The notice that wakes the schedulers for work falling due at the earliest of `instants`. */
export function wakeNotices(instants: number[]) {
  if (instants.length === 0) return [];
  return [{ channel: timersChannel, payload: String(Math.min(...instants)) }];
}

/** Wakes the schedulers, on commit, for work falling due at the earliest of `instants`. */
export async function wakeSchedulers(tx: Tx, instants: number[]): Promise<void> {
  await notifyOnCommit(tx, wakeNotices(instants));
}

/** The insert of these timers and the notice that wakes the schedulers, for a caller to run. */
export function timerWrites(list: NewTimer[]) {
  if (list.length === 0) return { writes: [], notices: [] };
  const insert = insertRows(
    timers,
    list.map((t) => ({ ...t, payload: t.payload ?? {} })),
  );
  return { writes: [insert], notices: wakeNotices(list.map((t) => t.dueAt.getTime())) };
}

/** Schedules durable timers in the caller's transaction and wakes the schedulers on commit. */
export async function scheduleTimers(tx: Tx, list: NewTimer[]): Promise<void> {
  const { writes, notices } = timerWrites(list);
  if (writes.length === 0) return;
  await executeNotifying(tx, writes[0]!, notices);
}

/** Unfired timers of these refs no longer apply (clock paused, stopped or cancelled). */
export async function cancelTimers(tx: Tx, refIds: string[]): Promise<void> {
  if (refIds.length === 0) return;
  await tx.delete(timers).where(and(inArray(timers.refId, refIds), isNull(timers.firedAt)));
}

export async function cancelTimer(tx: Tx, id: number): Promise<void> {
  await tx.delete(timers).where(and(eq(timers.id, id), isNull(timers.firedAt)));
}
