import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../../src/db/database.ts';

// For tests of what two PostgreSQL transactions do to each other: one held open at a chosen point,
// and how many sessions wait on a lock meanwhile.

/** A promise and the function that settles it (Node 20 has no Promise.withResolvers). */
export function latch() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/** How many sessions of this database wait on a lock now. */
export async function waitingOnLocks(database: Database): Promise<number> {
  return rowsOf<{ n: number }>(
    await database.db.execute(
      sql`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`,
    ),
  )[0]!.n;
}
