// A broken promise across a restart: a follow-up promise comes due unanswered while `baton serve` is
// killed and started again; the owner is warned once before the kill, the lead once after it, and
// neither alert is repeated. Runs on PGlite (the folder the server owns) and on the PostgreSQL server.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { apiClient } from '../../bench/soak/http.ts';
import { type Baton, startBaton } from '../../bench/soak/server.ts';
import { pgliteDatabase, postgresDatabase } from '../../src/db/database.ts';
import { openDatabase } from '../../src/db/open.ts';
import { createPglite } from '../../src/db/pglite.ts';
import { demoOrganisation } from '../../src/demo/organisation.ts';
import { notifications } from '../../src/notifications/notifications.table.ts';
import { createOrganisation } from '../../src/orgs/orgs.commands.ts';
import { fullPacket, newCase } from '../support/harness.ts';
import { scratchPostgres } from '../support/postgres.ts';

const token = 'promises-admin-token';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const organisation = () => ({
  ...demoOrganisation,
  people: demoOrganisation.people.map((p) => ({ ...p, password: undefined })),
});
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

type Ev = { type: string; at: string; data: Record<string, unknown> };

async function journey(
  env: Record<string, string>,
  openSql: () => Promise<import('../../src/db/database.ts').Database>,
) {
  const fullEnv = { BATON_ADMIN_TOKEN: token, BATON_SCHEDULER_INTERVAL_MS: '100', ...env };
  let server: Baton = await startBaton({ env: fullEnv });
  try {
    const api = apiClient(server.url, token);
    const kase = await api(
      'POST',
      '/api/v1/cases',
      newCase({ customer: { externalId: 'promise-r', name: 'Rae' } }),
    );
    // Finance's own SLA is far away: only the promise's clock can fire here.
    const handoff = await api('POST', `/api/v1/cases/${kase.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    expect(handoff.status).toBe(201);
    // Promises are kept to the minute: this one is due in one minute.
    const due = new Date(Date.now() + 60_000).toISOString();
    const promise = await api('POST', `/api/v1/handoffs/${handoff.body.id}/promises`, {
      text: 'We will call you back within the hour',
      due,
    });
    expect(promise.status).toBe(201);
    const promiseEvents = async () =>
      ((await api('GET', `/api/v1/cases/${kase.body.id}/events`)).body.items as Ev[]).filter(
        (e) => e.data.clock === promise.body.clock,
      );
    // The owner is warned at 80 % of the promise (48 s in), while the first process runs.
    const until = Date.now() + 70_000;
    while (!(await promiseEvents()).some((e) => e.type === 'sla.warning') && Date.now() < until)
      await sleep(200);
    expect((await promiseEvents()).filter((e) => e.type === 'sla.warning')).toHaveLength(1);

    await server.kill('SIGKILL');
    const killedAt = Date.now();
    // The promise comes due while no process runs.
    await sleep(Math.max(0, Date.parse(promise.body.due) + 1000 - Date.now()));
    server = await startBaton({ env: fullEnv, port: server.port });
    const again = apiClient(server.url, token);
    const after = async () =>
      ((await again('GET', `/api/v1/cases/${kase.body.id}/events`)).body.items as Ev[]).filter(
        (e) => e.data.clock === promise.body.clock,
      );
    const later = Date.now() + 20_000;
    while (!(await after()).some((e) => e.type === 'sla.escalated') && Date.now() < later) await sleep(200);
    await sleep(1500); // any duplicate would have time to show
    const events = await after();
    const warned = events.filter((e) => e.type === 'sla.warning');
    const escalated = events.filter((e) => e.type === 'sla.escalated');
    const broken = events.filter((e) => e.type === 'sla.breached');
    expect(warned).toHaveLength(1);
    expect(escalated).toHaveLength(1);
    expect(broken).toHaveLength(1);
    expect(warned[0]!.data.notify).toBe(handoff.body.owner.id);
    expect(Date.parse(escalated[0]!.at)).toBeGreaterThan(killedAt);
    const lead = escalated[0]!.data.notify as string;
    expect(lead).toBe((await again('GET', '/api/v1/teams/finance')).body.leadId);
    const risk = await again('GET', `/api/v1/customers/${kase.body.customer.id}/risk`);
    expect(risk.body.reasons.map((r: { id: string }) => r.id)).toContain('broken_promise');

    await server.stop();
    const database = await openSql();
    try {
      const alerts = await database.db
        .select({ personId: notifications.personId, kind: notifications.kind })
        .from(notifications)
        .where(
          and(eq(notifications.caseId, kase.body.id), like(notifications.title, `%${promise.body.clock}%`)),
        );
      expect(
        alerts.filter((a) => a.personId === handoff.body.owner.id && a.kind === 'sla_warning'),
      ).toHaveLength(1);
      expect(alerts.filter((a) => a.personId === lead && a.kind === 'sla_escalation')).toHaveLength(1);
      expect(alerts).toHaveLength(2);
    } finally {
      await database.close();
    }
  } finally {
    await server.kill('SIGKILL');
  }
}

describe('a broken promise across a restart [pglite]', { timeout: 240_000 }, () => {
  it('warns the owner once, then the lead once, with the server killed in between', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-promises-'));
    dirs.push(dir);
    const folder = join(dir, 'pgdata');
    mkdirSync(folder, { recursive: true });
    const client = await createPglite(folder, {
      loadDataDir: new Blob([readFileSync(inject('pgliteDump'))]),
    });
    const seed = pgliteDatabase(client);
    await createOrganisation(seed.db, organisation(), new Date());
    await seed.close();
    await journey({ BATON_DATA_DIR: dir }, () => openDatabase({ dataDir: dir, migrate: false }));
  });
});

describe('a broken promise across a restart [postgres]', { timeout: 240_000 }, () => {
  const postgres = scratchPostgres();
  it('warns the owner once, then the lead once, with the server killed in between', async () => {
    expect(inject('postgresUrl'), 'the PostgreSQL server of the test run').toBeTruthy();
    const fresh = await postgres.migrated();
    const seed = postgresDatabase(fresh.url, 2);
    await createOrganisation(seed.db, organisation(), new Date());
    await seed.close();
    await journey({ DATABASE_URL: fresh.url }, async () => postgresDatabase(fresh.url, 2));
  });
});
