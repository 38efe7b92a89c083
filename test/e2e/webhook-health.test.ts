import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deliverDue } from '../../src/integrations/delivery.jobs.ts';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';
import { type Receiver, startReceiver } from '../support/webhook-receiver.ts';

/**
 * Each subscription in `GET /webhooks/subscriptions` says how its deliveries stand: nothing yet, a
 * receiver failing (with its answer), deliveries made (when, how many in a day), falling behind,
 * paused, and its dead letters; counted per subscription, never another's.
 */
describeOnDatabases('webhook subscription health', (h) => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver('health-secret', { dedupe: true });
  });
  afterAll(async () => receiver.close());

  const healthOf = async (id: string) => {
    const res = await h().request('GET', '/api/v1/webhooks/subscriptions');
    expect(res.status).toBe(200);
    return res.body.items.find((s: { id: string }) => s.id === id).health;
  };
  const send = async () => {
    const created = await h().request('POST', '/api/v1/cases', newCase());
    const sent = await h().request('POST', `/api/v1/cases/${created.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    expect(sent.status).toBe(201);
  };
  const subscribe = async (url: string) => {
    const res = await h().request('POST', '/api/v1/webhooks/subscriptions', {
      url,
      secret: 'health-secret',
      events: ['handoff.sent'],
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  it('goes from quiet to failing to healthy, counting what it delivered in the last day', async () => {
    h().runtime.services.config.webhookAllowPrivate = true;
    const services = h().runtime.services;
    const id = await subscribe(receiver.url);
    const other = await subscribe(`${receiver.url}/other`);
    expect(await healthOf(id)).toEqual({
      state: 'quiet',
      waiting: 0,
      oldestWaitingAt: null,
      failing: 0,
      lastFailure: null,
      dead: 0,
      lastDeadAt: null,
      lastDeliveredAt: null,
      deliveredLastDay: 0,
      deliveredByHour: Array.from({ length: 24 }, () => 0),
      failedLastDay: 0,
      failedByHour: Array.from({ length: 24 }, () => 0),
    });

    const queuedAt = h().now().toISOString();
    receiver.mode = 'down';
    await send();
    await deliverDue(services);
    const failing = await healthOf(id);
    expect(failing).toMatchObject({
      state: 'failing',
      waiting: 1,
      oldestWaitingAt: queuedAt,
      failing: 1,
      lastFailure: { status: 503, error: 'HTTP 503' },
      lastDeliveredAt: null,
    });
    expect(failing.lastFailure.eventId).toMatch(/^ev/);

    receiver.mode = 'up';
    h().advance(60_000);
    await deliverDue(services);
    const deliveredAt = h().now().toISOString();
    expect(await healthOf(id)).toEqual({
      state: 'healthy',
      waiting: 0,
      oldestWaitingAt: null,
      failing: 0,
      lastFailure: null,
      dead: 0,
      lastDeadAt: null,
      lastDeliveredAt: deliveredAt,
      deliveredLastDay: 1,
      // Hour by hour, the oldest first: the one delivery is in the hour up to now.
      deliveredByHour: [...Array.from({ length: 23 }, () => 0), 1],
      // The failed try stays counted once the delivery went through: the bars show when it was down.
      failedLastDay: 1,
      failedByHour: [...Array.from({ length: 23 }, () => 0), 1],
    });
    // The other subscription delivered the same event: its own count, not added to this one's.
    expect(await healthOf(other)).toMatchObject({ state: 'healthy', deliveredLastDay: 1 });

    // Three and a half hours later another: it is in the last hour, the first in the fourth back.
    h().advance(3.5 * 3_600_000);
    expect(await healthOf(id)).toMatchObject({
      deliveredByHour: [...Array.from({ length: 20 }, () => 0), 1, 0, 0, 0],
      failedByHour: [...Array.from({ length: 20 }, () => 0), 1, 0, 0, 0],
    });
    await send();
    await deliverDue(services);
    expect(await healthOf(id)).toMatchObject({
      lastDeliveredAt: h().now().toISOString(),
      deliveredLastDay: 2,
      deliveredByHour: [...Array.from({ length: 20 }, () => 0), 1, 0, 0, 1],
    });
    const lastAt = h().now().toISOString();

    // A day later the delivery is still the last one, but no longer in the day's count.
    h().advance(25 * 3_600_000);
    expect(await healthOf(id)).toMatchObject({
      state: 'healthy',
      lastDeliveredAt: lastAt,
      deliveredLastDay: 0,
      deliveredByHour: Array.from({ length: 24 }, () => 0),
      failedLastDay: 0,
      failedByHour: Array.from({ length: 24 }, () => 0),
    });
  });

  it('says when deliveries wait too long, when it is paused, and counts its dead letters', async () => {
    h().runtime.services.config.webhookAllowPrivate = true;
    const id = await subscribe(receiver.url);
    await send();
    // No delivery pass ran: waiting, not failing; past 15 minutes, behind.
    expect(await healthOf(id)).toMatchObject({ state: 'healthy', waiting: 1, failing: 0 });
    h().advance(16 * 60_000);
    expect(await healthOf(id)).toMatchObject({ state: 'behind', waiting: 1 });

    // Given up (as after the last try): failing, until a delivery is made after it.
    const deadAt = h().now();
    await h().database.db.execute(
      sql`update outbox set dead_at = ${deadAt}, attempts = 15, last_error = 'HTTP 500' where subscription_id = ${id}`,
    );
    expect(await healthOf(id)).toMatchObject({
      state: 'failing',
      waiting: 0,
      dead: 1,
      lastDeadAt: deadAt.toISOString(),
      lastFailure: null,
    });
    h().advance(60_000);
    await send();
    await deliverDue(h().runtime.services);
    expect(await healthOf(id)).toMatchObject({ state: 'healthy', dead: 1, deliveredLastDay: 1 });

    const paused = await h().request('PATCH', `/api/v1/webhooks/subscriptions/${id}`, { active: false });
    expect(paused.status).toBe(200);
    expect(await healthOf(id)).toMatchObject({ state: 'paused', dead: 1 });
  });
});
