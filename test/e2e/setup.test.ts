import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { freshDatabase } from '../../src/db/testing.ts';
import { organisations } from '../../src/orgs/orgs.table.ts';
import { type Runtime, startRuntime } from '../../src/runtime.ts';
import { databaseKinds, fullPacket, mondayMorning, newCase } from '../support/harness.ts';
import { snapshotAll } from '../support/snapshot.ts';

const setupToken = 'setup-token-for-the-tests-0123456789';

const setup = (over: Record<string, unknown> = {}) => ({
  setupToken,
  organisation: { name: 'Acme Support, Ltd.', timezone: 'Europe/Berlin' },
  admin: { name: 'Ann Lee', email: 'Ann@Acme.example', password: 'a long first password' },
  ...over,
});

/** A new Baton: a migrated database without any organisation, as `baton serve` starts on one. */
for (const kind of databaseKinds()) {
  describe(`setting up a new Baton [${kind}]`, () => {
    let database: Database;
    let runtime: Runtime;
    beforeAll(async () => {
      database = await freshDatabase(kind, {
        pgliteDump: inject('pgliteDump'),
        postgresUrl: inject('postgresUrl'),
      });
      runtime = await startRuntime(loadConfig({ BATON_SETUP_TOKEN: setupToken, BATON_LOG_LEVEL: 'silent' }), {
        database,
        clock: () => new Date(mondayMorning),
        logger: pino({ level: 'silent' }),
        scheduler: false,
      });
    });
    afterAll(async () => {
      await runtime?.close();
      await database?.close();
    });

    const call = async (method: string, path: string, body?: unknown, cookie?: string) => {
      const res = await runtime.app.request(path, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(cookie ? { cookie } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
    };

    it('says a setup is needed, and refuses a wrong token or a wrong field, changing nothing', async () => {
      expect((await call('GET', '/api/v1/setup')).body).toEqual({ needed: true });
      const probe = await call('GET', '/api/v1/auth/session');
      expect(probe.body).toMatchObject({ signedIn: false, setupNeeded: true });
      const before = await snapshotAll(database);

      const wrongToken = await call('POST', '/api/v1/setup', setup({ setupToken: 'not-the-token' }));
      expect(wrongToken.status).toBe(403);
      expect(wrongToken.body.error).toMatchObject({ code: 'setup_token_invalid', field: 'setupToken' });
      expect(wrongToken.headers.get('set-cookie')).toBeNull();

      const badZone = await call(
        'POST',
        '/api/v1/setup',
        setup({ organisation: { name: 'Acme', timezone: 'Mars/Olympus_Mons' } }),
      );
      expect(badZone.status).toBe(400);
      expect(badZone.body.error).toMatchObject({ code: 'validation_failed', field: 'organisation.timezone' });
      const shortPassword = await call(
        'POST',
        '/api/v1/setup',
        setup({ admin: { name: 'Ann', email: 'ann@acme.example', password: 'short' } }),
      );
      expect(shortPassword.body.error).toMatchObject({ code: 'validation_failed', field: 'admin.password' });
      const badSlug = await call(
        'POST',
        '/api/v1/setup',
        setup({ organisation: { name: 'Acme', slug: 'Acme Support', timezone: 'UTC' } }),
      );
      expect(badSlug.body.error).toMatchObject({ code: 'validation_failed', field: 'organisation.slug' });

      expect(await snapshotAll(database)).toEqual(before);
      expect((await call('GET', '/api/v1/setup')).body).toEqual({ needed: true });
    });

    it('makes the organisation, its admin signed in, the starter teams led by the admin and the default scenarios', async () => {
      const made = await call('POST', '/api/v1/setup', setup());
      expect(made.status).toBe(201);
      expect(made.body.organisation).toMatchObject({
        slug: 'acme-support-ltd',
        name: 'Acme Support, Ltd.',
        timezone: 'Europe/Berlin',
      });
      expect(made.body.admin).toMatchObject({ name: 'Ann Lee', email: 'ann@acme.example' });
      expect([...made.body.teams].sort()).toEqual([
        'engineering',
        'finance',
        'supervisors',
        'support',
        'tier2',
      ]);
      expect(made.body.scenarios).toHaveLength(6);

      const cookie = /baton_session=[^;]+/.exec(made.headers.get('set-cookie') ?? '')?.[0];
      expect(cookie).toBeDefined();
      const me = await call('GET', '/api/v1/me', undefined, cookie);
      expect(me.status).toBe(200);
      expect(me.body.roles).toEqual(expect.arrayContaining(['admin', 'lead']));
      expect(me.body.organisation).toMatchObject({ slug: 'acme-support-ltd' });

      const teams = await call('GET', '/api/v1/teams', undefined, cookie);
      expect(teams.body.items).toHaveLength(5);
      for (const team of teams.body.items) {
        expect(team.leadId).toBe(made.body.admin.id);
        // Weekdays 09:00-17:00 where the organisation is, until a lead sets the team's hours.
        expect(team.calendar).toMatchObject({
          timezone: 'Europe/Berlin',
          hours: { mon: [['09:00', '17:00']] },
        });
      }
      const scenarios = await call('GET', '/api/v1/scenarios', undefined, cookie);
      expect(scenarios.body.items.map((s: { id: string }) => s.id).sort()).toEqual(
        [...made.body.scenarios].sort(),
      );

      // The first handoff already has its one owner: the team has no members yet, so its lead.
      const created = await call('POST', '/api/v1/cases', newCase(), cookie);
      expect(created.status).toBe(201);
      const sent = await call(
        'POST',
        `/api/v1/cases/${created.body.id}/handoffs`,
        { scenario: 'billing-to-finance', packet: fullPacket },
        cookie,
      );
      expect(sent.status).toBe(201);
      expect(sent.body).toMatchObject({ state: 'sent', owner: { id: made.body.admin.id, name: 'Ann Lee' } });

      // The admin signs in again with the password chosen at setup.
      const signIn = await call('POST', '/api/v1/auth/login', {
        email: 'ann@acme.example',
        password: 'a long first password',
      });
      expect(signIn.status).toBe(200);
    });

    it('is done once: a second setup is refused, the token or not, and the sign-in page no longer offers it', async () => {
      const before = await snapshotAll(database);
      const again = await call(
        'POST',
        '/api/v1/setup',
        setup({ organisation: { name: 'Squatter', timezone: 'UTC' } }),
      );
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('already_set_up');
      const wrongToken = await call('POST', '/api/v1/setup', setup({ setupToken: 'guess' }));
      expect(wrongToken.body.error.code).toBe('already_set_up');
      expect(await snapshotAll(database)).toEqual(before);
      expect((await call('GET', '/api/v1/setup')).body).toEqual({ needed: false });
      expect((await call('GET', '/api/v1/auth/session')).body.setupNeeded).toBeUndefined();
    });
  });
}

describe.runIf(inject('postgresUrl'))('two setups at once [postgres]', () => {
  it('makes one organisation: the other is told it exists already', async () => {
    const database = await freshDatabase('postgres', {
      pgliteDump: inject('pgliteDump'),
      postgresUrl: inject('postgresUrl'),
    });
    const runtime = await startRuntime(
      loadConfig({ BATON_SETUP_TOKEN: setupToken, BATON_LOG_LEVEL: 'silent' }),
      { database, logger: pino({ level: 'silent' }), scheduler: false },
    );
    try {
      const post = (name: string, slug: string) =>
        runtime.app.request('/api/v1/setup', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(setup({ organisation: { name, slug, timezone: 'UTC' } })),
        });
      const answers = await Promise.all([post('First', 'first'), post('Second', 'second')]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
      expect(await database.db.select().from(organisations)).toHaveLength(1);
    } finally {
      await runtime.close();
      await database.close();
    }
  });
});
