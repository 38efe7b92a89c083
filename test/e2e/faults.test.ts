// Faults: `baton serve` SIGKILLed at random moments under a write load, then restarted. The clients'
// own record is the judge: every acknowledged write is present exactly once, every unacknowledged one
// is absent or complete, retries with the same Idempotency-Key never duplicate, and clocks and the
// webhook outbox pick up where they stopped. Runs on PGlite (one process owns the folder) and on the
// PostgreSQL server. A PostgreSQL restart underneath is simulated per database by terminating its
// connections; the real `pg_ctlcluster restart` lives in `npm run soak -- --pg-restart`.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Api, apiClient, type Reply } from '../../bench/soak/http.ts';
import { type Baton, startBaton } from '../../bench/soak/server.ts';
import { openEventStream } from '../../bench/soak/sse.ts';
import { type Database, pgliteDatabase, postgresDatabase, rowsOf } from '../../src/db/database.ts';
import { openDatabase } from '../../src/db/open.ts';
import { createPglite } from '../../src/db/pglite.ts';
import { demoOrganisation } from '../../src/demo/organisation.ts';
import { createOrganisation } from '../../src/orgs/orgs.commands.ts';
import { fullPacket } from '../support/harness.ts';
import { scratchPostgres } from '../support/postgres.ts';

const token = 'faults-admin-token';
const pgUrl = inject('postgresUrl');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const kills = 3;
const clients = 4;

/** One write as its client saw it. */
type Attempt = {
  kind: 'case' | 'handoff';
  key: string;
  path: string;
  body: Record<string, unknown>;
  subject?: string;
  /** For a handoff: the acknowledged case it was sent on. */
  caseId?: string;
  ackedId?: string;
  outcome: string;
  /** What a retry with the same key answered. */
  retried?: string;
};

const caseBody = (subject: string) => ({
  subject,
  externalId: subject.replaceAll(' ', '-'),
  customer: { externalId: `cust-${subject.replaceAll(' ', '-')}`, name: 'Ada Fault' },
  channel: 'chat',
  messages: [
    { role: 'customer', text: 'Hello, my October invoice shows an amount I do not recognise.' },
    { role: 'agent', text: 'Thanks, I will pass this to our Finance team with the details.' },
  ],
  documents: [{ kind: 'invoice', name: 'INV-10.pdf' }],
});

const slaScenario = {
  id: 'fault-sla',
  toTeam: 'finance',
  sla: [{ name: 'acknowledge', target: 'PT3S', calendar: { timezone: 'UTC', hours: '24/7', holidays: [] } }],
  ladder: [],
};

