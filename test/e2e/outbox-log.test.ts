import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiToken } from '../../src/auth/auth.commands.ts';
import { deliverDue } from '../../src/integrations/delivery.jobs.ts';
import { maxAttempts } from '../../src/integrations/signature.ts';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';
import { snapshot } from '../support/snapshot.ts';
import { type Receiver, startReceiver } from '../support/webhook-receiver.ts';

/** The read side of the outbox that the web app's delivery log shows, and redelivery of dead letters. */
describeOnDatabases('webhook delivery log', (h) => {
  let hook: Receiver;
  beforeAll(async () => {
    hook = await startReceiver('log-secret', { dedupe: true });
  });
  afterAll(() => hook.close());

  it('lists subscriptions without secrets, deliveries by status, and dead letters that can be sent again', async () => {
    h().runtime.services.config.webhookAllowPrivate = true;
    const sub = await h().request('POST', '/api/v1/webhooks/subscriptions', {
      url: hook.url,
      secret: 'log-secret',
      events: ['handoff.sent'],
    });
    expect(sub.status).toBe(201);
    const subs = await h().request('GET', '/api/v1/webhooks/subscriptions');
    expect(subs.body.items).toEqual([
      expect.objectContaining({ id: sub.body.id, url: hook.url, events: ['handoff.sent'], active: true }),
    ]);
    expect(JSON.stringify(subs.body)).not.toContain('log-secret');

    const c = await h().request('POST', '/api/v1/cases', newCase());
    await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    const pending = await h().request('GET', '/api/v1/webhooks/deliveries?status=pending');
    expect(pending.body.items).toHaveLength(1);
    const row = pending.body.items[0];
    expect(row).toMatchObject({ subscriptionId: sub.body.id, type: 'handoff.sent', attempts: 0 });
    expect(row.body).toBeUndefined();

    // The receiver is down for every try: after the last one the row is a dead letter.
    hook.mode = 'down';
    for (let i = 0; i < maxAttempts; i++) {
      await deliverDue(h().runtime.services);
      h().advance(3_600_000);
    }
    const dead = await h().request('GET', '/api/v1/webhooks/deliveries?status=dead');
    expect(dead.body.items).toEqual([
      expect.objectContaining({
        seq: row.seq,
        attempts: maxAttempts,
        lastStatus: 503,
        lastError: 'HTTP 503',
      }),
    ]);
    expect(dead.body.items[0].deadAt).toEqual(expect.any(String));
    expect((await h().request('GET', '/api/v1/webhooks/deliveries?status=pending')).body.items).toEqual([]);
    // The admins hear of it in their inbox, by the receiver's host alone; a lead who is not one does not.
    const noticesOf = async (key: string) =>
      (
        await h().request('GET', '/api/v1/notifications', undefined, { token: await h().tokenFor(key) })
      ).body.items.filter((n: { kind: string }) => n.kind === 'webhook_failed');
    const told = await noticesOf('ines');
    expect(told).toEqual([
      expect.objectContaining({
        title: `Webhook deliveries to ${new URL(hook.url).host} are being given up`,
        body: `A handoff.sent event became a dead letter after ${maxAttempts} tries (HTTP 503). Fix the receiver, then send the dead letters again from Integrations.`,
        link: '/settings/integrations',
        channels: [],
      }),
    ]);
    expect(await noticesOf('grace')).toEqual([]);

    hook.mode = 'up';
    const again = await h().request('POST', `/api/v1/webhooks/deliveries/${row.seq}/redeliver`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ seq: row.seq, queued: true });
    await deliverDue(h().runtime.services);
    const delivered = await h().request('GET', '/api/v1/webhooks/deliveries?status=delivered');
    expect(delivered.body.items).toEqual([
      expect.objectContaining({ seq: row.seq, attempts: 1, lastStatus: 204, deadAt: null, lastError: null }),
    ]);
    expect(hook.processed.get(row.eventId)).toBe(1);
    const all = await h().request('GET', '/api/v1/webhooks/deliveries?limit=1');
    expect(all.body.items).toHaveLength(1);
  });

  it('refuses bad queries, other organisations and other roles, changing nothing', async () => {
    const before = await snapshot(h().database);
    const [row] = (await h().request('GET', '/api/v1/webhooks/deliveries')).body.items;
    for (const q of ['status=bogus', 'limit=0', 'limit=501', 'limit=ten']) {
      const bad = await h().request('GET', `/api/v1/webhooks/deliveries?${q}`);
      expect(bad.status, q).toBe(400);
      expect(bad.body.error.code).toBe('validation_failed');
    }
    const missing = await h().request('POST', '/api/v1/webhooks/deliveries/999999/redeliver');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    const { token: otherLead } = await createApiToken(h().database.db, {
      orgId: h().other.orgId,
      name: 'other lead',
      roles: ['lead'],
      personId: null,
    });
    const afterToken = await snapshot(h().database);
    const theirs = await h().request('GET', '/api/v1/webhooks/deliveries', undefined, { token: otherLead });
    expect(theirs.body.items).toEqual([]);
    expect(
      (await h().request('GET', '/api/v1/webhooks/subscriptions', undefined, { token: otherLead })).body
        .items,
    ).toEqual([]);
    const foreign = await h().request('POST', `/api/v1/webhooks/deliveries/${row.seq}/redeliver`, undefined, {
      token: otherLead,
    });
    expect(foreign.status).toBe(404);
    const agent = await h().tokenFor('amara');
    expect(
      (await h().request('GET', '/api/v1/webhooks/deliveries', undefined, { token: agent })).status,
    ).toBe(403);
    expect(
      (
        await h().request('POST', `/api/v1/webhooks/deliveries/${row.seq}/redeliver`, undefined, {
          token: agent,
        })
      ).status,
    ).toBe(403);
    const after = await snapshot(h().database);
    // Only the API tokens this test made are new.
    expect({ ...after, api_tokens: undefined }).toEqual({ ...afterToken, api_tokens: undefined });
    expect({ ...afterToken, api_tokens: undefined }).toEqual({ ...before, api_tokens: undefined });
  });
});
