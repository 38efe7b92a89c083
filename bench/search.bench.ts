import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../src/db/database.ts';
import { demoRuntime, onBothDatabases, percentile, record } from './support.ts';

const token = 'bench-admin';
const caseCount = Number(process.env.BENCH_SEARCH_CASES ?? 20_000);
const runs = Number(process.env.BENCH_SEARCH_RUNS ?? 30);
const dialogsFile = fileURLToPath(
  new URL('../../shared/data/tweetsumm/train-dialogs.jsonl', import.meta.url),
);

type Turn = { role: string; text: string };

/**
 * Real customer-service conversations to search (TweetSumm, read where it lies, never copied),
 * or, without that folder, sentences made of a fixed vocabulary so the benchmark still runs.
 */
function conversations(): Turn[][] {
  if (existsSync(dialogsFile))
    return readFileSync(dialogsFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { turns: Turn[] }).turns.slice(0, 6));
  const words = 'order refund delivery invoice account password card charged twice late parcel app'.split(
    ' ',
  );
  return Array.from({ length: 500 }, (_, i) =>
    Array.from({ length: 5 }, (_, j) => ({
      role: j % 2 ? 'agent' : 'customer',
      text: Array.from({ length: 12 }, (_, k) => words[(i * 7 + j * 3 + k * 5) % words.length]).join(' '),
    })),
  );
}

/** What an agent types, by kind; each answer is the first page of `GET /api/v1/cases?q=`. */
const queries = {
  /** A reference told in one case only. */
  'one case (a reference)': 'ref 7312004',
  /** Two ordinary words that many conversations hold. */
  'two words': 'delivery order',
  /** A word still being typed. */
  prefix: 'passw',
  /** A word nearly every conversation holds. */
  common: 'help',
  /** Nothing anywhere: the whole index is asked and answers empty. */
  'no match': 'zzqxv',
};

/**
 * Case search over the conversation on an organisation of `caseCount` cases with up to six
 * messages each: the latency of the first page for each kind of search, run one at a time.
 */
async function searchOn(database: Database) {
  const runtime = await demoRuntime(database, token);
  const request = async (method: string, path: string, body?: unknown) => {
    const res = await runtime.app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  const first = await request('POST', '/api/v1/cases', {
    subject: 'Search bench',
    customer: { externalId: 'bench-1', name: 'Bench' },
    channel: 'chat',
  });
  const [{ orgId, customerId }] = rowsOf<{ orgId: string; customerId: string }>(
    await database.db.execute(
      sql`select org_id as "orgId", customer_id as "customerId" from cases where id = ${first.id}`,
    ),
  ) as [{ orgId: string; customerId: string }];

  // Seed in slices: each case one conversation of the pool, and a reference of its own.
  const pool = conversations();
  const seedStarted = performance.now();
  let messages = 0;
  for (let from = 0; from < caseCount; from += 1000) {
    const slice = Array.from({ length: Math.min(1000, caseCount - from) }, (_, k) => from + k);
    const rows = slice.flatMap((i) =>
      pool[i % pool.length]!.map((t, j) => ({
        c: i,
        j,
        role: t.role === 'customer' ? 'customer' : 'agent',
        text: j === 0 ? `${t.text} (ref ${7_300_000 + i})` : t.text,
      })),
    );
    messages += rows.length;
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into cases (id, org_id, customer_id, subject, channel, created_at, updated_at)
        select 'csbench' || i, ${orgId}, ${customerId}, 'Conversation ' || i, 'chat',
               now() - make_interval(mins => i), now() - make_interval(mins => i)
        from generate_series(${from}::int, ${from + slice.length - 1}::int) i`);
      await tx.execute(sql`
        insert into messages (id, org_id, case_id, role, text, at)
        select 'msgbench' || r.c || '_' || r.j, ${orgId}, 'csbench' || r.c, r.role, r.text,
               now() - make_interval(mins => r.c) + make_interval(secs => r.j)
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(c int, j int, role text, text text)`);
    });
  }
  await database.db.execute(sql`analyze cases`);
  await database.db.execute(sql`analyze messages`);
  const seedSeconds = Math.round((performance.now() - seedStarted) / 100) / 10;

  const results: Record<string, { firstPage: number; ms: { p50: number; p99: number; max: number } }> = {};
  for (const [kind, q] of Object.entries(queries)) {
    const times: number[] = [];
    let found = 0;
    for (let r = 0; r < runs + 3; r++) {
      const started = performance.now();
      const page = await request('GET', `/api/v1/cases?q=${encodeURIComponent(q)}&limit=50`);
      // The first runs warm the plan cache and the pages read; they are not counted.
      if (r >= 3) times.push(performance.now() - started);
      found = (page.items as unknown[]).length;
    }
    times.sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 10) / 10;
    results[kind] = {
      firstPage: found,
      ms: { p50: round(percentile(times, 50)), p99: round(percentile(times, 99)), max: round(times.at(-1)!) },
    };
  }
  await runtime.close();
  return { cases: caseCount + 1, messages, seedSeconds, queries: results };
}

export async function runSearchBench() {
  const results = await onBothDatabases('search', searchOn);
  return record('search', {
    note: `GET /api/v1/cases?q= (first page of 50), ${runs} runs a kind one at a time after 3 to warm up, on ${caseCount} cases with up to 6 messages each (TweetSumm conversations, each case with a reference of its own)`,
    queries,
    ...results,
  });
}