/** A webhook receiver on loopback: the outbox must resume delivering after a restart. */
async function receiver() {
  const received: string[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received.push(String(req.headers['x-baton-event-id']));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

/** Posts one attempt with its key; true when a 2xx acknowledged it. */
async function post(api: Api, a: Attempt): Promise<boolean> {
  try {
    const r = await api('POST', a.path, a.body, { key: a.key, timeoutMs: 20_000 });
    if (r.status >= 200 && r.status < 300) {
      a.ackedId = r.body.id;
      a.outcome = 'acked';
      return true;
    }
    a.outcome = `HTTP ${r.status} ${r.body?.error?.code ?? ''}`;
  } catch (error) {
    a.outcome = `no answer (${(error as Error).message})`;
  }
  return false;
}

type Run = {
  server: Baton;
  api: Api;
  log: Attempt[];
  sla: { caseId: string; handoffId: string; deadline: string; killedAt: number };
  hook: Awaited<ReturnType<typeof receiver>>;
};

/** Write load from `clients` clients while the server is SIGKILLed `kills` times and restarted. */
async function crashUnderLoad(env: Record<string, string>, lockFile?: string): Promise<Run> {
  const tag = randomBytes(3).toString('hex');
  const fullEnv = {
    BATON_ADMIN_TOKEN: token,
    BATON_SCHEDULER_INTERVAL_MS: '100',
    BATON_WEBHOOK_ALLOW_PRIVATE: '1',
    ...env,
  };
  let server = await startBaton({ env: fullEnv });
  const api = apiClient(server.url, token);
  const hook = await receiver();
  const log: Attempt[] = [];
  let stopping = false;
  let load: Promise<unknown> = Promise.resolve();
  let markUp: () => void = () => {};
  try {
    expect((await api('POST', '/api/v1/scenarios', slaScenario)).status).toBe(201);
    const sub = await api('POST', '/api/v1/webhooks/subscriptions', {
      url: hook.url,
      secret: 'faults-webhook-secret',
      events: ['handoff.sent', 'sla.breached'],
    });
    expect(sub.status).toBe(201);

    let up: Promise<void> = Promise.resolve();
    const loadClient = async (c: number) => {
      for (let n = 0; n < 500 && !stopping; n++) {
        await up; // a client does not hammer a server that is restarting
        const subject = `fault ${tag} c${c} n${n}`;
        const kase: Attempt = {
          kind: 'case',
          key: `${tag}-case-${c}-${n}`,
          path: '/api/v1/cases',
          body: caseBody(subject),
          subject,
          outcome: 'pending',
        };
        log.push(kase);
        if (!(await post(api, kase))) continue;
        const handoff: Attempt = {
          kind: 'handoff',
          key: `${tag}-handoff-${c}-${n}`,
          path: `/api/v1/cases/${kase.ackedId}/handoffs`,
          body: { scenario: 'billing-to-finance', packet: fullPacket },
          caseId: kase.ackedId,
          outcome: 'pending',
        };
        log.push(handoff);
        await post(api, handoff);
      }
    };
    load = Promise.all(Array.from({ length: clients }, (_, c) => loadClient(c)));

    let sla: Run['sla'] | undefined;
    for (let k = 0; k < kills; k++) {
      await sleep(500 + Math.random() * 1500);
      const last = k === kills - 1;
      if (last) {
        // A clock that comes due while the server is down.
        const kase = await api('POST', '/api/v1/cases', caseBody(`fault ${tag} sla`));
        const handoff = await api('POST', `/api/v1/cases/${kase.body.id}/handoffs`, {
          scenario: 'fault-sla',
          packet: fullPacket,
        });
        expect(handoff.status).toBe(201);
        sla = {
          caseId: kase.body.id,
          handoffId: handoff.body.id,
          deadline: handoff.body.sla[0].deadline,
          killedAt: 0,
        };
        await sleep(Math.random() * 200);
      }
      up = new Promise((r) => {
        markUp = r;
      });
      const deadPid = server.pid;
      await server.kill('SIGKILL');
      // The lock file still names the dead process: the next one must take it over.
      if (lockFile) expect(readFileSync(lockFile, 'utf8')).toBe(String(deadPid));
      if (last && sla) {
        sla.killedAt = Date.now();
        const wait = Date.parse(sla.deadline) + 500 - Date.now();
        if (wait > 0) await sleep(wait);
      }
      server = await startBaton({ env: fullEnv, port: server.port });
      markUp();
    }
    stopping = true;
    await load;
    return { server, api, log, sla: sla!, hook };
  } catch (error) {
    // No server or client is left behind by a failed run.
    stopping = true;
    markUp();
    await server.kill('SIGKILL');
    await load;
    await hook.close();
    throw error;
  }
}

/** The parts of `GET /cases/{id}` and its events that the checks read. */
type CaseEvent = { id: string; type: string; at: string; data: Record<string, string | undefined> };
type CaseDetail = {
  messages: unknown[];
  documents: unknown[];
  handoffs: { id: string; scenario: string; state: string; ownerId: string | null }[];
  events: CaseEvent[];
};

type Present = { cases: Map<string, string[]>; problems: string[]; handoffs: Map<string, string> };

/** What the server holds for the log: each write absent or complete, acknowledged ones exactly once. */
async function check(api: Api, log: Attempt[], when: string): Promise<Present> {
  const problems: string[] = [];
  const list = await api('GET', '/api/v1/cases?limit=500');
  const cases = new Map<string, string[]>();
  for (const c of list.body.items as { id: string; subject: string }[]) {
    const ids = cases.get(c.subject) ?? [];
    ids.push(c.id);
    cases.set(c.subject, ids);
  }
  const caseAttempts = log.filter((a) => a.kind === 'case');
  const handoffAttempts = log.filter((a) => a.kind === 'handoff');
  const details = new Map<string, CaseDetail>();
  const present = caseAttempts.flatMap((a) => cases.get(a.subject!) ?? []);
  await mapLimit([...new Set([...present, ...handoffAttempts.map((a) => a.caseId!)])], 4, async (id) => {
    const [detail, events] = await Promise.all([
      api('GET', `/api/v1/cases/${id}`),
      api('GET', `/api/v1/cases/${id}/events`),
    ]);
    details.set(id, { ...detail.body, events: events.body.items });
  });
  for (const a of caseAttempts) {
    const found = cases.get(a.subject!) ?? [];
    if (found.length > 1) problems.push(`${when}: case ${a.key} stored ${found.length} times`);
    if (a.ackedId && (found.length !== 1 || found[0] !== a.ackedId))
      problems.push(`${when}: acknowledged case ${a.key} (${a.ackedId}) is missing`);
    for (const id of found) {
      const d = details.get(id)!;
      const created = d.events.filter((e) => e.type === 'case.created').length;
      if (d.messages.length !== 2 || d.documents.length !== 1 || created !== 1)
        problems.push(`${when}: case ${id} is half-written (${a.outcome})`);
    }
  }
  const handoffs = new Map<string, string>();
  for (const a of handoffAttempts) {
    const d = details.get(a.caseId!)!;
    const found = d.handoffs.filter((h) => h.scenario === 'billing-to-finance');
    if (found.length > 1) problems.push(`${when}: handoff ${a.key} stored ${found.length} times`);
    if (a.ackedId && (found.length !== 1 || found[0].id !== a.ackedId))
      problems.push(`${when}: acknowledged handoff ${a.key} (${a.ackedId}) is missing`);
    for (const h of found) {
      handoffs.set(h.id, a.caseId!);
      const sent = d.events.filter((e) => e.type === 'handoff.sent' && e.data.handoffId === h.id);
      if (h.state !== 'sent' || !h.ownerId || sent.length !== 1)
        problems.push(`${when}: handoff ${h.id} is half-written: ${h.state}, ${sent.length} sent events`);
    }
  }
  await mapLimit([...handoffs.keys()], 4, async (id) => {
    const h = (await api('GET', `/api/v1/handoffs/${id}`)).body;
    const clocks = (h.sla ?? []) as { name: string; deadline: string | null }[];
    if (!h.owner?.id || clocks.length !== 2 || clocks.some((c) => !c.deadline))
      problems.push(`${when}: handoff ${id} lacks its owner or SLA clocks`);
  });
  return { cases, problems, handoffs };
}

/** Retries every unacknowledged write, and a few acknowledged ones, with their own keys. */
async function retry(api: Api, log: Attempt[], before: Present): Promise<string[]> {
  const problems: string[] = [];
  const unacked = log.filter((a) => !a.ackedId);
  const replays = log.filter((a) => a.ackedId).slice(0, 5);
  for (const a of [...unacked, ...replays]) {
    const was =
      a.ackedId ??
      (a.kind === 'case'
        ? before.cases.get(a.subject!)?.[0]
        : [...before.handoffs].find(([, caseId]) => caseId === a.caseId)?.[0]);
    const r = await api('POST', a.path, a.body, { key: a.key });
    a.retried = `${r.status} ${r.body?.error?.code ?? ''}`.trim();
    if (r.status !== 201) {
      problems.push(
        `retry of ${a.kind} ${a.key} (first: ${a.outcome}; stored before: ${was ?? 'no'}) answered ${r.status} ${r.body?.error?.code}`,
      );
      continue;
    }
    if (was && r.body.id !== was)
      problems.push(`retry of ${a.key} wrote ${r.body.id} although ${was} was already stored`);
    if (was && !r.replayed) problems.push(`retry of ${a.key} was not answered as a replay`);
    a.ackedId = r.body.id;
    a.outcome = 'acked on retry';
  }
  return problems;
}

/** Invariants over the whole database, in SQL. */
async function sqlProblems(database: Database, unreceived: string[]): Promise<string[]> {
  const q = async (query: ReturnType<typeof sql>) =>
    rowsOf<Record<string, unknown>>(await database.db.execute(query));
  const problems: string[] = [];
  const halfHandoffs = await q(sql`
    select h.id from handoffs h where h.state <> 'draft' and (h.owner_id is null
      or not exists (select 1 from sla_clocks c where c.handoff_id = h.id)
      or not exists (select 1 from case_events e where e.handoff_id = h.id and e.type = 'handoff.sent'))`);
  if (halfHandoffs.length) problems.push(`half-written handoffs: ${JSON.stringify(halfHandoffs)}`);
  const halfCases = await q(sql`
    select c.id from cases c where not exists
      (select 1 from case_events e where e.case_id = c.id and e.type = 'case.created')`);
  if (halfCases.length) problems.push(`cases without their event: ${JSON.stringify(halfCases)}`);
  const noOutbox = await q(sql`
    select e.id from case_events e where e.type = 'handoff.sent'
      and not exists (select 1 from outbox o where o.event_id = e.id)`);
  if (noOutbox.length) problems.push(`handoff.sent events without an outbox row: ${noOutbox.length}`);
  const stuckKeys = await q(sql`select key, path from idempotency_keys where status is null`);
  if (stuckKeys.length)
    problems.push(`Idempotency-Keys left in progress for ever: ${JSON.stringify(stuckKeys)}`);
  // A webhook not yet received must be leased by a killed process (retried when the lease ends).
  for (const id of unreceived) {
    const [row] = await q(
      sql`select attempts, delivered_at, dead_at from outbox where event_id = ${id} order by seq limit 1`,
    );
    if (!row || row.delivered_at || row.dead_at || Number(row.attempts) < 1)
      problems.push(`webhook for event ${id} neither delivered nor leased: ${JSON.stringify(row)}`);
  }
  return problems;
}

/** Every write of the log stored once, with the response its retry replays. */
type Prepared = { run: Run; openSql: () => Promise<Database> };

function suite(name: string, setup: () => Promise<Prepared>) {
  describe(name, () => {
    let run: Run;
    let openSql: () => Promise<Database>;
    let before: Present;
    let unreceived: string[] = [];
    beforeAll(async () => {
      ({ run, openSql } = await setup());
      before = await check(run.api, run.log, 'after restart');
    }, 150_000);

    it('keeps every acknowledged write exactly once and no half-written one', () => {
      const { log } = run;
      // Enough happened for the proof to mean something: writes acknowledged, others cut off.
      expect(log.filter((a) => a.ackedId).length).toBeGreaterThanOrEqual(5);
      expect(log.filter((a) => !a.ackedId && a.outcome.startsWith('no answer')).length).toBeGreaterThan(0);
      expect(before.problems).toEqual([]);
    });

    it('breaches a clock that came due while the server was down exactly once, after the restart', async () => {
      const { api, sla } = run;
      const breaches = async () =>
        ((await api('GET', `/api/v1/cases/${sla.caseId}/events`)).body.items as CaseEvent[]).filter(
          (e) => e.type === 'sla.breached' && e.data.handoffId === sla.handoffId,
        );
      const until = Date.now() + 20_000;
      while ((await breaches()).length === 0 && Date.now() < until) await sleep(200);
      await sleep(1000);
      const fired = await breaches();
      expect(fired).toHaveLength(1);
      expect(fired[0].data.clock).toBe('acknowledge');
      expect(fired[0].data.deadline).toBe(sla.deadline);
      expect(Date.parse(fired[0].at)).toBeGreaterThan(sla.killedAt);
    });

    it('resumes the webhook outbox: every stored handoff.sent is delivered or leased for a retry', async () => {
      const sentEvents = new Set<string>();
      await mapLimit([...before.handoffs], 4, async ([id, caseId]) => {
        const events = (await run.api('GET', `/api/v1/cases/${caseId}/events`)).body.items as CaseEvent[];
        for (const e of events)
          if (e.type === 'handoff.sent' && e.data.handoffId === id) sentEvents.add(e.id);
      });
      expect(sentEvents.size).toBe(before.handoffs.size);
      const missing = () => [...sentEvents].filter((id) => !run.hook.received.includes(id));
      // Wait while deliveries still arrive; what a killed process leased waits for its lease to end.
      let last = -1;
      for (let stable = 0; stable < 8 && missing().length > 0; ) {
        await sleep(200);
        stable = missing().length === last ? stable + 1 : 0;
        last = missing().length;
      }
      // A delivery leased by a killed process is retried when its lease (a minute) ends: checked in SQL.
      unreceived = missing();
      expect(unreceived.length).toBeLessThan(sentEvents.size);
    });

    it('never duplicates a write retried with its Idempotency-Key after the restart', async () => {
      const retried = await retry(run.api, run.log, before);
      // A key left "in progress" by the crash refuses the retry: that duplicates nothing (its own test follows).
      expect(retried.filter((p) => !p.includes('idempotency_in_progress'))).toEqual([]);
      const after = await check(run.api, run.log, 'after retries');
      expect(after.problems).toEqual([]);
    });

    it('completes a retry after a crash: no Idempotency-Key stays "in progress" for ever', async () => {
      const stuck = run.log.filter((a) => !a.ackedId);
      expect(
        stuck.map((a) => `${a.kind} ${a.key}: first ${a.outcome}, retried: ${a.retried}`),
        'these writes can never be completed by their client',
      ).toEqual([]);
    });

    it('leaves the database consistent: clocks, events and outbox rows written with their change', async () => {
      await run.server.stop();
      const database = await openSql();
      try {
        // A delivery whose lease ended in the meantime may have arrived since (the receiver has it):
        // only those still missing must be leased.
        const problems = await sqlProblems(
          database,
          unreceived.filter((id) => !run.hook.received.includes(id)),
        );
        expect(problems.filter((p) => !p.startsWith('Idempotency-Keys'))).toEqual([]);
      } finally {
        await database.close();
      }
    });
  });
}

const pgliteDir = mkdtempSync(join(tmpdir(), 'baton-faults-'));
const postgres = scratchPostgres();
const prepared: { pglite?: Promise<Prepared>; postgres?: Promise<Prepared> } = {};

async function preparePglite(): Promise<Prepared> {
  // The migrated test database, with one organisation, as the folder the server will own.
  const folder = join(pgliteDir, 'pgdata');
  mkdirSync(folder, { recursive: true });
  const client = await createPglite(folder, { loadDataDir: new Blob([readFileSync(inject('pgliteDump'))]) });
  const seed = pgliteDatabase(client);
  await createOrganisation(seed.db, organisation(), new Date());
  await seed.close();
  const run = await crashUnderLoad({ BATON_DATA_DIR: pgliteDir }, join(pgliteDir, 'baton.lock'));
  return { run, openSql: () => openDatabase({ dataDir: pgliteDir, migrate: false }) };
}

async function preparePostgres(): Promise<Prepared> {
  const fresh = await postgres.migrated();
  const seed = postgresDatabase(fresh.url, 2);
  await createOrganisation(seed.db, organisation(), new Date());
  await seed.close();
  const run = await crashUnderLoad({ DATABASE_URL: fresh.url });
  return { run, openSql: async () => postgresDatabase(fresh.url, 2) };
}

/** Both databases crash and recover at the same time: most of it is waiting for restarts. */
function prepareAll() {
  prepared.pglite ??= preparePglite();
  if (pgUrl) prepared.postgres ??= preparePostgres();
  for (const p of Object.values(prepared)) p.catch(() => {}); // awaited, and reported, by its own suite
}

afterAll(async () => {
  for (const p of Object.values(prepared)) {
    const ready = await p.catch(() => undefined);
    await ready?.run.server.kill('SIGKILL');
    await ready?.run.hook.close();
  }
  rmSync(pgliteDir, { recursive: true, force: true });
});

suite('SIGKILL under write load [pglite]', () => {
  prepareAll();
  return prepared.pglite!;
});
if (pgUrl)
  suite('SIGKILL under write load [postgres]', () => {
    prepareAll();
    return prepared.postgres!;
  });

describe.runIf(pgUrl)('PostgreSQL connections cut underneath [postgres]', () => {
  const scratch = scratchPostgres();
  let server: Baton | undefined;
  let api: Api;
  let url = '';
  let name = '';
  beforeAll(async () => {
    ({ url, name } = await scratch.migrated());
    const seed = postgresDatabase(url, 2);
    await createOrganisation(seed.db, organisation(), new Date());
    await seed.close();
  });
  afterAll(async () => {
    await server?.kill('SIGKILL');
  });
  const env = () => ({ DATABASE_URL: url, BATON_ADMIN_TOKEN: token, BATON_SCHEDULER_INTERVAL_MS: '100' });
  /** What a PostgreSQL restart does to a process: every connection to its database drops. */
  async function cutConnections() {
    const admin = new pg.Client({ connectionString: pgUrl! });
    await admin.connect();
    try {
      const cut = await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      );
      return cut.rowCount ?? 0;
    } finally {
      await admin.end();
    }
  }
  /** Posts until a 201, with one Idempotency-Key: a request that met a dead connection may fail once. */
  async function createCase(subject: string): Promise<Reply | undefined> {
    const body = caseBody(subject);
    const until = Date.now() + 15_000;
    while (Date.now() < until) {
      const r = await api('POST', '/api/v1/cases', body, { key: `cut-${body.externalId}` }).catch(
        () => undefined,
      );
      if (r?.status === 201) return r;
      await sleep(250);
    }
    return undefined;
  }

  it('serves writes, fires clocks and streams events again once its connections come back', async () => {
    server = await startBaton({ env: env() });
    api = apiClient(server.url, token);
    const fast = { ...slaScenario, id: 'fault-sla-fast', sla: [{ ...slaScenario.sla[0]!, target: 'PT1S' }] };
    expect((await api('POST', '/api/v1/scenarios', fast)).status).toBe(201);
    const stream = openEventStream(server.url, token);
    try {
      await stream.ready;
      expect(await cutConnections()).toBeGreaterThan(0);
      const created = await createCase(`fault after cut ${randomBytes(3).toString('hex')}`);
      expect(created?.status, server.output()).toBe(201);
      // Clocks still fire.
      const caseId = created!.body.id;
      const handoff = await api('POST', `/api/v1/cases/${caseId}/handoffs`, {
        scenario: 'fault-sla-fast',
        packet: fullPacket,
      });
      expect(handoff.status).toBe(201);
      let breached = false;
      const breachBy = Date.now() + 15_000;
      while (!breached && Date.now() < breachBy) {
        await sleep(250);
        const events = (await api('GET', `/api/v1/cases/${caseId}/events`)).body.items as CaseEvent[];
        breached = events.some((e) => e.type === 'sla.breached');
      }
      expect(breached).toBe(true);
      // A browser connected to this process sees changes again: its LISTEN connection came back.
      const seen = await stream.waitFor((e) => e.event === 'case-event' && e.data.caseId === caseId, 5_000);
      expect(seen, 'no real-time event reached the open stream after the connections were cut').toBeDefined();
    } finally {
      stream.close();
    }
  }, 60_000);

  it('keeps running when its connections are cut in the middle of write transactions', async () => {
    if (!server?.rssKiB()) server = await startBaton({ env: env() });
    api = apiClient(server.url, token);
    let stop = false;
    const load = Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        for (let n = 0; n < 500 && !stop; n++) {
          await api('POST', '/api/v1/cases', caseBody(`fault load ${c} ${n}`)).catch(() => sleep(100));
        }
      }),
    );
    try {
      for (let i = 0; i < 3; i++) {
        await sleep(300 + Math.random() * 500);
        await cutConnections();
      }
      await sleep(500);
    } finally {
      stop = true;
      await load;
    }
    expect(server.rssKiB(), `baton serve died:\n${server.output()}`).toBeDefined();
    expect((await createCase(`fault after cuts ${randomBytes(3).toString('hex')}`))?.status).toBe(201);
  }, 60_000);
});

function organisation() {
  return { ...demoOrganisation, people: demoOrganisation.people.map((p) => ({ ...p, password: undefined })) };
}
