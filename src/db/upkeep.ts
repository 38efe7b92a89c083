import type { Logger } from 'pino';
import type { Job } from '../jobs/scheduler.ts';
import type { Database } from './database.ts';

// PGlite runs PostgreSQL as one embedded backend, without the autovacuum workers a server has. Left
// alone, the rows Baton updates all day (timers fired, outbox rows delivered, handoffs moved on)
// are never reclaimed, the planner never gets statistics (it guesses every table is small), and
// transaction ids are never frozen. This job does autovacuum's work in small steps: statistics for
// every table once, then VACUUM (ANALYZE) of one table per tick, in turn. A vacuum holds PGlite's
// only connection, so one table at a time keeps each pause short; tables only ever appended to are
// cheap to vacuum again (PostgreSQL skips pages it knows are all visible).

/** Past this many transactions since the oldest unfrozen one, say so (PostgreSQL stops near 2 billion). */
const wraparoundWarning = 1_000_000_000;

export type Upkeep = { tick(): Promise<{ analyzedAll: boolean; vacuumed: string | null; ms: number }> };

export function pgliteUpkeep(database: Database, logger: Logger): Upkeep {
  const pglite = database.pglite;
  let analyzed = false;
  let next = 0;
  return {
    async tick() {
      const started = performance.now();
      if (!pglite) return { analyzedAll: false, vacuumed: null, ms: 0 };
      if (!analyzed) {
        await pglite.exec('analyze');
        analyzed = true;
        return { analyzedAll: true, vacuumed: null, ms: performance.now() - started };
      }
      const { rows } = await pglite.query<{ name: string }>(
        `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind = 'r' order by c.relname`,
      );
      if (rows.length === 0) return { analyzedAll: false, vacuumed: null, ms: 0 };
      const table = rows[next % rows.length]!.name;
      next = (next + 1) % rows.length;
      await pglite.exec(`vacuum (analyze) "${table.replaceAll('"', '""')}"`);
      const ms = performance.now() - started;
      logger.debug({ table, ms: Math.round(ms) }, 'vacuumed');
      const [age] = (
        await pglite.query<{ age: number }>(
          'select age(datfrozenxid)::int as age from pg_database where datname = current_database()',
        )
      ).rows;
      if (age && age.age > wraparoundWarning)
        logger.warn({ age: age.age }, 'transaction ids are ageing: vacuum is not keeping up');
      return { analyzedAll: false, vacuumed: table, ms };
    },
  };
}

/** The upkeep as a scheduler job; none on a PostgreSQL server, whose autovacuum does this. */
export function upkeepJob(database: Database, logger: Logger, every: number): Job[] {
  if (database.kind !== 'pglite') return [];
  const upkeep = pgliteUpkeep(database, logger);
  return [{ id: 'db.upkeep', every, run: async () => void (await upkeep.tick()) }];
}
