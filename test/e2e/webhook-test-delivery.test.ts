import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../support/harness.ts';
import { snapshotAll } from '../support/snapshot.ts';
import { type Receiver, startReceiver } from '../support/webhook-receiver.ts';

/**
 * A lead sends a subscription a test event to see at once whether its receiver works: signed and
 * shaped as its deliveries are (a chat gets a line saying it is connected), with the receiver's
 * answer in the reply; nothing is written.
 */
describeOnDatabases('a test delivery to a webhook receiver', (h) => {
  let hook: Receiver;
  let broken: Receiver;
  beforeAll(async () => {
    hook = await startReceiver('the receiver checks this', { dedupe: false });
    broken = await startReceiver('the receiver checks this', { dedupe: false });
    broken.mode = 'down';
    h().runtime.services.config.webhookAllowPrivate = true;
  });
  afterAll(async () => {
    await Promise.all([hook.close(), broken.close()]);
  });

  const subscribe = async (path: string, more: Record<string, unknown> = {}) =>
    (
      await h().request('POST', '/api/v1/webhooks/subscriptions', {
        url: path.startsWith('http') ? path : `${hook.url}${path}`,
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
    const got = hook.arrivals.at(-1)!;
    expect([got.path, got.type, got.id, got.signed]).toEqual([
      '/hook/program',
      'webhook.test',
      res.body.eventId,
      true,
    ]);
    const event = JSON.parse(got.body);
    expect([event.type, event.id, event.data]).toEqual([
      'webhook.test',
      res.body.eventId,
      { subscriptionId: id, every: false, events: ['handoff.sent'], teams: [] },
    ]);
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it('tells a chat it is connected, naming the teams it is kept to', async () => {
    const id = await subscribe('/slack', { format: 'slack', events: ['*'], teams: ['finance'] });
    const res = await test(id);
    expect(res.body.delivered).toBe(true);
    expect(JSON.parse(hook.arrivals.at(-1)!.body)).toEqual({
      text: '👋 Baton is connected: this channel gets every event about Finance',
    });
  });

  it('says what failed, and refuses an unknown subscription or someone who is not a lead', async () => {
    const down = await test(await subscribe(broken.url));
    expect(down.body).toMatchObject({ delivered: false, status: 503, error: 'HTTP 503' });
    const gone = await test(await subscribe('/nobody', { url: 'http://127.0.0.1:9/closed' }));
    expect([gone.body.delivered, gone.body.status]).toEqual([false, null]);
    expect(gone.body.error).toBeTruthy();
    const unknown = await test('wh_nope');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);
    const agent = await test(await subscribe('/program'), await h().tokenFor('amara'));
    expect(agent.status).toBe(403);
  });
});
