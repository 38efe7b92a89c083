// `npm run soak [-- --seconds 60] [--db pglite|postgres|both] [--pg-restart]`: a bounded soak of a realistic
// mix against a `baton serve` child, on PGlite then on PostgreSQL (a fresh `baton_soak` database on the
// loopback server). Reports throughput, p50/p99 per operation, error rate, the server's RSS over time
// with a growth check, live SSE clients, and the mix's saturation point; writes
// bench/results/soak-<db>.json. Only loopback addresses are ever contacted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { percentile, record } from '../support.ts';
import { apiClient } from './http.ts';
import { newPools, runPhase } from './mix.ts';
import { createDatabase, dropDatabase, restartCluster } from './postgres.ts';
import { type Step, saturation, stepsTable, summaryText } from './report.ts';
import { type Baton, startBaton } from './server.ts';
import { openEventStream } from './sse.ts';
import { memoryGrowth, Recorder, round, type Sample } from './stats.ts';

const usage = `usage: npm run soak -- [options]
  --seconds N        soak length per database (default SOAK_SECONDS or 600)
  --db KIND          pglite, postgres or both (default both)
  --concurrency N    virtual users during the soak (default 8)
  --think-ms N       each user waits 0..N ms between requests during the soak (default 200)
  --sse N            live SSE clients during the whole run (default 20)
  --steps LIST       concurrency steps for the saturation search (default 4,8,16,32,64)
  --step-seconds N   length of each step (default seconds/20, between 5 and 30)
  --pg-url URL       PostgreSQL server to create baton_soak on (default SOAK_PG_URL, TEST_DATABASE_URL
                     or postgres://postgres@127.0.0.1:5432/test; loopback only)
  --pg-restart       restart the PostgreSQL cluster half-way through the PostgreSQL soak (disturbs
                     everything else using that server: never while other tests run on it)
  --pg-cluster V/N   the cluster --pg-restart restarts (default 15/main)`;

const { values } = parseArgs({
  options: {
    seconds: { type: 'string' },
    db: { type: 'string', default: 'both' },
    concurrency: { type: 'string', default: '8' },
    'think-ms': { type: 'string', default: '200' },
    sse: { type: 'string', default: '20' },
    steps: { type: 'string', default: '4,8,16,32,64' },
    'step-seconds': { type: 'string' },
    'pg-url': { type: 'string' },
    'pg-restart': { type: 'boolean', default: false },
    'pg-cluster': { type: 'string', default: '15/main' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const int = (name: string, raw: string | undefined, min: number, max: number) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`--${name} must be an integer from ${min} to ${max}\n${usage}`);
    process.exit(2);
  }
  return n;
};
const seconds = int('seconds', values.seconds ?? process.env.SOAK_SECONDS ?? '600', 5, 7200);
const concurrency = int('concurrency', values.concurrency, 1, 256);
const thinkMs = int('think-ms', values['think-ms'], 0, 10_000);
const sseClients = int('sse', values.sse, 0, 200);
const steps = values.steps.split(',').map((s) => int('steps', s, 1, 256));
const stepSeconds = int(
  'step-seconds',
  values['step-seconds'] ?? String(Math.min(30, Math.max(5, Math.round(seconds / 20)))),
  2,
  600,
);
const warmupSeconds = Math.min(15, Math.max(3, Math.round(seconds / 20)));
const kinds = values.db === 'both' ? (['pglite', 'postgres'] as const) : [values.db];
if (!kinds.every((k) => k === 'pglite' || k === 'postgres')) {
  console.error(`--db must be pglite, postgres or both\n${usage}`);
  process.exit(2);
}
const pgAdminUrl =
  values['pg-url'] ??
  process.env.SOAK_PG_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const token = 'soak-admin-token';
const soakDatabase = 'baton_soak';
/** A request bound on top of the time bound: far above what two cores serve, never unbounded. */
const maxRate = 2000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (message: string) =>
  process.stderr.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

// Everything stops by itself: the child is killed and the process exits past its planned time.
let current: Baton | undefined;
const plannedSeconds =
  kinds.length *
  (300 + warmupSeconds + seconds + steps.length * stepSeconds + (values['pg-restart'] ? 180 : 60));
const watchdog = setTimeout(() => {
  log(`watchdog: still running after ${plannedSeconds} s; stopping`);
  current?.child.kill('SIGKILL');
  process.exit(1);
}, plannedSeconds * 1000);
watchdog.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    current?.child.kill('SIGKILL');
    process.exit(130);
  });
}

