import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deliverDue } from '../../src/integrations/delivery.jobs.ts';
import { verifyDelivery } from '../../src/integrations/signature.ts';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';
import { snapshot, snapshotAll } from '../support/snapshot.ts';

type Received = { headers: Record<string, string | string[] | undefined>; body: string };

describeOnDatabases('webhooks', (h) => {
  const received: Received[] = [];
  let failNext = 0;
  let server: Server;
  let url = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => {
        body += d;
      });
      req.on('end', () => {
        if (failNext > 0) {
          failNext--;
          res.writeHead(503).end();
          return;
        }
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const secret = 'inbound-secret';
  const sign = (raw: string) => `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
  const inbound = (raw: string, signature?: string) =>
    h().runtime.app.request('/api/v1/webhooks/inbound/generic', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signature ? { 'x-baton-signature': signature } : {}),
      },
      body: raw,
    });

  it('takes a signed inbound event once, and refuses a bad signature storing nothing', async () => {
    h().runtime.services.config.webhookSecret = secret;
    const raw = JSON.stringify({
      eventId: 'zd-1',
      type: 'case.created',
      case: {
        externalId: 'T-77',
        subject: 'Boiler broken',
        channel: 'email',
        customer: { externalId: 'c-77', name: 'Ana Silva' },
      },
      message: { role: 'customer', text: 'My boiler stopped working.' },
    });
    const before = await snapshot(h().database);
    expect((await inbound(raw)).status).toBe(401);
    expect((await inbound(raw, sign(`${raw} `))).status).toBe(401);
    expect(await snapshot(h().database)).toEqual(before);
    const first = await inbound(raw, sign(raw));
    expect(first.status).toBe(202);
    const { caseId } = await first.json();
    const mid = await snapshot(h().database);
    const again = await inbound(raw, sign(raw));
    expect(await again.json()).toEqual({ caseId });
    expect(await snapshot(h().database)).toEqual(mid);
    const msg = JSON.stringify({
      eventId: 'zd-2',
      type: 'message.created',
      case: {
        externalId: 'T-77',
        subject: 'Boiler broken',
        channel: 'email',
        customer: { externalId: 'c-77', name: 'Ana Silva' },
      },
      message: { role: 'customer', text: 'Any news?' },
    });
    expect(await (await inbound(msg, sign(msg))).json()).toEqual({ caseId });
    const kase = await h().request('GET', `/api/v1/cases/${caseId}`);
    expect(kase.body.messages.map((m: { text: string }) => m.text)).toEqual([
      'My boiler stopped working.',
      'Any news?',
    ]);
  });

  it('refuses loopback subscription targets unless allowed', async () => {
    h().runtime.services.config.webhookAllowPrivate = false;
    const refused = await h().request('POST', '/api/v1/webhooks/subscriptions', {
      url,
      secret: 'subscriber-secret',
      events: ['*'],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('webhook_target_refused');
  });

  it('refuses a subscription to an event nobody writes, naming it, and saves nothing', async () => {
    h().runtime.services.config.webhookAllowPrivate = true;
    const before = await snapshotAll(h().database);
    const typo = await h().request('POST', '/api/v1/webhooks/subscriptions', {
      url,
      secret: 'subscriber-secret',
      events: ['handoff.sent', 'handoff.send'],
    });
    expect(typo.status).toBe(400);
    expect(typo.body.error).toMatchObject({ code: 'validation_failed', field: 'events.1' });
    expect(typo.body.error.message).toMatch(
      /no event is called handoff\.send: use \* or one of .*handoff\.sent/,
    );
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it('delivers signed events at least once, retrying after failures', async () => {
    h().runtime.services.config.webhookAllowPrivate = true;
    const sub = await h().request('POST', '/api/v1/webhooks/subscriptions', {
      url,
      secret: 'subscriber-secret',
      events: ['handoff.sent', 'handoff.accepted', 'sla.breached'],
    });
    expect(sub.status).toBe(201);
    const c = await h().request('POST', '/api/v1/cases', newCase());
    const sent = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    failNext = 1;
    const services = h().runtime.services;
    await deliverDue(services);
    expect(received).toHaveLength(0);
    h().advance(2000);
    await deliverDue(services);
    expect(received).toHaveLength(1);
    const delivery = received[0]!;
    const body = JSON.parse(delivery.body);
    expect(body).toMatchObject({
      type: 'handoff.sent',
      data: { handoffId: sent.body.id, caseId: c.body.id },
    });
    expect(delivery.headers['x-baton-event-id']).toBe(body.id);
    expect(
      verifyDelivery(
        'subscriber-secret',
        delivery.body,
        String(delivery.headers['x-baton-signature']),
        Math.floor(Date.now() / 1000),
      ),
    ).toBe(true);
    await h().request('POST', `/api/v1/handoffs/${sent.body.id}/accept`);
    await deliverDue(services);
    expect(received.map((r) => JSON.parse(r.body).type)).toEqual(['handoff.sent', 'handoff.accepted']);
    // Each carries its place in the case log, for a receiver to put retried deliveries back in order.
    const [first, second] = received.map((r) => JSON.parse(r.body).seq as number);
    expect(Number.isInteger(first)).toBe(true);
    expect(second).toBeGreaterThan(first!);
    const events = (await h().request('GET', `/api/v1/cases/${c.body.id}/events`)).body.items as {
      id: string;
      seq: number;
    }[];
    expect(events.find((e) => e.id === body.id)?.seq).toBe(first);
    const log = await h().request('GET', '/api/v1/webhooks/deliveries?status=delivered');
    expect(log.body.items.length).toBe(2);
  });

  it('pauses a subscription (its pending deliveries wait, nothing new is queued), resumes and edits it', async () => {
    h().runtime.services.config.webhookAllowPrivate = true;
    const services = h().runtime.services;
    const sub = await h().request('POST', '/api/v1/webhooks/subscriptions', {
      url,
      secret: 'paused-secret',
      events: ['handoff.sent'],
    });
    const mine = async () =>
      (await h().request('GET', '/api/v1/webhooks/deliveries?limit=500')).body.items.filter(
        (d: { subscriptionId: string }) => d.subscriptionId === sub.body.id,
      );
    const send = async () => {
      const c = await h().request('POST', '/api/v1/cases', newCase());
      return h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
        scenario: 'billing-to-finance',
        packet: fullPacket,
      });
    };
    await send(); // queued while active
    const paused = await h().request('PATCH', `/api/v1/webhooks/subscriptions/${sub.body.id}`, {
      active: false,
    });
    expect(paused.status, JSON.stringify(paused.body)).toBe(200);
    expect(paused.body).toMatchObject({ id: sub.body.id, active: false, events: ['handoff.sent'] });
    expect(paused.body.secret).toBeUndefined();
    await send(); // not queued: the subscription is paused
    await deliverDue(services);
    const waiting = await mine();
    expect(
      waiting.map((d: { deliveredAt: string | null; attempts: number }) => [d.deliveredAt, d.attempts]),
    ).toEqual([[null, 0]]);

    const resumed = await h().request('PATCH', `/api/v1/webhooks/subscriptions/${sub.body.id}`, {
      active: true,
      events: ['handoff.sent', 'handoff.accepted'],
    });
    expect(resumed.body).toMatchObject({ active: true, events: ['handoff.sent', 'handoff.accepted'] });
    // Each change is in the admin change log, with what it changed (never the secret itself).
    const changes = (await h().request('GET', '/api/v1/admin/changes')).body.items.filter(
      (c: { subject: string }) => c.subject === sub.body.id,
    );
    expect(changes.map((c: { action: string; detail: unknown }) => [c.action, c.detail])).toEqual([
      [
        'webhook.changed',
        {
          active: { from: false, to: true },
          events: { from: ['handoff.sent'], to: ['handoff.sent', 'handoff.accepted'] },
        },
      ],
      ['webhook.changed', { active: { from: true, to: false } }],
      [
        'webhook.subscribed',
        {
          url: { from: null, to: url },
          secret: { from: null, to: 'set' },
          events: { from: null, to: ['handoff.sent'] },
        },
      ],
    ]);
    await deliverDue(services);
    expect((await mine()).map((d: { deliveredAt: string | null }) => d.deliveredAt !== null)).toEqual([true]);
    const accepted = await send();
    await h().request('POST', `/api/v1/handoffs/${accepted.body.id}/accept`);
    expect((await mine()).map((d: { type: string }) => d.type)).toEqual([
      'handoff.accepted',
      'handoff.sent',
      'handoff.sent',
    ]);

    // Bad changes change nothing.
    const agent = await h().tokenFor('amara', ['agent']);
    const before = await snapshot(h().database);
    for (const [body, status] of [
      [{}, 400],
      [{ events: [] }, 400],
      [{ url: 'ftp://example.com/hook' }, 400],
      [{ active: 'no' }, 400],
    ] as const) {
      const res = await h().request('PATCH', `/api/v1/webhooks/subscriptions/${sub.body.id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
    }
    const missing = await h().request('PATCH', '/api/v1/webhooks/subscriptions/wh_nope', { active: false });
    expect(missing.status).toBe(404);
    const refused = await h().request(
      'PATCH',
      `/api/v1/webhooks/subscriptions/${sub.body.id}`,
      { active: false },
      { token: agent },
    );
    expect(refused.status).toBe(403);
    expect(await snapshot(h().database)).toEqual(before);
  });
});
