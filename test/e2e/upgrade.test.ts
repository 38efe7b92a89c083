// The upgrade path: a database built at the first release's schema (migrations 0000 and 0001, as
// committed in 3959a57 "Foundation skeleton"), holding the rows that release wrote, is migrated by
// today's migrator; the rows survive and today's Baton works on them (reads the old handoff, moves it
// on, sends new ones). Migrations only go forward and are never edited: their hashes are pinned here.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/auth/auth.commands.ts';
import { loadConfig } from '../../src/config.ts';
import { type Database, rowsOf } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { startRuntime } from '../../src/runtime.ts';
import { fullPacket, newCase } from '../support/harness.ts';
import { drizzleDir, migrationsUpTo, migrationTargets } from '../support/migrations.ts';

const firstRelease = [
  { tag: '0000_init', sha256: '000e4c65cb48b7dfaef1541c7330db5c6237ab69253dcea18e641622445e29d2' },
  {
    tag: '0001_event-log-append-only',
    sha256: '92ba5d38b0f8223ca8d6e97d14b0921890260d351aa5057c33b324ea73cc0d9c',
  },
];
/** A migrations folder holding only the first release's migrations, as that release shipped them. */
const firstReleaseFolder = migrationsUpTo(firstRelease.length);

const calendar = { timezone: 'UTC', hours: '24/7', holidays: [] };
// billing-to-finance as policies/scenarios/billing-to-finance.yaml read in the first release.
const scenario = {
  id: 'billing-to-finance',
  name: 'Billing to Finance',
  fromTeam: 'support',
  toTeam: 'finance',
  trigger: { kind: 'issue_type', issueTypes: ['billing'] },
  required: ['whatHappened', 'attempted', 'emotion', 'documents', 'urgency', 'nextSteps'],
  weights: { whatHappened: 3, attempted: 2, emotion: 1, documents: 2, urgency: 1, nextSteps: 2, summary: 1 },
  template: { version: 3, lastReviewed: '2026-09-15' },
  sla: [
    { name: 'acknowledge', target: 'PT4H' },
    { name: 'resolve', target: 'P2D' },
  ],
  ladder: [
    { at: 75, action: 'warn_owner' },
    { at: 100, action: 'notify_lead' },
    { at: 150, action: 'page_supervisor' },
  ],
  ownership: 'round-robin',
};

/** What the first release wrote for one sent handoff, in its own schema. */
async function seedFirstRelease(database: Database) {
  const x = (q: ReturnType<typeof sql>) => database.db.execute(q);
  const cal = JSON.stringify(calendar);
  await x(
    sql`insert into organisations (id, slug, name, timezone) values ('org_old', 'demo', 'Northwind', 'Europe/London')`,
  );
  await x(sql`insert into people (id, org_id, name, email, roles) values
    ('per_amara', 'org_old', 'Amara Okafor', 'amara@northwind.example', '{agent}'),
    ('per_priya', 'org_old', 'Priya Raman', 'priya@northwind.example', '{agent}'),
    ('per_grace', 'org_old', 'Grace Liu', 'grace@northwind.example', '{lead}')`);
  await x(sql`insert into teams (id, org_id, key, name, lead_id, calendar) values
    ('tm_support', 'org_old', 'support', 'Support', 'per_amara', ${cal}::jsonb),
    ('tm_finance', 'org_old', 'finance', 'Finance', 'per_grace', ${cal}::jsonb)`);
  await x(sql`insert into team_members (org_id, team_id, person_id) values
    ('org_old', 'tm_support', 'per_amara'), ('org_old', 'tm_finance', 'per_priya'), ('org_old', 'tm_finance', 'per_grace')`);
  await x(sql`insert into scenarios (org_id, id, version, definition) values
    ('org_old', 'billing-to-finance', 1, ${JSON.stringify(scenario)}::jsonb)`);
  await x(
    sql`insert into customers (id, org_id, external_id, name) values ('cus_old', 'org_old', 'cust-1', 'Maria Lopez')`,
  );
  await x(sql`insert into cases (id, org_id, customer_id, subject, channel, issue_type, created_at) values
    ('cs_old', 'org_old', 'cus_old', 'Charged twice for October', 'chat', 'billing', '2026-11-20T09:00:00Z')`);
  await x(sql`insert into messages (id, org_id, case_id, role, text, at) values
    ('msg_old1', 'org_old', 'cs_old', 'customer', 'I was charged twice for October.', '2026-11-20T09:00:00Z'),
    ('msg_old2', 'org_old', 'cs_old', 'agent', 'I am passing this to Finance.', '2026-11-20T09:02:00Z')`);
  await x(
    sql`insert into documents (id, org_id, case_id, kind, name) values ('doc_old', 'org_old', 'cs_old', 'invoice', 'INV-10.pdf')`,
  );
  await x(sql`insert into handoffs (id, org_id, case_id, scenario_id, scenario_version, from_team_id, sender_id,
      to_team_id, state, owner_id, packet, completeness, sent_at) values
    ('ho_old', 'org_old', 'cs_old', 'billing-to-finance', 1, 'tm_support', 'per_amara', 'tm_finance', 'sent',
      'per_priya', ${JSON.stringify(fullPacket)}::jsonb, 100, '2026-11-20T09:05:00Z')`);
  await x(sql`insert into sla_clocks (id, org_id, handoff_id, case_id, name, target, calendar, state, started_at,
      budget_ms, segment_started_at, deadline) values
    ('clk_ack', 'org_old', 'ho_old', 'cs_old', 'acknowledge', 'PT4H', ${cal}::jsonb, 'running', '2026-11-20T09:05:00Z',
      14400000, '2026-11-20T09:05:00Z', '2030-01-01T00:00:00Z'),
    ('clk_res', 'org_old', 'ho_old', 'cs_old', 'resolve', 'P2D', ${cal}::jsonb, 'running', '2026-11-20T09:05:00Z',
      172800000, '2026-11-20T09:05:00Z', '2030-01-02T00:00:00Z')`);
  await x(sql`insert into timers (org_id, kind, ref_id, due_at) values
    ('org_old', 'sla.breach', 'clk_ack', '2030-01-01T00:00:00Z'), ('org_old', 'sla.breach', 'clk_res', '2030-01-02T00:00:00Z')`);
  await x(sql`insert into case_events (id, org_id, case_id, handoff_id, type, at, actor_id, data) values
    ('ev_old1', 'org_old', 'cs_old', null, 'case.created', '2026-11-20T09:00:00Z', 'per_amara', '{}'::jsonb),
    ('ev_old2', 'org_old', 'cs_old', 'ho_old', 'handoff.sent', '2026-11-20T09:05:00Z', 'per_amara',
      '{"handoffId": "ho_old", "toTeam": "finance", "ownerId": "per_priya"}'::jsonb)`);
}

