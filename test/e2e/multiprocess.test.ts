import { type ChildProcess, spawn } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { apiClient } from '../../bench/soak/http.ts';
import { type Baton, startBaton } from '../../bench/soak/server.ts';
import { createCase } from '../../src/cases/cases.commands.ts';
import { type Database, postgresDatabase, rowsOf } from '../../src/db/database.ts';
import { demoOrganisation } from '../../src/demo/organisation.ts';
import { createHandoff } from '../../src/handoffs/send.commands.ts';
import { createOrganisation } from '../../src/orgs/orgs.commands.ts';
import { fullPacket, newCase } from '../support/harness.ts';
import { scratchPostgres } from '../support/postgres.ts';
import { type Receiver, startReceiver } from '../support/webhook-receiver.ts';

const pgUrl = inject('postgresUrl');
const clocks = 400;

function serve(url: string): ChildProcess {
  return spawn(process.execPath, ['bin/baton.js', 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: '0',
      BATON_LOG_LEVEL: 'warn',
      BATON_SCHEDULER_INTERVAL_MS: '100',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function until(check: () => Promise<boolean>, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

describe.runIf(pgUrl)('several `baton serve` processes on one PostgreSQL', () => {
  const postgres = scratchPostgres();
  const children: ChildProcess[] = [];
  let database: Database | undefined;
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await database?.close();
  });

  it('fires every breach exactly once, even when a process is killed mid-run', async () => {
    const fresh = await postgres.migrated();
    database = postgresDatabase(fresh.url, 4);
    const now = new Date();
    const org = await createOrganisation(
      database.db,
      { ...demoOrganisation, people: demoOrganisation.people.map((p) => ({ ...p, password: undefined })) },
      now,
    );
    const principal = {
      orgId: org.orgId,
      personId: null,
      roles: new Set(['admin'] as const),
      via: 'admin-token' as const,
    };
    // PT0M clocks: every breach is due the moment the processes start.
    for (let i = 0; i < clocks; i++) {
      const caseId = await createCase(database.db, newCase({ subject: `due ${i}` }) as never, {
        principal,
        now,
      });
      await createHandoff(
        database.db,
        caseId,
        { scenario: 'agent-to-supervisor', packet: fullPacket as never },
        { principal, now },
      );
    }
    const count = async (q: ReturnType<typeof sql>) =>
      Number(rowsOf<{ n: number }>(await database!.db.execute(q))[0]!.n);
    const first = serve(fresh.url);
    const second = serve(fresh.url);
    children.push(first, second);
    // Kill one process as soon as breaches start to land, and start a replacement.
    await until(
      async () =>
        (await count(sql`select count(*)::int as n from case_events where type = 'sla.breached'`)) > 0,
      30_000,
    );
    first.kill('SIGKILL');
    const firedAtKill = await count(
      sql`select count(*)::int as n from case_events where type = 'sla.breached'`,
    );
    children.push(serve(fresh.url));
    const done = await until(
      async () =>
        (await count(
          sql`select (select count(*)::int from timers where fired_at is null and due_at <= now())
            + (select count(*)::int from sla_clocks where due_at <= now()) as n`,
        )) === 0,
      60_000,
    );
    expect(done).toBe(true);
    expect(firedAtKill).toBeLessThan(clocks);
    expect(await count(sql`select count(*)::int as n from case_events where type = 'sla.breached'`)).toBe(
      clocks,
    );
    const dupes = await count(
      sql`select count(*)::int as n from (select data->>'handoffId' as h from case_events where type = 'sla.breached' group by 1 having count(*) > 1) d`,
    );
    expect(dupes).toBe(0);
    const rungs = await count(sql`select count(*)::int as n from case_events where type = 'sla.escalated'`);
    expect(rungs).toBe(clocks);
  }, 120_000);
});

describe.runIf(pgUrl)('outbound webhooks from several `baton serve` processes on one PostgreSQL', () => {
  const token = 'multiprocess-admin';
  const secret = 'multiprocess-secret';
  const postgres = scratchPostgres();
  const servers: Baton[] = [];
  const receivers: Receiver[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill('SIGKILL')));
    await Promise.all(receivers.map((r) => r.close()));
  });

  it('delivers each event once per subscriber when nothing fails', async () => {
    const fresh = await postgres.migrated();
    const seed = postgresDatabase(fresh.url, 2);
    await createOrganisation(
      seed.db,
      { ...demoOrganisation, people: demoOrganisation.people.map((p) => ({ ...p, password: undefined })) },
      new Date(),
    );
    await seed.close();
    const env = {
      DATABASE_URL: fresh.url,
      BATON_ADMIN_TOKEN: token,
      BATON_WEBHOOK_ALLOW_PRIVATE: '1',
      BATON_SCHEDULER_INTERVAL_MS: '100',
    };
    servers.push(...(await Promise.all([startBaton({ env }), startBaton({ env }), startBaton({ env })])));
    const apis = servers.map((s) => apiClient(s.url, token));
    receivers.push(
      ...(await Promise.all([
        startReceiver(secret, { dedupe: false }),
        startReceiver(secret, { dedupe: false }),
      ])),
    );
    for (const r of receivers) {
      const sub = await apis[0]!('POST', '/api/v1/webhooks/subscriptions', {
        url: r.url,
        secret,
        events: ['*'],
      });
      expect(sub.status).toBe(201);
    }
    // Changes through every process at once: each commit wakes every process's delivery loop.
    await Promise.all(
      apis.map(async (api, p) => {
        for (let i = 0; i < 15; i++) {
          const kase = await api('POST', '/api/v1/cases', newCase({ subject: `process ${p} case ${i}` }));
          expect(kase.status).toBe(201);
          const sent = await api('POST', `/api/v1/cases/${kase.body.id}/handoffs`, {
            scenario: 'billing-to-finance',
            packet: fullPacket,
          });
          expect(sent.status).toBe(201);
        }
      }),
    );
    const database = postgresDatabase(fresh.url, 2);
    try {
      const count = async (q: ReturnType<typeof sql>) =>
        Number(rowsOf<{ n: number }>(await database.db.execute(q))[0]!.n);
      const rows = await count(sql`select count(*)::int as n from outbox`);
      const events = await count(sql`select count(distinct event_id)::int as n from outbox`);
      expect(rows).toBe(events * 2);
      expect(
        await until(
          async () =>
            (await count(sql`select count(*)::int as n from outbox where delivered_at is null`)) === 0,
          30_000,
        ),
      ).toBe(true);
      for (const r of receivers) {
        expect(r.processed.size).toBe(events);
        expect([...r.processed.values()].every((n) => n === 1)).toBe(true);
        expect(r.arrivals.every((a) => a.signed)).toBe(true);
      }
      expect(await count(sql`select count(*)::int as n from outbox where attempts <> 1`)).toBe(0);
    } finally {
      await database.close();
    }
  }, 120_000);
});
