import type { Logger } from 'pino';
import type { Job } from '../jobs/scheduler.ts';
import type { Database } from './database.ts';

// PGlite runs PostgreSQL as one embedded backend, without the autovacuum workers a server has. Left
// alone, the rows Baton updates all day (timers fired, outbox rows delivered, handoffs moved on)
// are never reclaimed, the planner never gets statistics (it guesses every table is small, and
// picks sequential scans as tables grow), and transaction ids are never frozen. This job does
// autovacuum's work in small steps. Each step:
// - analyzes every table that grew by a fifth since it was last analyzed (PGlite keeps no
//   row-change counts, so growth is read from the table's size against the pages the last ANALYZE
//   recorded); a fresh database gets its statistics at the first step;
// - vacuums one table, in turn: a vacuum holds PGlite's only connection, so one table at a time
//   keeps each pause short, and tables only ever appended to are cheap to vacuum again.

/** Past this many transactions since the oldest unfrozen one, say so (PostgreSQL stops near 2 billion). */
const wraparoundWarning = 1_000_000_000;

export type UpkeepStep = { analyzed: string[]; vacuumed: string | null; ms: number };
export type Upkeep = { tick(): Promise<UpkeepStep> };

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function pgliteUpkeep(database: Database, logger: Logger): Upkeep {
  const pglite = database.pglite;
  let next = 0;
  return {
    async tick() {
      const started = performance.now();
      if (!pglite) return { analyzed: [], vacuumed: null, ms: 0 };
      const { rows } = await pglite.query<{ name: string; grown: boolean }>(
        `select c.relname as name,
           pg_relation_size(c.oid) / current_setting('block_size')::int > c.relpages * 1.2 + 4 as grown
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind = 'r' order by c.relname`,
      );
      const analyzed = rows.filter((r) => r.grown).map((r) => r.name);
      if (analyzed.length > 0) await pglite.exec(`analyze ${analyzed.map(quoted).join(', ')}`);
      let vacuumed: string | null = null;
      if (rows.length > 0) {
        vacuumed = rows[next % rows.length]!.name;
        next = (next + 1) % rows.length;
        await pglite.exec(`vacuum (analyze) ${quoted(vacuumed)}`);
      }
      const ms = performance.now() - started;
      logger.debug({ analyzed, vacuumed, ms: Math.round(ms) }, 'database upkeep');
      const [age] = (
        await pglite.query<{ age: number }>(
          'select age(datfrozenxid)::int as age from pg_database where datname = current_database()',
        )
      ).rows;
      if (age && age.age > wraparoundWarning)
        logger.warn({ age: age.age }, 'transaction ids are ageing: vacuum is not keeping up');
      return { analyzed, vacuumed, ms };
    },
  };
}

/** The upkeep as a scheduler job; none on a PostgreSQL server, whose autovacuum does this. */
export function upkeepJob(database: Database, logger: Logger, every: number): Job[] {
  if (database.kind !== 'pglite') return [];
  const upkeep = pgliteUpkeep(database, logger);
  return [{ id: 'db.upkeep', every, run: async () => void (await upkeep.tick()) }];
}
