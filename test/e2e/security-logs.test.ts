import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiToken } from '../../src/auth/auth.commands.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { freshDatabase } from '../../src/db/testing.ts';
import { demoOrganisation } from '../../src/demo/organisation.ts';
import { scrub } from '../../src/http/log-redaction.ts';
import { startRuntime } from '../../src/runtime.ts';
import { databaseKinds, fullPacket, newCase } from '../support/harness.ts';

/**
 * A run that signs in (wrongly, then rightly), uses a session, an API token and a bad token,
 * posts a signed webhook, subscribes a webhook with a secret and gets a delivery, and calls an
 * LLM endpoint with an API key: the process's own log output, at the most verbose level, holds
 * none of those secrets.
 */
const secrets = {
  password: 'Correct-Horse-Battery-Staple-42',
  wrongPassword: 'Wrong-Password-Tr0ub4dor&3',
  adminToken: 'admin-token-7f3a9c1e5b2d8f40',
  webhookSecret: 'whsec-inbound-c9d8e7f6a5b4',
  subscriptionSecret: 'whsec-outbound-1a2b3c4d5e6f',
  llmKey: 'sk-llm-key-0123456789abcdef',
};

describe('scrubbing error text', () => {
  it('removes bearer tokens, Baton tokens, URL credentials, signatures and SQL parameters', () => {
    const text = scrub(
      'Failed query: insert into webhook_subscriptions values ($1, $2)\nparams: wh_1,topsecret\n' +
        'Authorization: Bearer abc.def sent to https://user:pa55@llm.example/v1 with btn_AbCdEfGhIjKlMnOpQrStUv ' +
        'and sha256=0123456789abcdef0123',
    );
    for (const s of ['topsecret', 'abc.def', 'pa55', 'btn_AbCdEfGhIjKlMnOpQrStUv', '0123456789abcdef0123'])
      expect(text).not.toContain(s);
    expect(text).toContain('Failed query: insert into webhook_subscriptions');
  });
});