describe('the first release’s migrations', () => {
  it('are unchanged since they shipped (migrations are never edited)', () => {
    for (const { tag, sha256 } of firstRelease)
      expect(
        createHash('sha256')
          .update(readFileSync(join(drizzleDir, `${tag}.sql`)))
          .digest('hex'),
        tag,
      ).toBe(sha256);
  });
});

for (const kind of migrationTargets()) {
  describe(`upgrade from the first release's schema [${kind.name}]`, () => {
    it('keeps the data and serves it with today’s code', async () => {
      const database = await kind.open();
      try {
        await kind.migrateWith(database, firstReleaseFolder);
        await seedFirstRelease(database);
        await migrate(database);
        const q = async (query: ReturnType<typeof sql>) =>
          rowsOf<Record<string, unknown>>(await database.db.execute(query));
        const applied = await q(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
        const journal = JSON.parse(readFileSync(join(drizzleDir, 'meta/_journal.json'), 'utf8'));
        expect(applied[0]!.n).toBe(journal.entries.length);
        // Every row the first release wrote is still there, unchanged.
        const [kase] = await q(
          sql`select subject, channel, issue_type, status from cases where id = 'cs_old'`,
        );
        expect(kase).toEqual({
          subject: 'Charged twice for October',
          channel: 'chat',
          issue_type: 'billing',
          status: 'open',
        });
        const [handoff] = await q(sql`select state, owner_id, packet from handoffs where id = 'ho_old'`);
        expect(handoff).toEqual({ state: 'sent', owner_id: 'per_priya', packet: fullPacket });
        const counts = await q(sql`select
          (select count(*)::int from messages where case_id = 'cs_old') as messages,
          (select count(*)::int from case_events where case_id = 'cs_old') as events,
          (select count(*)::int from sla_clocks where handoff_id = 'ho_old') as clocks,
          (select count(*)::int from sla_clocks where handoff_id = 'ho_old' and due_at = deadline) as armed,
          (select count(*)::int from timers where ref_id in ('clk_ack', 'clk_res') and fired_at is null) as timers`);
        // The breach timers of the first release are now the clocks' own due instants.
        expect(counts[0]).toEqual({ messages: 2, events: 2, clocks: 2, armed: 2, timers: 0 });

        // Today's Baton on that database: reads the old handoff, moves it on, sends a new one.
        const runtime = await startRuntime(loadConfig({ BATON_LOG_LEVEL: 'silent' }), {
          database,
          logger: pino({ level: 'silent' }),
          scheduler: false,
        });
        try {
          const { token } = await createApiToken(database.db, {
            orgId: 'org_old',
            name: 'upgrade',
            roles: ['admin', 'lead', 'agent'],
          });
          const call = async (method: string, path: string, body?: unknown) => {
            const res = await runtime.app.request(path, {
              method,
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: body === undefined ? undefined : JSON.stringify(body),
            });
            // biome-ignore lint/suspicious/noExplicitAny: parsed JSON of any route, read as the harness does
            return { status: res.status, body: (await res.json()) as any };
          };
          const old = await call('GET', '/api/v1/handoffs/ho_old');
          expect(old.status).toBe(200);
          expect(old.body).toMatchObject({ id: 'ho_old', state: 'sent', owner: { id: 'per_priya' } });
          expect(old.body.sla.map((c: { name: string }) => c.name).sort()).toEqual([
            'acknowledge',
            'resolve',
          ]);
          const events = await call('GET', '/api/v1/cases/cs_old/events');
          expect(events.body.items.map((e: { type: string }) => e.type)).toEqual([
            'case.created',
            'handoff.sent',
          ]);
          const accepted = await call('POST', '/api/v1/handoffs/ho_old/accept', {});
          expect(accepted.status).toBe(200);
          expect(accepted.body.state).toBe('accepted');
          const created = await call('POST', '/api/v1/cases', newCase({ subject: 'After the upgrade' }));
          expect(created.status).toBe(201);
          const sent = await call('POST', `/api/v1/cases/${created.body.id}/handoffs`, {
            scenario: 'billing-to-finance',
            packet: fullPacket,
          });
          expect(sent.status).toBe(201);
          expect(sent.body.owner.id).toBeTruthy();
        } finally {
          await runtime.close();
        }
        // The first release's append-only trigger still guards the log.
        await expect(
          database.db.execute(sql`update case_events set type = 'x' where id = 'ev_old1'`),
        ).rejects.toThrow();
      } finally {
        await database.close();
      }
    }, 120_000);
  });
}
