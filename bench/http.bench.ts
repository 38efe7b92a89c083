import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import { newId } from '../src/db/ids.ts';
import { demoOrganisation } from '../src/demo/organisation.ts';
import { createOrganisation } from '../src/orgs/orgs.commands.ts';
import { startRuntime } from '../src/runtime.ts';
import { createSendRowsTables, sendRowsApp } from './send-rows.ts';
import { onBothDatabases, processesCpu, processesCpuSince, record } from './support.ts';

const token = 'bench-admin';
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 32;
/** Floor and sends are measured this many times each, alternately; the median round is reported. */
const roundCount = Number(process.env.BENCH_ROUNDS ?? 3);

type Result = {
  requestsPerSecond: number;
  p50ms: number;
  p99ms: number;
  errors: number;
  non2xx: number;
  total: number;
  /**
   * CPU per request: this Node process's (the server, the load generator and, on PGlite, the
   * database) and this machine's PostgreSQL processes' (null on PGlite or without /proc; it measures
   * the benchmark's server only when that server runs here, as TEST_DATABASE_URL's default does).
   */
  cpuMsPerRequest: { node: number; postgres: number | null; total: number };
  /** Cores the run kept busy, both together. */
  coresBusy: number;
};

async function load(
  url: string,
  opts: { body?: (i: number) => string; path?: (i: number) => string; postgres: boolean },
): Promise<Result> {
  let i = 0;
  const node0 = process.cpuUsage();
  const server0 = opts.postgres ? processesCpu('postgres') : null;
  const t0 = performance.now();
  const r = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const n = i++;
          return { ...req, path: opts.path ? opts.path(n) : req.path, body: opts.body ? opts.body(n) : '{}' };
        },
      },
    ],
  });
  const elapsedMs = performance.now() - t0;
  const nodeUsage = process.cpuUsage(node0);
  const nodeMs = (nodeUsage.user + nodeUsage.system) / 1000;
  const serverMs = processesCpuSince('postgres', server0);
  const per = (ms: number) => Math.round((ms / Math.max(1, r.requests.total)) * 1000) / 1000;
  return {
    requestsPerSecond: Math.round(r.requests.average),
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
    total: r.requests.total,
    cpuMsPerRequest: {
      node: per(nodeMs),
      postgres: serverMs === null ? null : per(serverMs),
      total: per(nodeMs + (serverMs ?? 0)),
    },
    coresBusy: Math.round(((nodeMs + (serverMs ?? 0)) / elapsedMs) * 100) / 100,
  };
}

function listen(
  fetch: (req: Request) => Response | Promise<Response>,
): Promise<{ url: string; close: () => void }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => server.close() }),
    );
  });
}

const caseBody = (n: number) =>
  JSON.stringify({
    subject: `Bench case ${n}`,
    customer: { externalId: `bench-${n % 500}`, name: 'Bench Customer' },
    channel: 'chat',
    messages: [
      { role: 'customer', text: 'Hello, my October invoice shows two payments, could you check it please?' },
    ],
  });
const packet = {
  whatHappened: 'Charged twice',
  attempted: ['Checked ledger'],
  emotion: 'concerned',
  documents: { required: [], onFile: [] },
  urgency: 'normal',
  nextSteps: ['Refund'],
};

