import { type SQL, sql } from 'drizzle-orm';
import type { Db, Queryable, Tx } from './database.ts';

/** A NOTIFY: what a committed change tells the processes listening on `channel`. */
export type Notice = { channel: string; payload: string };

// PGlite is one process by construction (its folder is locked to one), so a NOTIFY there only ever
// talks to itself, and PostgreSQL's notification queue was most of a PGlite commit's cost. There the
// notices of a transaction are kept beside it and handed to the process's listeners once it commits;
// a savepoint that rolls back takes its notices with it, as PostgreSQL's own NOTIFY does.

/** The notices each in-process transaction (and savepoint) has raised so far. */
const pending = new WeakMap<object, Notice[]>();

/** Whether `q` keeps its notices in process until it commits (PGlite) instead of sending NOTIFYs. */
export function keepsNoticesInProcess(q: Queryable): boolean {
  return pending.has(q);
}

/** Raises `notices` in `tx`: delivered to every listening process if, and once, it commits. */
export async function notifyOnCommit(tx: Tx, notices: Notice[]): Promise<void> {
  if (notices.length === 0) return;
  const kept = pending.get(tx);
  if (kept) kept.push(...notices);
  else await tx.execute(notifySelect(notices));
}

/** Runs `write` and raises `notices` with it: one round trip where NOTIFY goes through the database. */
export async function executeNotifying(tx: Tx, write: SQL, notices: Notice[]): Promise<void> {
  if (notices.length === 0 || keepsNoticesInProcess(tx)) {
    await tx.execute(write);
    await notifyOnCommit(tx, notices);
    return;
  }
  // A data-modifying CTE runs even though the outer select does not read it.
  await tx.execute(sql`with written as (${write}) ${notifySelect(notices)}`);
}

/** One `select` raising `notices` in order, for a statement that sends them itself. */
export function notifySelect(notices: Notice[]): SQL {
  return sql`select ${sql.join(
    notices.map((n) => sql`pg_notify(${n.channel}, ${n.payload})`),
    sql`, `,
  )}`;
}

type Scope = { transaction: (fn: (tx: Tx) => Promise<unknown>, config?: unknown) => Promise<unknown> };

/**
 * Makes every transaction begun on `db` keep its notices in process and hand them to `deliver`
 * once it has committed (nothing if it rolls back). Identical notices of one transaction are
 * handed over once, in the place of the first, as PostgreSQL folds them.
 */
export function deliverNoticesOnCommit(db: Db, deliver: (notices: Notice[]) => void): void {
  keepIn(db as unknown as Scope, (notices) => deliver(foldedOnce(notices)));
}

function foldedOnce(notices: Notice[]): Notice[] {
  const seen = new Set<string>();
  return notices.filter((n) => {
    const key = `${n.channel}\u0000${n.payload}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function keepIn(scope: Scope, done: (notices: Notice[]) => void): void {
  const begin = scope.transaction.bind(scope);
  scope.transaction = async (fn, config) => {
    const notices: Notice[] = [];
    const result = await begin((tx) => {
      pending.set(tx, notices);
      // A savepoint's notices join its transaction's only if the savepoint is released.
      keepIn(tx as unknown as Scope, (released) => notices.push(...released));
      return fn(tx);
    }, config);
    if (notices.length > 0) done(notices);
    return result;
  };
}
