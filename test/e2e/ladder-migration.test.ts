import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { migrationsUpTo, migrationTargets } from '../support/migrations.ts';

// Until migration 0013 a send armed a timer for every rung of a clock's ladder; since then a clock
// keeps its breach timer and its next rung's, and firing a rung arms the one after. The migration
// drops the rungs armed ahead, which would otherwise fire twice. Since migration 0014 a clock is its
// own timer (its next rung on the clock, a generated `due_at`): the migration moves each armed rung
// onto its clock and drops the breach and rung timers.

/** Migrations 0000 to 0012: the schema of the release before one-rung-at-a-time. */
const beforeLadderChain = migrationsUpTo(13);
/** Migrations 0000 to 0013: the last release whose clocks had timer rows. */
const beforeClockTimers = migrationsUpTo(14);

for (const target of migrationTargets()) {
  describe(`migrations 0013 and 0014, one armed rung per clock, on the clock [${target.name}]`, () => {
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
        await target.migrateWith(database, beforeClockTimers);
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

    it("moves each clock's armed rung onto the clock, whose breach and rung then make it due, and drops their timers", async () => {
      const database = await target.open();
      try {
        await target.migrateWith(database, beforeClockTimers);
        const step = (index: number, at: number, extra = {}) =>
          JSON.stringify({ index, at, action: 'warn_owner', ...extra });
        const clock = (id: string, state: string, deadline: string | null, stopped: string | null = null) =>
          sql`(${id}, 'o', 'ho_1', 'cs_1', ${id}, 'PT4H', '{}'::jsonb, ${state}, '2030-01-01T00:00:00Z', 14400000,
            ${deadline}::timestamptz, ${stopped}::timestamptz)`;
        await database.db.execute(sql`insert into sla_clocks (id, org_id, handoff_id, case_id, name, target,
            calendar, state, started_at, budget_ms, deadline, stopped_at) values
          ${clock('clk_run', 'running', '2030-01-01T04:00:00Z')},
          ${clock('clk_late', 'breached', '2030-01-01T04:00:00Z')},
          ${clock('clk_done', 'breached', '2030-01-01T04:00:00Z')},
          ${clock('clk_pause', 'paused', null)},
          ${clock('clk_met', 'met', '2030-01-01T04:00:00Z', '2030-01-01T02:00:00Z')}`);
        await database.db.execute(sql`insert into timers (org_id, kind, ref_id, due_at, payload, fired_at, attempts) values
          ('o', 'sla.breach', 'clk_run', '2030-01-01T04:00:00Z', '{}', null, 0),
          ('o', 'sla.step', 'clk_run', '2030-01-01T03:00:00Z', ${step(1, 75)}::jsonb, null, 2),
          ('o', 'sla.step', 'clk_run', '2030-01-01T01:00:00Z', ${step(0, 25)}::jsonb, '2030-01-01T01:00:00Z', 0),
          ('o', 'sla.step', 'clk_late', '2030-01-01T06:00:00Z', ${step(3, 150)}::jsonb, null, 0),
          ('o', 'sla.step', 'clk_late', '2030-01-02T09:00:00Z',
            ${step(0, 25, { deferredFrom: '2030-01-01T01:00:00Z' })}::jsonb, null, 0),
          ('o', 'other.kind', 'x', '2030-01-01T00:00:00Z', '{}', null, 0)`);
        await migrate(database);
        const clocks = rowsOf<{ id: string; at: number | null; due: string | null; attempts: number }>(
          await database.db.execute(sql`select id, (next_rung->>'at')::int as at, attempts,
              to_char(due_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as due
            from sla_clocks order by id`),
        );
        expect(clocks).toEqual([
          { id: 'clk_done', at: null, due: null, attempts: 0 }, // breached, every rung climbed
          { id: 'clk_late', at: 150, due: '2030-01-01 06:00', attempts: 0 }, // breached, still climbing
          { id: 'clk_met', at: null, due: null, attempts: 0 },
          { id: 'clk_pause', at: null, due: null, attempts: 0 },
          { id: 'clk_run', at: 75, due: '2030-01-01 03:00', attempts: 2 }, // its rung comes before its breach
        ]);
        const left = rowsOf<{ ref_id: string; kind: string; fired: boolean; deferred: boolean }>(
          await database.db.execute(sql`select ref_id, kind, fired_at is not null as fired,
              payload ? 'deferredFrom' as deferred
            from timers order by ref_id, kind, due_at`),
        );
        expect(left).toEqual([
          { ref_id: 'clk_late', kind: 'sla.step', fired: false, deferred: true },
          { ref_id: 'clk_run', kind: 'sla.step', fired: true, deferred: false },
          { ref_id: 'x', kind: 'other.kind', fired: false, deferred: false },
        ]);
      } finally {
        await database.close();
      }
    }, 120_000);
  });
}
