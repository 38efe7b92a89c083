import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../db/database.ts';
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
  const handoffId = event.handoffId ?? null;
  const actorId = event.actorId ?? null;
  const at = event.at.toISOString();
  // One round trip: the insert and its NOTIFY (delivered only if the transaction commits).
  const res = await tx.execute(sql`
    with e as (
      insert into ${caseEvents} (id, org_id, case_id, handoff_id, type, at, actor_id, data)
      values (${id}, ${event.orgId}, ${event.caseId}, ${handoffId}, ${event.type}, ${at}, ${actorId}, ${JSON.stringify(data)}::jsonb)
      returning seq
    )
    select e.seq, pg_notify(${eventsChannel}, json_build_object(
      'seq', e.seq, 'id', ${id}::text, 'orgId', ${event.orgId}::text, 'caseId', ${event.caseId}::text,
      'handoffId', ${handoffId}::text, 'type', ${event.type}::text, 'at', ${at}::text)::text) as notified
    from e`);
  const stored: StoredEvent = {
    ...event,
    handoffId,
    actorId,
    data,
    id,
    seq: Number(rowsOf<{ seq: number | string }>(res)[0]!.seq),
  };
  for (const listener of listeners) await listener(tx, stored);
  return stored;
}