async function benchOn(database: Database) {
  const config = { ...loadConfig({ BATON_ADMIN_TOKEN: token, BATON_LOG_LEVEL: 'silent' }) };
  await createOrganisation(
    database.db,
    { ...demoOrganisation, people: demoOrganisation.people.map((p) => ({ ...p, password: undefined })) },
    new Date(),
  );
  const runtime = await startRuntime(config, { database, logger: pino({ level: 'silent' }) });

  // The floor: a bare Hono route that inserts one row on the same database.
  await database.db.execute(
    sql`create table if not exists bench_floor (id text primary key, body jsonb not null, at timestamptz not null default now())`,
  );
  const floorApp = new Hono().post('/floor', async (c) => {
    const body = await c.req.json();
    await database.db.execute(
      sql`insert into bench_floor (id, body) values (${newId('f')}, ${JSON.stringify(body)}::jsonb)`,
    );
    return c.json({ ok: true }, 201);
  });
  const floorServer = await listen(floorApp.fetch);
  await createSendRowsTables(database);
  const sendRowsServer = await listen(sendRowsApp(database).fetch);
  const server = await listen(runtime.app.fetch);
  const postgres = database.kind === 'postgres';
  const createCases = await load(`${server.url}/api/v1/cases`, { body: caseBody, postgres });

  // Handoff sends: one case per send (each send locks its case), round-robin into finance.
  const ids: string[] = [];
  for (let n = 0; n < 3000; n++) {
    const res = await runtime.app.request('/api/v1/cases', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: caseBody(n),
    });
    ids.push(((await res.json()) as { id: string }).id);
  }
  const floorRun = () => load(`${floorServer.url}/floor`, { body: caseBody, postgres });
  const sendRowsRun = () =>
    load(`${sendRowsServer.url}/send-rows`, { body: () => JSON.stringify({ packet }), postgres });
  const sendRun = () =>
    load(server.url, {
      path: (n) => `/api/v1/cases/${ids[n % ids.length]}/handoffs`,
      body: () => JSON.stringify({ scenario: 'billing-to-finance', packet }),
      postgres,
    });
  // The ratio is taken round by round, the floor and the sends measured back to back (in turn
  // first), and the median round reported: on a shared machine the speed of both drifts by a
  // third within minutes, and a floor measured minutes apart from the sends measured the drift.
  const rounds: { floor: Result; sends: Result; ratio: number; costRatio: number }[] = [];
  for (let r = 0; r < roundCount; r++) {
    let floor: Result;
    let sends: Result;
    if (r % 2 === 0) {
      floor = await floorRun();
      sends = await sendRun();
    } else {
      sends = await sendRun();
      floor = await floorRun();
    }
    rounds.push({ floor, sends, ratio: ratioOf(sends, floor), costRatio: costRatioOf(floor, sends) });
  }
  // The rows floor against the floor, in rounds of their own after the sends' (floor first in turn),
  // so that its writes never stand between a floor and the sends it is compared with.
  const rowsRounds: { floor: Result; sendRows: Result; ratio: number }[] = [];
  for (let r = 0; r < roundCount; r++) {
    const floorFirst = r % 2 === 0 ? await floorRun() : undefined;
    const sendRows = await sendRowsRun();
    const floor = floorFirst ?? (await floorRun());
    rowsRounds.push({ floor, sendRows, ratio: ratioOf(sendRows, floor) });
  }
  floorServer.close();
  sendRowsServer.close();
  server.close();
  await runtime.close();
  const median = medianOf(rounds);
  const rowsMedian = medianOf(rowsRounds);
  return {
    floorOneRowInsert: median.floor,
    caseCreation: createCases,
    caseCreationToFloor: ratioOf(createCases, median.floor),
    handoffSends: median.sends,
    handoffSendsToFloor: median.ratio,
    // The rows floor (send-rows.ts): a send's rows written with no other work, one request a
    // statement; its median round against the floor, and the sends against it.
    sendRowsFloor: rowsMedian.sendRows,
    sendRowsToFloor: rowsMedian.ratio,
    handoffSendsToSendRows: ratioOf(median.sends, rowsMedian.sendRows),
    // What the ratio could be if the sends kept the cores as busy as the floor does: the floor's
    // CPU per request over a send's. The throughput ratio cannot exceed it by much on a machine
    // whose cores the floor already fills.
    floorCostToSendCost: median.costRatio,
    rounds: rounds.map((r) => ({
      floor: r.floor.requestsPerSecond,
      sends: r.sends.requestsPerSecond,
      sendsP99ms: r.sends.p99ms,
      ratio: r.ratio,
      floorCpuMs: r.floor.cpuMsPerRequest.total,
      sendCpuMs: r.sends.cpuMsPerRequest.total,
      costRatio: r.costRatio,
      coresBusy: { floor: r.floor.coresBusy, sends: r.sends.coresBusy },
    })),
    rowsRounds: rowsRounds.map((r) => ({
      floor: r.floor.requestsPerSecond,
      sendRows: r.sendRows.requestsPerSecond,
      ratio: r.ratio,
      floorCpuMs: r.floor.cpuMsPerRequest.total,
      sendRowsCpuMs: r.sendRows.cpuMsPerRequest.total,
      coresBusy: { floor: r.floor.coresBusy, sendRows: r.sendRows.coresBusy },
    })),
  };
}

const medianOf = <T extends { ratio: number }>(rounds: T[]) =>
  [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds.length / 2)]!;
const ratioOf = (a: Result, b: Result) => Math.round((a.requestsPerSecond / b.requestsPerSecond) * 100) / 100;
const costRatioOf = (floor: Result, sends: Result) =>
  Math.round((floor.cpuMsPerRequest.total / sends.cpuMsPerRequest.total) * 100) / 100;

export async function runHttpBench() {
  const { pglite, postgres } = await onBothDatabases('http', benchOn);
  return record('http', { connections, secondsPerRun: seconds, rounds: roundCount, pglite, postgres });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(JSON.stringify(await runHttpBench(), null, 2));
  process.exit(0);
}