for (const kind of databaseKinds()) {
  describe(`secrets never logged [${kind}]`, () => {
    let database: Database;
    let fake: Server;
    let fakeUrl = '';
    const seen: { path: string; authorization?: string; signature?: string }[] = [];
    const lines: string[] = [];
    let runtime: Awaited<ReturnType<typeof startRuntime>>;
    let orgId = '';

    beforeAll(async () => {
      fake = createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          seen.push({
            path: req.url ?? '',
            authorization: req.headers.authorization,
            signature: req.headers['x-baton-signature'] as string | undefined,
          });
          // The LLM endpoint fails (the fallback is logged); webhook deliveries succeed.
          res.writeHead(req.url?.includes('chat/completions') ? 500 : 200, {
            'content-type': 'application/json',
          });
          res.end('{}');
        });
      });
      await new Promise<void>((r) => fake.listen(0, '127.0.0.1', () => r()));
      const address = fake.address();
      fakeUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      database = await freshDatabase(kind, {
        pgliteDump: inject('pgliteDump'),
        postgresUrl: inject('postgresUrl'),
      });
      const { createOrganisation } = await import('../../src/orgs/orgs.commands.ts');
      const spec = {
        ...demoOrganisation,
        people: demoOrganisation.people.map((p) =>
          p.key === 'amara' ? { ...p, password: secrets.password } : { ...p, password: undefined },
        ),
      };
      orgId = (await createOrganisation(database.db, spec, new Date())).orgId;
      const config = loadConfig({
        BATON_ADMIN_TOKEN: secrets.adminToken,
        BATON_WEBHOOK_SECRET: secrets.webhookSecret,
        BATON_WEBHOOK_ALLOW_PRIVATE: '1',
        BATON_LLM_URL: `${fakeUrl}/v1`,
        BATON_LLM_MODEL: 'test-model',
        BATON_LLM_API_KEY: secrets.llmKey,
        BATON_LOG_LEVEL: 'trace',
        BATON_SCHEDULER_INTERVAL_MS: '100',
      });
      runtime = await startRuntime(config, {
        database,
        logDestination: { write: (line: string) => void lines.push(line) },
      });
    });
    afterAll(async () => {
      await runtime?.close();
      await database?.close();
      await new Promise<void>((r) => fake.close(() => r()));
    });

    async function call(
      path: string,
      init: { method?: string; body?: unknown; headers?: Record<string, string> },
    ) {
      const res = await runtime.app.request(path, {
        method: init.method ?? 'GET',
        headers: { 'content-type': 'application/json', ...init.headers },
        body:
          typeof init.body === 'string'
            ? init.body
            : init.body === undefined
              ? undefined
              : JSON.stringify(init.body),
      });
      return { status: res.status, headers: res.headers, body: await res.json().catch(() => null) };
    }

    it('runs the journey, then finds none of its secrets in the log', async () => {
      const used: string[] = Object.values(secrets);
      const admin = { authorization: `Bearer ${secrets.adminToken}` };
      const login = (password: string) =>
        call('/api/v1/auth/login', { method: 'POST', body: { email: 'amara@northwind.example', password } });
      expect((await login(secrets.wrongPassword)).status).toBe(401);
      const signedIn = await login(secrets.password);
      expect(signedIn.status).toBe(200);
      const session = /baton_session=([^;]+)/.exec(signedIn.headers.get('set-cookie') ?? '')![1]!;
      used.push(session);
      expect((await call('/api/v1/me', { headers: { cookie: `baton_session=${session}` } })).status).toBe(
        200,
      );

      const { token } = await createApiToken(database.db, { orgId, name: 'logs', roles: ['lead', 'agent'] });
      used.push(token);
      expect((await call('/api/v1/teams', { headers: { authorization: `Bearer ${token}` } })).status).toBe(
        200,
      );
      const badToken = 'btn_NotARealTokenButSecretLooking123';
      used.push(badToken);
      expect((await call('/api/v1/teams', { headers: { authorization: `Bearer ${badToken}` } })).status).toBe(
        401,
      );

      const event = JSON.stringify({
        eventId: 'evt-logs-1',
        type: 'case.created',
        case: {
          externalId: 'ext-logs-1',
          subject: 'Refund',
          channel: 'email',
          customer: { externalId: 'c-logs', name: 'Lee' },
        },
      });
      const signature = createHmac('sha256', secrets.webhookSecret).update(event).digest('hex');
      used.push(signature);
      const inbound = await call('/api/v1/webhooks/inbound/generic', {
        method: 'POST',
        body: event,
        headers: { 'x-baton-signature': `sha256=${signature}` },
      });
      expect(inbound.status).toBe(202);
      const forged = await call('/api/v1/webhooks/inbound/generic', {
        method: 'POST',
        body: event,
        headers: { 'x-baton-signature': `sha256=${'0'.repeat(64)}` },
      });
      expect(forged.status).toBe(401);

      const sub = await call('/api/v1/webhooks/subscriptions', {
        method: 'POST',
        headers: admin,
        body: { url: `${fakeUrl}/hook`, secret: secrets.subscriptionSecret, events: ['handoff.sent'] },
      });
      expect(sub.status).toBe(201);
      const kase = await call('/api/v1/cases', { method: 'POST', headers: admin, body: newCase() });
      expect(kase.status).toBe(201);
      const prefill = await call(`/api/v1/cases/${kase.body.id}/prefill`, { headers: admin });
      expect(prefill.status).toBe(200);
      const sent = await call(`/api/v1/cases/${kase.body.id}/handoffs`, {
        method: 'POST',
        headers: admin,
        body: { scenario: 'billing-to-finance', packet: fullPacket },
      });
      expect(sent.status).toBe(201);
      for (let i = 0; i < 300 && !seen.some((s) => s.path === '/hook'); i++)
        await new Promise((r) => setTimeout(r, 100));

      // The secrets were really in play: the LLM got its key, the delivery its signature.
      expect(seen.find((s) => s.path.includes('chat/completions'))?.authorization).toBe(
        `Bearer ${secrets.llmKey}`,
      );
      const delivery = seen.find((s) => s.path === '/hook');
      expect(delivery?.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      used.push(delivery!.signature!.split('v1=')[1]!);

      const log = lines.join('');
      expect(log).toContain('"msg":"request"');
      expect(log).toContain('LLM summary fell back');
      const found = used.filter((s) => log.includes(s));
      expect(found, 'secrets found in the log').toEqual([]);
      console.info(`[logs ${kind}] ${lines.length} log lines checked for ${used.length} secrets`);
    }, 60_000);
  });
}
