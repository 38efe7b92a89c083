// `npm run chaos [-- --db pglite|postgres|both] [--kills N] [--clients N] [--no-pg-restart]`: `baton serve`
// as a child process on a fresh database (PGlite in a temporary folder; a `baton_chaos` database on the
// loopback PostgreSQL, dropped at the end), a write mix from several clients with Idempotency-Keys,
// SIGKILLs at random moments with restarts, then (PostgreSQL) the PostgreSQL cluster itself restarted
// underneath. The clients' own record is then checked against the database (bench/chaos/verify.ts),
// every unacknowledged write is retried with its key, and checked again. Results:
// bench/results/chaos-<db>.json. Bounded in time; only loopback addresses are contacted.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { postgresDatabase } from '../../src/db/database.ts';
import { openDatabase } from '../../src/db/open.ts';
import { apiClient } from '../soak/http.ts';
import { createDatabase, databaseUrl, dropDatabase } from '../soak/postgres.ts';
import { type Baton, startBaton } from '../soak/server.ts';
import { record } from '../support.ts';
import { caseBody, packet, retryUnacknowledged, slaScenario, startClients, type Write } from './clients.ts';
import { localCluster, pgRestartPhase } from './outage.ts';
import { startReceiver } from './receiver.ts';
import { verify } from './verify.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    kills: { type: 'string', default: '6' },
    clients: { type: 'string', default: '6' },
    'pg-url': { type: 'string' },
    'pg-cluster': { type: 'string' },
    'no-pg-restart': { type: 'boolean', default: false },
    'max-seconds': { type: 'string', default: '1800' },
  },
});
const kinds = values.db === 'both' ? ['pglite', 'postgres'] : [values.db!];
const kills = Number(values.kills);
const clientCount = Number(values.clients);
const pgAdminUrl =
  values['pg-url'] ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
