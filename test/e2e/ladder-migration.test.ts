import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { migrationsUpTo, migrationTargets } from '../support/migrations.ts';

// Until migration 0013 a send armed a timer for every rung of a clock's ladder; since then a clock
// keeps its breach timer and its next rung's, and firing a rung arms the one after. The migration
// drops the rungs armed ahead, which would otherwise fire twice.

/** Migrations 0000 to 0012: the schema of the release before one-rung-at-a-time. */
const beforeLadderChain = migrationsUpTo(13);

for (const target of migrationTargets()) {
  describe(`migration 0013, one armed rung per clock [${target.name}]`, () => {
    it('keeps the breach, the next rung, rungs re-fired off shift and fired timers; drops the rungs armed ahead', async () => {
      const database = await target.open();
      try {
        await target.migrateWith(database, beforeLadderChain);
        const step = (index: number, at: number, extra = {}) =>
          JSON.stringify({ index, at, action: 'warn_owner', ...extra });
        await database.db.execute(sql`insert into timers (org_id, kind, ref_id, due_at, payload, fired_at) values
          ('o', 'sla.breach', 'clk_a', '2030-01-01T04:00:00Z', '{}', null),
          ('o', 'sla.step', 'clk_a', '2030-01-01T01:00:00Z', ${step(0, 25)}::jsonb, '2030-01-01T01:00:00Z'),
          ('o', 'sla.step', 'clk_a', '2030-01-01T06:00:00Z', ${step(2, 150)}::jsonb, null),
          ('o', 'sla.step', 'clk_a', '2030-01-01T03:00:00Z', ${step(1, 75)}::jsonb, null),
          ('o', 'sla.step', 'clk_a', '2030-01-01T04:00:00Z', ${step(3, 100)}::jsonb, null),
          ('o', 'sla.step', 'clk_a', '2030-01-02T09:00:00Z',
            ${step(0, 25, { deferredFrom: '2030-01-01T01:00:00Z' })}::jsonb, null),
          ('o', 'sla.breach', 'clk_b', '2030-01-03T00:00:00Z', '{}', null),
          ('o', 'sla.step', 'clk_b', '2030-01-04T00:00:00Z', ${step(1, 150)}::jsonb, null),
          -- timers of any other kind (none exist today) are not the migration's business
          ('o', 'other.kind', 'x', '2030-01-01T00:00:00Z', '{}', null),
          ('o', 'other.kind', 'x', '2030-01-02T00:00:00Z', '{}', null)`);
        await migrate(database);
        const left = rowsOf<{
          ref_id: string;
          kind: string;
          at: string | null;
          fired: boolean;
          deferred: boolean;
        }>(
          await database.db.execute(sql`select ref_id, kind, payload->>'at' as at, fired_at is not null as fired,
              payload ? 'deferredFrom' as deferred
            from timers order by ref_id, kind, due_at`),
        );
        expect(left).toEqual([
          { ref_id: 'clk_a', kind: 'sla.breach', at: null, fired: false, deferred: false },
          { ref_id: 'clk_a', kind: 'sla.step', at: '25', fired: true, deferred: false },
          { ref_id: 'clk_a', kind: 'sla.step', at: '75', fired: false, deferred: false },
          { ref_id: 'clk_a', kind: 'sla.step', at: '25', fired: false, deferred: true },
          { ref_id: 'clk_b', kind: 'sla.breach', at: null, fired: false, deferred: false },
          { ref_id: 'clk_b', kind: 'sla.step', at: '150', fired: false, deferred: false },
          { ref_id: 'x', kind: 'other.kind', at: null, fired: false, deferred: false },
          { ref_id: 'x', kind: 'other.kind', at: null, fired: false, deferred: false },
        ]);
      } finally {
        await database.close();
      }
    }, 120_000);
  });
}
