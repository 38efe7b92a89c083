import { sql } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { caseEvents } from './events.table.ts';

export type NewEvent = {
  orgId: string;
  caseId: string;
  handoffId?: string | null;
  type: string;
  at: Date;
  actorId?: string | null;
  data?: Record<string, unknown>;
};

export type StoredEvent = Required<NewEvent> & { id: string; seq: number };

type InTxListener = (tx: Tx, event: StoredEvent) => Promise<void>;
const listeners: InTxListener[] = [];

/** Side effects that must commit with the change (the outbox, derived state) register here. */
export function onEventInTransaction(listener: InTxListener): void {
  listeners.push(listener);
}

export const eventsChannel = 'baton_events';

/**
 * Writes an event to the case's log inside the caller's transaction (invariant 4) and
 * announces it with NOTIFY, which Postgres delivers to every process only if the transaction commits.
 */
export async function appendEvent(tx: Tx, event: NewEvent): Promise<StoredEvent> {
  const id = newId('ev');
  const data = event.data ?? {};
  const [row] = await tx
    .insert(caseEvents)
    .values({
      id,
      orgId: event.orgId,
      caseId: event.caseId,
      handoffId: event.handoffId ?? null,
      type: event.type,
      at: event.at,
      actorId: event.actorId ?? null,
      data,
    })
    .returning({ seq: caseEvents.seq });
  const stored: StoredEvent = {
    ...event,
    handoffId: event.handoffId ?? null,
    actorId: event.actorId ?? null,
    data,
    id,
    seq: row!.seq,
  };
  const note = JSON.stringify({
    seq: stored.seq,
    id,
    orgId: event.orgId,
    caseId: event.caseId,
    handoffId: stored.handoffId,
    type: event.type,
    at: event.at.toISOString(),
  });
  await tx.execute(sql`select pg_notify(${eventsChannel}, ${note})`);
  for (const listener of listeners) await listener(tx, stored);
  return stored;
}
