// The outbox's promise under SIGKILL: a change committed while its webhook is undelivered is
// delivered after a restart, exactly once to a receiver that dedupes on X-Baton-Event-Id and at
// least once to one that does not, signed every time. Two deterministic kill points, on PGlite and
// on the PostgreSQL server: while the receivers are down (the event's first attempt failed), and
// while a post is in flight (the receivers took the event in, Baton never heard back).
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Api, apiClient } from '../../bench/soak/http.ts';
import { type Baton, startBaton } from '../../bench/soak/server.ts';
import { pgliteDatabase, postgresDatabase } from '../../src/db/database.ts';
import { createPglite } from '../../src/db/pglite.ts';
import { demoOrganisation } from '../../src/demo/organisation.ts';
import { leaseMs } from '../../src/integrations/delivery.jobs.ts';
import { createOrganisation } from '../../src/orgs/orgs.commands.ts';
import { fullPacket, newCase } from '../support/harness.ts';
import { scratchPostgres } from '../support/postgres.ts';
import { type Receiver, startReceiver } from '../support/webhook-receiver.ts';

const token = 'outbox-kill-admin';
const secret = 'outbox-kill-secret';
const pgUrl = inject('postgresUrl');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const organisation = () => ({
  ...demoOrganisation,
  people: demoOrganisation.people.map((p) => ({ ...p, password: undefined })),
});

async function until(what: string, check: () => Promise<boolean> | boolean, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

type Target = { env: Record<string, string>; cleanup(): Promise<void> };

async function pgliteTarget(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-outbox-kill-'));
  const folder = join(dir, 'pgdata');
  mkdirSync(folder, { recursive: true });
  const client = await createPglite(folder, { loadDataDir: new Blob([readFileSync(inject('pgliteDump'))]) });
  const seed = pgliteDatabase(client);
  await createOrganisation(seed.db, organisation(), new Date());
  await seed.close();
  return { env: { BATON_DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

const postgres = scratchPostgres();

async function postgresTarget(): Promise<Target> {
  const fresh = await postgres.migrated();
  const seed = postgresDatabase(fresh.url, 2);
  await createOrganisation(seed.db, organisation(), new Date());
  await seed.close();
  return { env: { DATABASE_URL: fresh.url }, cleanup: fresh.drop };
}

function killSuite(kind: 'pglite' | 'postgres', makeTarget: () => Promise<Target>) {
  describe(`the outbox survives SIGKILL [${kind}]`, () => {
    let target: Target;
    let server: Baton | undefined;
    let api: Api;
    let dedupe: Receiver;
    let plain: Receiver;
    const both = () => [dedupe, plain];
    const env = () => ({
      ...target.env,
      BATON_ADMIN_TOKEN: token,
      BATON_WEBHOOK_ALLOW_PRIVATE: '1',
      BATON_SCHEDULER_INTERVAL_MS: '100',
    });
    const restart = async () => {
      server = await startBaton({ env: env() });
      api = apiClient(server.url, token);
    };
    /** The outbox rows of one event, as the delivery log shows them. */
    const rowsOf = async (eventId: string) =>
      (
        (await api('GET', '/api/v1/webhooks/deliveries?limit=500')).body.items as Array<{
          eventId: string;
          attempts: number;
          lastStatus: number | null;
          deliveredAt: string | null;
        }>
      ).filter((r) => r.eventId === eventId);
    const eventOf = async (caseId: string, type: string) => {
      const events = (await api('GET', `/api/v1/cases/${caseId}/events`)).body.items as Array<{
        id: string;
        type: string;
      }>;
      return events.find((e) => e.type === type)!.id;
    };
    const expectDelivered = async (eventId: string) => {
      await until(
        `${eventId} delivered to both receivers`,
        () => both().every((r) => (r.processed.get(eventId) ?? 0) >= 1),
        leaseMs + 20_000,
      );
      await until(
        `${eventId} marked delivered`,
        async () => {
          const rows = await rowsOf(eventId);
          return rows.length === 2 && rows.every((r) => r.deliveredAt);
        },
        leaseMs + 20_000,
      );
      expect(dedupe.processed.get(eventId)).toBe(1);
      expect(plain.processed.get(eventId)).toBeGreaterThanOrEqual(1);
      for (const r of both()) {
        const arrivals = r.arrivals.filter((a) => a.id === eventId);
        expect(arrivals.every((a) => a.signed)).toBe(true);
        expect(JSON.parse(arrivals[0]!.body)).toMatchObject({ id: eventId });
      }
    };

    beforeAll(async () => {
      target = await makeTarget();
      [dedupe, plain] = await Promise.all([
        startReceiver(secret, { dedupe: true }),
        startReceiver(secret, { dedupe: false }),
      ]);
      await restart();
      for (const r of both()) {
        const sub = await api('POST', '/api/v1/webhooks/subscriptions', {
          url: r.url,
          secret,
          events: ['handoff.sent', 'handoff.accepted'],
        });
        expect(sub.status).toBe(201);
      }
    }, 120_000);

    afterAll(async () => {
      await server?.kill('SIGKILL');
      await Promise.all([dedupe?.close(), plain?.close()]);
      await target?.cleanup();
    });

    let caseId = '';
    let handoffId = '';

    it('delivers an event whose receivers were down when the process was killed', async () => {
      for (const r of both()) r.mode = 'down';
      const kase = await api('POST', '/api/v1/cases', newCase({ subject: 'Invoice shows a double charge' }));
      caseId = kase.body.id;
      const sent = await api('POST', `/api/v1/cases/${caseId}/handoffs`, {
        scenario: 'billing-to-finance',
        packet: fullPacket,
      });
      expect(sent.status).toBe(201);
      handoffId = sent.body.id;
      const eventId = await eventOf(caseId, 'handoff.sent');
      // Committed, tried once and refused by both receivers: undelivered when the process dies.
      await until(
        'a failed first attempt',
        async () => {
          const rows = await rowsOf(eventId);
          return rows.length === 2 && rows.every((r) => r.attempts >= 1 && r.lastStatus === 503);
        },
        10_000,
      );
      await server!.kill('SIGKILL');
      for (const r of both()) r.mode = 'up';
      await restart();
      await expectDelivered(eventId);
    }, 90_000);

    it('delivers an event whose post was in flight when the process was killed, once to the deduplicating receiver', async () => {
      for (const r of both()) r.mode = 'hang';
      const accepted = await api('POST', `/api/v1/handoffs/${handoffId}/accept`);
      expect(accepted.status).toBe(200);
      const eventId = await eventOf(caseId, 'handoff.accepted');
      // Both receivers have acted on the event; Baton never hears back, and dies.
      await until(
        'the post to reach both receivers',
        () => both().every((r) => r.arrivals.some((a) => a.id === eventId)),
        10_000,
      );
      await server!.kill('SIGKILL');
      for (const r of both()) r.mode = 'up';
      await restart();
      // The killed process's lease runs out and the event is posted again.
      await expectDelivered(eventId);
      expect(dedupe.arrivals.filter((a) => a.id === eventId).length).toBeGreaterThanOrEqual(2);
      expect(plain.processed.get(eventId)).toBeGreaterThanOrEqual(2);
      // No other event was delivered more than once to the deduplicating receiver.
      expect([...dedupe.processed.values()].every((n) => n === 1)).toBe(true);
    }, 90_000);
  });
}

killSuite('pglite', pgliteTarget);
if (pgUrl) killSuite('postgres', postgresTarget);
