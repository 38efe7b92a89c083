import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { freshDatabase } from '../../src/db/testing.ts';
import { type Runtime, startRuntime } from '../../src/runtime.ts';
import { databaseKinds, fullPacket, mondayMorning, newCase } from '../support/harness.ts';
import { startMailCatcher } from '../support/mail-catcher.ts';
import { snapshotAll } from '../support/snapshot.ts';

const setupToken = 'setup-token-for-the-tests-0123456789';

/**
 * The getting-started guide of an organisation set up new: each step read from the organisation
 * as it is (colleagues, teams of nobody, who cannot sign in, e-mail, a helpdesk, a first handoff),
 * done as the admin does each thing, put away and shown again; admins only; the demo's organisation
 * and those made before never see it.
 */
for (const kind of databaseKinds()) {
  describe(`the getting-started guide [${kind}]`, () => {
    let database: Database;
    let runtime: Runtime;
    let smtp: Awaited<ReturnType<typeof startMailCatcher>>;
    let cookie: string;
    let adminId: string;
    beforeAll(async () => {
      smtp = await startMailCatcher();
      database = await freshDatabase(kind, {
        pgliteDump: inject('pgliteDump'),
        postgresUrl: inject('postgresUrl'),
      });
      const env = {
        BATON_SETUP_TOKEN: setupToken,
        BATON_LOG_LEVEL: 'silent',
        BATON_WEBHOOK_ALLOW_PRIVATE: '1',
      };
      runtime = await startRuntime(loadConfig(env), {
        database,
        clock: () => new Date(mondayMorning),
        logger: pino({ level: 'silent' }),
        scheduler: false,
      });
      const made = await call('POST', '/api/v1/setup', {
        setupToken,
        organisation: { name: 'Acme Support', timezone: 'Europe/Berlin' },
        admin: { name: 'Ann Lee', email: 'ann@acme.example', password: 'a long first password' },
      });
      expect(made.status).toBe(201);
      cookie = /baton_session=[^;]+/.exec(made.headers.get('set-cookie') ?? '')![0];
      adminId = made.body.admin.id;
    });
    afterAll(async () => {
      await runtime?.close();
      await database?.close();
      await smtp?.close();
    });

    async function call(method: string, path: string, body?: unknown, as = cookie) {
      const res = await runtime.app.request(path, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(as ? { cookie: as } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
    }
    const guide = async () => {
      const res = await call('GET', '/api/v1/getting-started');
      expect(res.status).toBe(200);
      return res.body;
    };
    const doneSteps = async () =>
      (await guide()).steps.filter((s: { done: boolean }) => s.done).map((s: { step: string }) => s.step);

    it('starts with every step to do, naming the teams of nobody', async () => {
      const g = await guide();
      expect(g).toMatchObject({ shown: true, done: 0, total: 6, next: 'people' });
      expect(g.steps.map((s: { step: string }) => s.step)).toEqual([
        'people',
        'teams',
        'sign_in',
        'email',
        'helpdesk',
        'first_handoff',
      ]);
      expect(g.facts).toEqual({
        activePeople: 1,
        teamsWithoutMembers: ['Engineering', 'Finance', 'Supervisors', 'Support', 'Tier 2'],
        peopleWithoutWayIn: [],
        emailConfigured: false,
        helpdeskConnected: false,
        handoffSent: false,
      });
    });

    it('counts colleagues added, and names those who cannot sign in until invited', async () => {
      const priya = await call('POST', '/api/v1/people', {
        name: 'Priya Shah',
        email: 'priya@acme.example',
        roles: ['agent'],
        teams: ['support'],
      });
      expect(priya.status).toBe(201);
      let g = await guide();
      expect(await doneSteps()).toEqual(['people']);
      expect(g.facts.teamsWithoutMembers).toEqual(['Engineering', 'Finance', 'Supervisors', 'Tier 2']);
      expect(g.facts.peopleWithoutWayIn).toEqual([{ id: priya.body.id, name: 'Priya Shah' }]);
      // E-mail on, the invitation sent: she has a way in.
      runtime.services.config.smtpUrl = smtp.url;
      runtime.services.config.publicUrl = 'https://baton.acme.example';
      const invited = await call('POST', `/api/v1/people/${priya.body.id}/password-link`, {});
      expect(invited.status, JSON.stringify(invited.body)).toBe(202);
      g = await guide();
      expect(g.facts.peopleWithoutWayIn).toEqual([]);
      expect(await doneSteps()).toEqual(['people', 'sign_in', 'email']);
      expect(g.next).toBe('teams');
    });

    it('takes teams, a helpdesk and the first handoff as they are done', async () => {
      for (const team of ['engineering', 'finance', 'supervisors', 'tier2']) {
        const r = await call('POST', `/api/v1/teams/${team}/members`, { personId: adminId });
        expect(r.status, JSON.stringify(r.body)).toBe(201);
      }
      expect((await guide()).facts.teamsWithoutMembers).toEqual([]);
      const hook = await call('POST', '/api/v1/webhooks/subscriptions', {
        url: 'http://127.0.0.1:9/hook',
        secret: 'a webhook secret of enough length',
        events: ['handoff.sent'],
      });
      expect(hook.status, JSON.stringify(hook.body)).toBe(201);
      expect((await guide()).facts.helpdeskConnected).toBe(true);
      const created = await call('POST', '/api/v1/cases', newCase());
      const sent = await call('POST', `/api/v1/cases/${created.body.id}/handoffs`, {
        scenario: 'billing-to-finance',
        packet: fullPacket,
      });
      expect(sent.status).toBe(201);
      expect(await guide()).toMatchObject({ done: 6, total: 6, next: null });
    });

    it('is put away and shown again by an admin, for every admin; bad input changes nothing', async () => {
      const before = await snapshotAll(database);
      for (const body of [{}, { shown: 'no' }, null]) {
        const bad = await call('PUT', '/api/v1/getting-started', body);
        expect([bad.status, bad.body.error.code], JSON.stringify(body)).toEqual([400, 'validation_failed']);
      }
      expect(await snapshotAll(database)).toEqual(before);
      const away = await call('PUT', '/api/v1/getting-started', { shown: false });
      expect([away.status, away.body.shown, away.body.done]).toEqual([200, false, 6]);
      expect((await guide()).shown).toBe(false);
      expect((await call('PUT', '/api/v1/getting-started', { shown: true })).body.shown).toBe(true);
    });

    it('is for admins: an agent is refused', async () => {
      const signIn = await call('POST', '/api/v1/auth/login', {
        email: 'ann@acme.example',
        password: 'a long first password',
      });
      expect(signIn.status).toBe(200);
      const agent = await call('POST', '/api/v1/people', {
        name: 'Omar Agent',
        email: 'omar@acme.example',
        roles: ['agent'],
        password: 'omar has a long password',
      });
      expect(agent.status).toBe(201);
      const omar = await call('POST', '/api/v1/auth/login', {
        email: 'omar@acme.example',
        password: 'omar has a long password',
      });
      const omarCookie = /baton_session=[^;]+/.exec(omar.headers.get('set-cookie') ?? '')![0];
      const refused = await call('GET', '/api/v1/getting-started', undefined, omarCookie);
      expect([refused.status, refused.body.error.code]).toEqual([403, 'forbidden']);
    });
  });
}