databaseUrl(pgAdminUrl, 'check'); // refuses anything but loopback
const token = `chaos-${randomBytes(12).toString('hex')}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (s: string) => process.stderr.write(`chaos: ${s}\n`);
const started = Date.now();
// The bound: whatever happens, the run ends (and kills its server) after --max-seconds.
let current: Baton | undefined;
setTimeout(() => {
  log(`over --max-seconds (${values['max-seconds']}): giving up`);
  current?.child.kill('SIGKILL');
  process.exit(1);
}, Number(values['max-seconds']) * 1000).unref();

async function boot(options: Parameters<typeof startBaton>[0]): Promise<Baton> {
  current = await startBaton(options);
  return current;
}

async function chaosOn(kind: 'pglite' | 'postgres') {
  const tag = randomBytes(3).toString('hex');
  const dataDir = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'baton-chaos-')) : undefined;
  const url = kind === 'postgres' ? await createDatabase(pgAdminUrl, 'baton_chaos') : undefined;
  const env = {
    ...(dataDir ? { BATON_DATA_DIR: dataDir } : { DATABASE_URL: url! }),
    BATON_ADMIN_TOKEN: token,
    BATON_SCHEDULER_INTERVAL_MS: '100',
    BATON_WEBHOOK_ALLOW_PRIVATE: '1',
  };
  const receiver = await startReceiver();
  const open = () =>
    dataDir ? openDatabase({ dataDir, migrate: false }) : Promise.resolve(postgresDatabase(url!, 2));
  try {
    let t0 = performance.now();
    let server = await boot({ env, args: ['--demo'] });
    const startupMs = Math.round(performance.now() - t0);
    log(`${kind}: baton serve --demo up in ${startupMs} ms`);
    const api = apiClient(server.url, token);
    const must = async (path: string, body: unknown) => {
      const r = await api('POST', path, body);
      if (r.status !== 201) throw new Error(`${path} answered ${r.status} ${JSON.stringify(r.body)}`);
    };
    await must('/api/v1/scenarios', slaScenario);
    await must('/api/v1/webhooks/subscriptions', {
      url: receiver.url,
      secret: 'chaos-webhook-secret',
      events: ['handoff.sent', 'sla.breached'],
    });

    const clients = startClients(api, tag, clientCount);
    const downtimes: { from: number; gone: number; to: number; restartMs: number; inFlightCut: number }[] =
      [];
    for (let k = 0; k < kills; k++) {
      await sleep(2000 + Math.random() * 3000);
      // A clock that comes due while the server is down: it must breach once, after the restart.
      const sentinel = await sendSentinel(api, `chaos ${tag}-sentinel-${k}`);
      const before = clients.journal.filter((w) => w.outcome === 'pending').length;
      clients.hold();
      const from = Date.now();
      await server.kill('SIGKILL');
      const gone = Date.now();
      t0 = performance.now();
      if (sentinel) await sleep(Math.max(0, Date.parse(sentinel) + 300 - Date.now()));
      server = await boot({ env, port: server.port });
      const restartMs = Math.round(performance.now() - t0);
      downtimes.push({ from, gone, to: Date.now(), restartMs, inFlightCut: before });
      log(`${kind}: kill ${k + 1}/${kills}: ${before} writes in flight, back in ${restartMs} ms`);
      clients.release();
    }
    const pgRestart =
      kind === 'postgres' && !values['no-pg-restart']
        ? await pgRestartPhase({
            server,
            api,
            token,
            clients,
            cluster: values['pg-cluster'] ?? localCluster(),
          })
        : undefined;
    if (pgRestart) log(`${kind}: PostgreSQL restart: ${JSON.stringify(pgRestart)}`);
    await clients.stop();
    const journal = clients.journal;
    // The last send's 2-second clock comes due (and the scheduler attends it), then the outbox
    // drains (a delivery leased by a killed process waits for its lease). Waiting only for the
    // receiver to fall quiet could stop the server just before a last clock came due: the check
    // then called it never breached (seen once on PostgreSQL).
    await sleep(3000);
    let last = -1;
    for (let i = 0; i < 40 && receiver.received.size !== last; i++) {
      last = receiver.received.size;
      await sleep(1000);
    }
    await server.stop();
    const first = await check(open, tag, journal);
    log(`${kind}: after the kills: ${first.problems.length} problems`);

    // Every write the clients gave up on, sent again with its own key.
    server = await boot({ env, port: server.port });
    const retryProblems = await retryUnacknowledged(apiClient(server.url, token), journal);
    await sleep(3000);
    await server.stop();
    for (const w of journal) if (w.retried && /^2/.test(w.retried)) w.outcome = 'acked';
    const second = await check(open, tag, journal);
    log(`${kind}: after the retries: ${retryProblems.length + second.problems.length} problems`);

    const downWhenDue = first.breaches.filter((b) =>
      downtimes.some((d) => b.deadline >= d.from && b.deadline < d.to),
    );
    const problems = [...first.problems, ...retryProblems, ...second.problems];
    const lost = first.outbox.filter((o) => o.delivered && !receiver.received.has(o.eventId));
    if (lost.length) problems.push(`${lost.length} webhooks marked delivered never reached the receiver`);
    const early = downWhenDue.filter(
      (b) => !downtimes.some((d) => b.deadline >= d.from && b.deadline < d.to && b.firedAt >= d.gone),
    );
    if (early.length)
      problems.push(`${early.length} breaches due while the server was down fired before a restart`);
    const result = {
      database: kind,
      command: ['npm run chaos', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(
        ' ',
      ),
      config: { kills, clients: clientCount },
      seconds: Math.round((Date.now() - started) / 1000),
      startupMs,
      kills: downtimes.map((d) => ({ restartMs: d.restartMs, writesInFlight: d.inFlightCut })),
      writes: summarise(journal, first.counts),
      sla: {
        breaches: first.counts.breaches,
        cameDueWhileDown: downWhenDue.length,
        firedAfterRestart: downWhenDue.filter((b) =>
          downtimes.some((d) => b.deadline >= d.from && b.deadline < d.to && b.firedAt >= d.gone),
        ).length,
      },
      outbox: {
        rows: first.counts.outboxRows,
        delivered: first.counts.outboxDelivered,
        leasedOrPending: first.counts.outboxLeasedOrPending,
        received: first.outbox.filter((o) => receiver.received.has(o.eventId)).length,
        receivedMoreThanOnce: first.outbox.filter((o) => (receiver.received.get(o.eventId) ?? 0) > 1).length,
        deliveredButNotReceived: first.outbox.filter((o) => o.delivered && !receiver.received.has(o.eventId))
          .length,
      },
      retries: {
        sent: journal.filter((w) => w.retried).length,
        replayedFirstTry: journal.filter((w) => w.retried?.includes('replayed')).length,
      },
      pgRestart,
      problems,
      verdict:
        problems.length === 0 && (!pgRestart || (pgRestart.batonStayedUp && pgRestart.only2xxOr503))
          ? 'pass'
          : 'fail',
    };
    record(`chaos-${kind}`, result);
    log(
      `${kind}: ${result.verdict}: ${JSON.stringify({ writes: result.writes.total, sla: result.sla, outbox: result.outbox })}`,
    );
    if (result.verdict !== 'pass') process.exitCode = 1;
  } finally {
    await current?.kill('SIGKILL');
    await receiver.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    else await dropDatabase(pgAdminUrl, 'baton_chaos').catch(() => {});
  }
}

/** A case handed off under the 2-second clock; answers its deadline (undefined if the server refused). */
async function sendSentinel(api: ReturnType<typeof apiClient>, subject: string): Promise<string | undefined> {
  const kase = await api('POST', '/api/v1/cases', caseBody(subject)).catch(() => undefined);
  if (kase?.status !== 201) return undefined;
  const sent = await api('POST', `/api/v1/cases/${kase.body.id}/handoffs`, {
    scenario: slaScenario.id,
    packet,
  }).catch(() => undefined);
  return sent?.status === 201 ? sent.body.sla[0].deadline : undefined;
}

async function check(
  open: () => Promise<import('../../src/db/database.ts').Database>,
  tag: string,
  journal: Write[],
) {
  const database = await open();
  try {
    return await verify(database, tag, journal);
  } finally {
    await database.close();
  }
}

function summarise(journal: Write[], counts: Record<string, number>) {
  const firstTry = Object.fromEntries(Object.entries(counts).filter(([k]) => k.includes(' ')));
  const unacked = journal.filter((w) => w.retried);
  return {
    total: journal.length,
    byOpAndFirstOutcome: firstTry,
    notAcknowledged: unacked.length,
    notAcknowledgedButStoredComplete: unacked.filter((w) => w.storedId).length,
    notAcknowledgedAndAbsent: unacked.filter((w) => !w.storedId).length,
  };
}

for (const kind of kinds) {
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`--db must be pglite, postgres or both`);
  try {
    await chaosOn(kind);
  } catch (error) {
    log(`${kind}: failed: ${(error as Error).stack ?? error}`);
    process.exitCode = 1;
  }
}
process.exit();
