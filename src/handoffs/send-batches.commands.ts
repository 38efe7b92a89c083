import type { Database, Db } from '../db/database.ts';
import type { HandoffView } from './handoff-view.ts';
import type { SendRequest } from './open-sends.commands.ts';
import { createHandoffsIn, type Outcome } from './send.commands.ts';

// Group sending: the handoff requests that arrive while a transaction of sends is running wait for
// it, then go together in the next one. A send costs a handful of round trips and a commit whatever
// the batch size, so under load the database does the same work for many senders at once (the way
// PostgreSQL itself groups commits); with one sender at a time nothing waits.
//
// On a PostgreSQL server the next batch does not wait for the whole of the one before it: it starts
// once that one holds its receiving teams, locks its own cases, reads what its sends need and writes
// their clocks while the other writes its handoffs and commits, and then waits only for the teams.
// Each batch's turn with the teams is one after another, as before; what overlaps is the rest
// (32 clients, alternated: one in flight 900 to 1,050 sends/s, two 1,200 to 1,280, three no more
// than two). PGlite runs one transaction at
// a time in this very thread, so there a batch starts when the one before it has finished.

type Waiting = SendRequest & { resolve: (view: HandoffView) => void; reject: (error: unknown) => void };
type Lane = {
  /** Requests not yet in a batch. */
  waiting: Waiting[];
  /** Batches in flight. */
  running: number;
  /** A batch is being formed, or is in flight without its teams yet: the next one waits for it. */
  starting: boolean;
  /** How many batches may be in flight at once. */
  depth: number;
};

/** Large enough to absorb a burst of senders, small enough to bound the locks one transaction holds. */
export const maxBatch = 64;

const lanes = new WeakMap<Database, Lane>();

/**
 * Creates (and unless a draft, sends) a handoff in the next transaction of sends on this database;
 * resolves, once that transaction has committed, to the handoff as `GET /handoffs/{id}` shows it.
 */
export function createHandoffBatched(database: Database, request: SendRequest): Promise<HandoffView> {
  let lane = lanes.get(database);
  if (!lane) {
    lane = { waiting: [], running: 0, starting: false, depth: database.kind === 'postgres' ? 2 : 1 };
    lanes.set(database, lane);
  }
  const waiting = lane.waiting;
  const promise = new Promise<HandoffView>((resolve, reject) =>
    waiting.push({ ...request, resolve, reject }),
  );
  startNext(database.db, lane);
  return promise;
}

function startNext(db: Db, lane: Lane) {
  if (lane.starting || lane.running >= lane.depth || lane.waiting.length === 0) return;
  lane.starting = true;
  // One turn of the event loop first: requests already read from the network join this batch.
  // (PGlite runs in this thread, so without the pause each send would finish before the next arrives.)
  setImmediate(() => {
    const batch = lane.waiting.splice(0, maxBatch);
    lane.running++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      lane.starting = false;
      startNext(db, lane);
    };
    void run(db, batch, release).finally(() => {
      lane.running--;
      release();
      startNext(db, lane);
    });
  });
}

/** Runs one batch; `teamsHeld` is called once its receiving teams are locked (or it failed). */
async function run(db: Db, batch: Waiting[], teamsHeld: () => void): Promise<void> {
  let outcomes: Outcome[];
  try {
    outcomes = await db.transaction((tx) => createHandoffsIn(tx, batch, { teamsHeld }));
  } catch (error) {
    teamsHeld();
    if (batch.length === 1) return batch[0]!.reject(error);
    // A database error aborts the whole transaction, whoever caused it: each request is tried again
    // on its own, so the error reaches only its own sender and the others still go through.
    for (const request of batch) await run(db, [request], () => {});
    return;
  }
  // The answers are built after the commit, so the teams are held no longer than the writes need.
  for (const [i, outcome] of outcomes.entries()) {
    if (!outcome.ok) {
      batch[i]!.reject(outcome.error);
      continue;
    }
    try {
      batch[i]!.resolve(outcome.view());
    } catch (error) {
      batch[i]!.reject(error);
    }
  }
}