async function soakOn(kind: 'pglite' | 'postgres') {
  const env: Record<string, string> = { BATON_ADMIN_TOKEN: token, BATON_LOG_LEVEL: 'warn' };
  let dataDir: string | undefined;
  if (kind === 'pglite') {
    dataDir = mkdtempSync(join(tmpdir(), 'baton-soak-'));
    env.BATON_DATA_DIR = dataDir;
  } else {
    env.DATABASE_URL = await createDatabase(pgAdminUrl, soakDatabase);
  }
  log(`${kind}: starting baton serve --demo`);
  const started = performance.now();
  const server = await startBaton({ env, args: ['--demo'], startTimeoutMs: 300_000 });
  current = server;
  const startupMs = Math.round(performance.now() - started);
  log(`${kind}: ready on ${server.url} in ${startupMs} ms (pid ${server.pid})`);
  const api = apiClient(server.url, token);
  const pools = newPools();

  // Memory and throughput every 5 s.
  const began = Date.now();
  const timeline: Sample[] = [];
  let phase = 'warm-up';
  let windowRequests = 0;
  let windowErrors = 0;
  let restartedAt = 0;
  let firstOkAfterRestart = 0;
  const onRequest = (ok: boolean) => {
    windowRequests++;
    if (!ok) windowErrors++;
    else if (restartedAt && !firstOkAfterRestart) firstOkAfterRestart = Date.now();
  };
  let lastSample = Date.now();
  const sample = () => {
    const rss = server.rssKiB();
    const span = (Date.now() - lastSample) / 1000 || 1;
    timeline.push({
      t: round((Date.now() - began) / 1000),
      phase,
      rssMB: rss === undefined ? null : round(rss / 1024),
      requestsPerSecond: round(windowRequests / span),
      errors: windowErrors,
    });
    lastSample = Date.now();
    windowRequests = 0;
    windowErrors = 0;
  };
  sample();
  const sampler = setInterval(sample, 5000);

  // Live SSE clients, like browsers with the queue open; lag = receipt minus the event's instant.
  let sseEvents = 0;
  const lags: number[] = [];
  const perClient = new Array<number>(sseClients).fill(0);
  const streams = Array.from({ length: sseClients }, (_, i) =>
    openEventStream(server.url, token, {
      keep: false,
      onEvent: (e) => {
        if (e.event !== 'case-event') return;
        sseEvents++;
        perClient[i]!++;
        const at = Date.parse(e.data?.at);
        if (Number.isFinite(at)) lags.push(e.receivedAt - at);
      },
    }),
  );
  const connected = await Promise.race([
    Promise.allSettled(streams.map((s) => s.ready)).then(
      (r) => r.filter((x) => x.status === 'fulfilled').length,
    ),
    sleep(30_000).then(() => -1),
  ]);
  const alive = () => server.rssKiB() !== undefined;

  log(`${kind}: warm-up ${warmupSeconds} s`);
  await runPhase({
    api,
    pools,
    recorder: new Recorder(),
    concurrency,
    seconds: warmupSeconds,
    maxRequests: warmupSeconds * maxRate,
    thinkMs,
    onRequest,
    stopWhen: () => !alive(),
  });

  phase = 'soak';
  const soakFrom = (Date.now() - began) / 1000;
  const recorder = new Recorder();
  log(
    `${kind}: soak ${seconds} s at ${concurrency} users (think 0-${thinkMs} ms), ${sseClients} SSE clients`,
  );
  let pgRestart: Record<string, unknown> | undefined;
  const restarting =
    kind === 'postgres' && values['pg-restart']
      ? (async () => {
          await sleep((seconds * 1000) / 2);
          const errorsBefore = recorder.errors;
          const at = round((Date.now() - began) / 1000);
          log(`postgres: restarting cluster ${values['pg-cluster']}`);
          let tookMs: number | string;
          try {
            tookMs = Math.round(await restartCluster(values['pg-cluster']));
          } catch (error) {
            tookMs = `failed: ${(error as Error).message}`;
          }
          restartedAt = Date.now();
          const eventsAtBack = sseEvents;
          await sleep(Math.min(15_000, (seconds * 1000) / 4));
          pgRestart = {
            atSecond: at,
            restartMs: tookMs,
            errorsAround: recorder.errors - errorsBefore,
            firstSuccessAfterRestartMs: firstOkAfterRestart ? firstOkAfterRestart - restartedAt : 'none',
            serverAlive: alive(),
            sseEventsAfterRestart: sseEvents - eventsAtBack,
          };
          log(`postgres: after the restart ${JSON.stringify(pgRestart)}`);
        })()
      : undefined;
  await runPhase({
    api,
    pools,
    recorder,
    concurrency,
    seconds,
    maxRequests: seconds * maxRate,
    thinkMs,
    onRequest,
    stopWhen: () => !alive(),
  });
  await restarting;
  const soakTo = (Date.now() - began) / 1000;
  const soak = recorder.summary();
  const sseDuringSoak = sseEvents;

  const stepResults: Step[] = [];
  if (alive()) {
    for (const c of steps) {
      phase = `step-${c}`;
      const r = new Recorder();
      await runPhase({
        api,
        pools,
        recorder: r,
        concurrency: c,
        seconds: stepSeconds,
        maxRequests: stepSeconds * maxRate,
        thinkMs: 0,
        onRequest,
        stopWhen: () => !alive(),
      });
      const s = r.summary();
      stepResults.push({
        concurrency: c,
        seconds: s.seconds,
        requestsPerSecond: s.all.perSecond,
        p50ms: s.all.p50ms,
        p99ms: s.all.p99ms,
        errorRate: s.all.errorRate,
      });
      log(`${kind}: ${stepsTable(stepResults.slice(-1)).trim()}`);
      if (s.all.p99ms > 10_000) break; // far past saturation: deeper steps only queue
    }
  }
  sample();
  clearInterval(sampler);
  for (const s of streams) s.close();
  const died = !alive();
  const serverOutput = died
    ? `exited with ${server.exit()}; last output:\n${server.output().slice(-2000)}`
    : undefined;
  await server.stop();
  current = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  else await dropDatabase(pgAdminUrl, soakDatabase);

  const memory = memoryGrowth(timeline, soakFrom, soakTo, seconds);
  const sortedLags = [...lags].sort((a, b) => a - b);
  const sse = {
    clients: sseClients,
    connected,
    eventsReceived: sseEvents,
    eventsDuringSoak: sseDuringSoak,
    perClientMin: Math.min(...perClient),
    perClientMax: Math.max(...perClient),
    lagFromWriteStartP50ms: round(percentile(sortedLags, 50)),
    lagFromWriteStartP99ms: round(percentile(sortedLags, 99)),
  };
  const result = {
    database: kind,
    command: ['npm run soak', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
    config: { seconds, concurrency, thinkMs, sseClients, warmupSeconds, steps, stepSeconds, maxRate },
    startupMs,
    soak,
    memory,
    sse,
    saturation: { steps: stepResults, point: saturation(stepResults) },
    pgRestart,
    serverDied: died ? serverOutput : undefined,
    timeline,
  };
  const out = record(`soak-${kind}`, result);
  console.log(summaryText(result, { concurrency, thinkMs, sseClients }));
  return out;
}

for (const kind of kinds) {
  try {
    await soakOn(kind as 'pglite' | 'postgres');
  } catch (error) {
    current?.child.kill('SIGKILL');
    log(`${kind}: failed: ${(error as Error).stack ?? error}`);
    process.exitCode = 1;
  }
}
process.exit();
