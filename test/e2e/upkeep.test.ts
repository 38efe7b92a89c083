import pino from 'pino';
import { expect, it } from 'vitest';
import { pgliteUpkeep, upkeepJob } from '../../src/db/upkeep.ts';
import { describeOnDatabases } from '../support/harness.ts';

// PGlite has no autovacuum: Baton's upkeep job gives the planner statistics and vacuums every
// table in turn. A PostgreSQL server does this itself, so there the job is not scheduled.

describeOnDatabases('database upkeep', (h) => {
  const logger = pino({ level: 'silent' });

  it('analyzes the tables that grew, and vacuums one table per step until each has had its turn (PGlite only)', async () => {
    const database = h().database;
    if (database.kind === 'postgres') {
      expect(upkeepJob(database, logger, 60_000)).toEqual([]);
      return;
    }
    expect(upkeepJob(database, logger, 60_000).map((j) => j.id)).toEqual(['db.upkeep']);
    const pglite = database.pglite!;
    const addCases = (n: number, subject: string) =>
      pglite.exec(`insert into cases (id, org_id, customer_id, subject, channel)
        select 'cs_upkeep_${subject}_' || g, '${h().org.orgId}', 'cu_upkeep', '${subject} ' || g, 'chat'
        from generate_series(1, ${n}) g`);
    await addCases(2000, 'first');
    const stats = async () =>
      (
        await pglite.query<{ name: string; tuples: number; vacuumed: boolean }>(
          `select c.relname as name, c.reltuples::int as tuples, s.last_vacuum is not null as vacuumed
           from pg_class c join pg_namespace n on n.oid = c.relnamespace
           join pg_stat_user_tables s on s.relid = c.oid
           where n.nspname = 'public' and c.relkind = 'r' order by c.relname`,
        )
      ).rows;
    const tuples = async (table: string) => (await stats()).find((t) => t.name === table)!.tuples;
    const before = await stats();
    expect(before.find((t) => t.name === 'cases')!.tuples).toBe(-1); // never analyzed: the planner guesses
    const upkeep = pgliteUpkeep(database, logger);
    const first = await upkeep.tick();
    expect(first.analyzed).toContain('cases');
    expect(first.vacuumed).toBe(before[0]!.name);
    expect(await tuples('cases')).toBeGreaterThanOrEqual(2000);
    // No growth, no analyze; a fifth more pages, analyzed again at the next step.
    expect((await upkeep.tick()).analyzed).not.toContain('cases');
    await addCases(1000, 'second');
    expect((await upkeep.tick()).analyzed).toContain('cases');
    expect(await tuples('cases')).toBeGreaterThanOrEqual(3000);
    const vacuumed: (string | null)[] = [first.vacuumed, before[1]!.name, before[2]!.name];
    for (const _ of before.slice(3)) vacuumed.push((await upkeep.tick()).vacuumed);
    expect(vacuumed).toEqual(before.map((t) => t.name));
    expect((await stats()).filter((t) => !t.vacuumed)).toEqual([]);
    // The turn starts again from the first table.
    expect((await upkeep.tick()).vacuumed).toBe(before[0]!.name);
  });
});
