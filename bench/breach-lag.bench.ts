import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import { type Database, rowsOf } from '../src/db/database.ts';
import { startRuntime } from '../src/runtime.ts';
import { onBothDatabases, percentile, record } from './support.ts';

const running = Number(process.env.BENCH_CLOCKS ?? 100_000);
const dueSoon = Number(process.env.BENCH_DUE ?? 2_000);
const windowMs = 20_000;

/**
 * 100,000 running clocks; `dueSoon` of them have deadlines spread over the next 20 s, the rest far
 * ahead; each clock is its own timer (its generated `due_at`). The lag of each breach is the stored
 * event's instant minus its deadline.
 */
async function lagOn(database: Database) {
  const db = database.db;
  const calendar = JSON.stringify({ timezone: 'UTC', hours: '24/7' });
  const start = Date.now() + 3000;
  await db.execute(sql`insert into sla_clocks (id, org_id, handoff_id, case_id, name, target, calendar, state, started_at, budget_ms, deadline)
    select 'bclk' || g, 'bench-org', 'bho' || g, 'bcase' || g, 'acknowledge', 'PT4H', ${calendar}::jsonb, 'running', now(), 14400000,
      case when g <= ${dueSoon} then to_timestamp((${start} + (g::float8 / ${dueSoon}) * ${windowMs}) / 1000.0) else now() + interval '30 days' end
    from generate_series(1, ${running}) g`);
  const runtime = await startRuntime(loadConfig({ BATON_LOG_LEVEL: 'silent' }), {
    database,
    logger: pino({ level: 'silent' }),
  });
  const deadline = Date.now() + windowMs + 60_000;
  let fired = 0;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1000));
    fired = Number(
      rowsOf<{ n: number }>(
        await db.execute(sql`select count(*)::int as n from case_events where type = 'sla.breached'`),
      )[0]!.n,
    );
    if (fired >= dueSoon) break;
  }
  await runtime.close();
  const lags = rowsOf<{ lag: number }>(
    await db.execute(
      sql`select (data->>'lagMs')::float8 as lag from case_events where type = 'sla.breached'`,
    ),
  )
    .map((r) => Number(r.lag))
    .sort((a, b) => a - b);
  return {
    runningClocks: running,
    breachesMeasured: lags.length,
    expected: dueSoon,
    lagMs: { p50: percentile(lags, 50), p99: percentile(lags, 99), max: lags.at(-1) },
  };
}

export async function runBreachLagBench() {
  return record('breach-lag', { windowMs, ...(await onBothDatabases('lag', lagOn)) });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(JSON.stringify(await runBreachLagBench(), null, 2));
  process.exit(0);
}
