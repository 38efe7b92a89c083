import { is, SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { splitPersonal } from '../customers/personal-text.ts';
import { rowsOf, type Tx } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { keepsNoticesInProcess, type Notice, notifyOnCommit } from '../db/notices.ts';
import { executePrepared } from '../db/prepared.ts';
import { caseEvents, eventPersonalData } from './events.table.ts';

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

type InTxBatchListener = (tx: Tx, events: StoredEvent[]) => Promise<void>;
const batchListeners: InTxBatchListener[] = [];

/**
 * Like onEventInTransaction, but handed the events one statement wrote together (a send writes four,
 * a group of sends sixty), so a listener can do its work in a few round trips rather than a few per
 * event. Runs before the per-event listeners, so what those write in turn follows it.
 */
export function onEventsInTransaction(listener: InTxBatchListener): void {
  batchListeners.push(listener);
}

export const eventsChannel = 'baton_events';

/** What the events channel says of an event: enough to route it, not its data. */
export type Announcement = {
  seq: number;
  id: string;
  orgId: string;
  caseId: string;
  handoffId: string | null;
  type: string;
  at: string;
  /** Only on a signal for one person's streams (their inbox changed): never an event of a case. */
  personId?: string;
  /** Only on the reference signal: someone's new status, which a page applies without reading anything. */
  availability?: AvailabilityChange;
};

export type AvailabilityChange = { personId: string; availability: string };

function announcementOf(e: StoredEvent): Announcement {
  return {
    seq: e.seq,
    id: e.id,
    orgId: e.orgId,
    caseId: e.caseId,
    handoffId: e.handoffId,
    type: e.type,
    at: e.at.toISOString(),
  };
}

/**
 * Writes an event to the case's log inside the caller's transaction (invariant 4) and announces it
 * on the events channel, which reaches every process's listeners only if the transaction commits
 * (NOTIFY on PostgreSQL; in process on PGlite, db/notices.ts).
 */
export async function appendEvent(tx: Tx, event: NewEvent): Promise<StoredEvent> {
  const [stored] = await appendEvents(tx, [event]);
  return stored!;
}

/**
 * Writes the command made alongside its events: data-modifying statements run in the events'
 * statement (as CTEs, which run whether or not anything reads them), and notifications raised after
 * the events' own.
 */
export type Alongside = {
  writes?: SQLWrapper[];
  notices?: Notice[];
  /** Run as a named prepared statement (db/prepared.ts): for hot commands whose statement keeps its shape. */
  prepared?: boolean;
};

/**
 * Writes several events of one command in a single round trip, in the order given (their `seq`
 * follows it), each announced on commit; then runs the in-transaction listeners on each.
 * `alongside` puts the command's own writes in that same round trip.
 */
export async function appendEvents(
  tx: Tx,
  events: NewEvent[],
  alongside: Alongside = {},
): Promise<StoredEvent[]> {
  if (events.length === 0) return [];
  const rows = events.map((event) => ({
    ...event,
    id: newId('ev'),
    data: event.data ?? {},
    handoffId: event.handoffId ?? null,
    actorId: event.actorId ?? null,
  }));
  // The events travel as one JSON parameter, however many a batch of commands writes; as jsonb, which
  // hands each event's data to its jsonb column without parsing it again (db/json-rows.ts).
  // A customer's words go beside the log, not into it (customers/personal-text.ts), in the same statement.
  let personal = false;
  const values = JSON.stringify(
    rows.map((e, i) => {
      const split = splitPersonal(e.type, e.data);
      if (split.personal) personal = true;
      return {
        ord: i,
        id: e.id,
        org_id: e.orgId,
        case_id: e.caseId,
        handoff_id: e.handoffId,
        type: e.type,
        at: e.at.toISOString(),
        actor_id: e.actorId,
        data: split.kept,
        personal: split.personal,
      };
    }),
  );
  // `ord` keeps the caller's order: the insert takes rows (and seq values) in it, and the NOTIFYs
  // are raised in it, so listeners in other processes see a command's events in order.
  const writes = (alongside.writes ?? []).map(
    (w, i) => sql`${sql.raw(`w${i}`)} as ${is(w, SQL) ? sql`(${w})` : w},`,
  );
  const personalWrite = personal
    ? sql`p as (insert into ${eventPersonalData} (event_id, org_id, case_id, data)
      select id, org_id, case_id, personal from v where personal is not null),`
    : sql``;
  // On PGlite the notices stay in process until commit (db/notices.ts); elsewhere the statement raises them.
  const inProcess = keepsNoticesInProcess(tx);
  const notices = inProcess
    ? []
    : (alongside.notices ?? []).map(
        (n): SQL => sql` union all select null, null, pg_notify(${n.channel}, ${n.payload})`,
      );
  const announced = inProcess
    ? sql`null`
    : sql`pg_notify(${eventsChannel}, json_build_object(
      'seq', s.seq, 'id', s.id, 'orgId', s.org_id, 'caseId', s.case_id,
      'handoffId', s.handoff_id, 'type', s.type, 'at', s.at)::text)`;
  const statement = sql`
    with ${sql.join(writes, sql` `)}
    v as (select * from jsonb_to_recordset(${values}::jsonb) as x (ord int, id text, org_id text,
      case_id text, handoff_id text, type text, at timestamptz, actor_id text, data jsonb, personal jsonb)),
    ${personalWrite}
    e as (
      insert into ${caseEvents} (id, org_id, case_id, handoff_id, type, at, actor_id, data)
      select id, org_id, case_id, handoff_id, type, at, actor_id, data from v order by ord
      returning id, seq
    )
    select s.ord, s.seq, ${announced} as notified
    from (select v.*, e.seq from e join v on v.id = e.id order by v.ord) s${sql.join(notices, sql``)}`;
  const res = alongside.prepared ? await executePrepared(tx, statement) : await tx.execute(statement);
  const seqs = new Map<number, number>();
  for (const r of rowsOf<{ ord: number | string | null; seq: number | string | null }>(res))
    if (r.ord !== null) seqs.set(Number(r.ord), Number(r.seq));
  const stored: StoredEvent[] = rows.map((e, i) => ({ ...e, seq: seqs.get(i)! }));
  if (inProcess)
    await notifyOnCommit(tx, [
      ...stored.map((e) => ({ channel: eventsChannel, payload: JSON.stringify(announcementOf(e)) })),
      ...(alongside.notices ?? []),
    ]);
  for (const listener of batchListeners) await listener(tx, stored);
  for (const event of stored) for (const listener of listeners) await listener(tx, event);
  return stored;
}
