import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signDelivery } from '../../src/integrations/signature.ts';
import { describeOnDatabases } from '../support/harness.ts';
import { snapshotAll } from '../support/snapshot.ts';

/**
 * A lead sends a subscription a test event to see at once whether its receiver works: signed and
 * shaped as its deliveries are (a chat gets a line saying it is connected), with the receiver's
 * answer in the reply; nothing is written.
 */
describeOnDatabases('a test delivery to a webhook receiver', (h) => {
  const received: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => {
        body += d;
      });
      req.on('end', () => {
        received.push({ path: req.url ?? '', headers: req.headers, body });
        res.writeHead(req.url === '/broken' ? 500 : 204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    h().runtime.services.config.webhookAllowPrivate = true;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
  });

  const subscribe = async (path: string, more: Record<string, unknown> = {}) =>
    (
      await h().request('POST', '/api/v1/webhooks/subscriptions', {
        url: `${base}${path}`,
        secret: 'the receiver checks this',
        events: ['handoff.sent'],
        ...more,
      })
    ).body.id as string;
  const test = (id: string, token?: string) =>
    h().request('POST', `/api/v1/webhooks/subscriptions/${id}/test`, undefined, { token });

  it('sends a signed webhook.test event and answers what the receiver said, writing nothing', async () => {
    const id = await subscribe('/program');
    const before = await snapshotAll(h().database);
    const res = await test(id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ delivered: true, status: 204, error: null });
    expect(res.body.ms).toBeGreaterThanOrEqual(0);
    const got = received.at(-1)!;
    const event = JSON.parse(got.body);
    expect([got.path, event.type, event.id, event.data]).toEqual([
      '/program',
      'webhook.test',
      res.body.eventId,
      { subscriptionId: id, every: false, events: ['handoff.sent'], teams: [] },
    ]);
    const t = /t=(\d+)/.exec(String(got.headers['x-baton-signature']))![1]!;
    expect(got.headers['x-baton-signature']).toBe(
      signDelivery('the receiver checks this', got.body, Number(t)),
    );
    expect(got.headers['x-baton-event-id']).toBe(res.body.eventId);
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it('tells a chat it is connected, naming the teams it is kept to', async () => {
    const id = await subscribe('/slack', { format: 'slack', events: ['*'], teams: ['finance'] });
    const res = await test(id);
    expect(res.body.delivered).toBe(true);
    expect(JSON.parse(received.at(-1)!.body)).toEqual({
      text: '👋 Baton is connected: this channel gets every event about Finance',
    });
  });

  it('says what failed, and refuses an unknown subscription or someone who is not a lead', async () => {
    const broken = await test(await subscribe('/broken'));
    expect(broken.body).toMatchObject({ delivered: false, status: 500, error: 'HTTP 500' });
    const gone = await test(await subscribe('/nobody', { url: 'http://127.0.0.1:9/closed' }));
    expect([gone.body.delivered, gone.body.status]).toEqual([false, null]);
    expect(gone.body.error).toBeTruthy();
    const unknown = await test('wh_nope');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);
    const agent = await test(await subscribe('/program'), await h().tokenFor('amara'));
    expect(agent.status).toBe(403);
  });
});
