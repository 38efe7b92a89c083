import pino from 'pino';
import { expect, it } from 'vitest';
import { pgliteUpkeep, upkeepJob } from '../../src/db/upkeep.ts';
import { describeOnDatabases, newCase } from '../support/harness.ts';

// PGlite has no autovacuum: Baton's upkeep job gives the planner statistics and vacuums every
// table in turn. A PostgreSQL server does this itself, so there the job is not scheduled.

describeOnDatabases('database upkeep', (h) => {
  const logger = pino({ level: 'silent' });

  it('analyzes every table, then vacuums one table per step until each has had its turn (PGlite only)', async () => {
    const database = h().database;
    if (database.kind === 'postgres') {
      expect(upkeepJob(database, logger, 60_000)).toEqual([]);
      return;
    }
    expect(upkeepJob(database, logger, 60_000).map((j) => j.id)).toEqual(['db.upkeep']);
    const pglite = database.pglite!;
    for (let i = 0; i < 20; i++)
      await h().request('POST', '/api/v1/cases', newCase({ subject: `upkeep ${i}` }));
    await pglite.exec(`update cases set subject = subject || ' (edited)'`);
    const stats = async () =>
      (
        await pglite.query<{ name: string; tuples: number; vacuumed: boolean }>(
          `select c.relname as name, c.reltuples::int as tuples, s.last_vacuum is not null as vacuumed
           from pg_class c join pg_namespace n on n.oid = c.relnamespace
           join pg_stat_user_tables s on s.relid = c.oid
           where n.nspname = 'public' and c.relkind = 'r' order by c.relname`,
        )
      ).rows;
    const before = await stats();
    const cases = () => before.find((t) => t.name === 'cases')!;
    expect(cases().tuples).toBe(-1); // never analyzed: the planner guesses
    const upkeep = pgliteUpkeep(database, logger);
    expect(await upkeep.tick()).toMatchObject({ analyzedAll: true, vacuumed: null });
    expect((await stats()).find((t) => t.name === 'cases')!.tuples).toBeGreaterThanOrEqual(20);
    const vacuumed: (string | null)[] = [];
    for (const _ of before) vacuumed.push((await upkeep.tick()).vacuumed);
    expect(vacuumed).toEqual(before.map((t) => t.name));
    expect((await stats()).filter((t) => !t.vacuumed)).toEqual([]);
    // The turn starts again from the first table.
    expect((await upkeep.tick()).vacuumed).toBe(before[0]!.name);
  });
});
