import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deliverDue } from '../../src/integrations/delivery.jobs.ts';
import { maxAttempts } from '../../src/integrations/signature.ts';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';
import { type Receiver, startReceiver } from '../support/webhook-receiver.ts';

// A subscription's dead letters reach whoever can fix it: the admins, the lead who made it (a team
// lead setting up their team's chat is the usual maker, and not an admin), and the leads of the teams
// it is kept to. Other leads and agents are not told.
describeOnDatabases('who hears of a subscription’s dead letters', (h) => {
  let hook: Receiver;
  beforeAll(async () => {
    hook = await startReceiver('readers-secret', { dedupe: true });
  });
  afterAll(() => hook.close());

  const deadLetterNotices = async (key: string) =>
    (
      await h().request('GET', '/api/v1/notifications', undefined, { token: await h().tokenFor(key) })
    ).body.items.filter((n: { kind: string }) => n.kind === 'webhook_failed');

  it('tells the admins, the maker and the kept teams’ leads, once per subscription', async () => {
    h().runtime.services.config.webhookAllowPrivate = true;
    const body = { url: hook.url, secret: 'readers-secret', events: ['handoff.sent'] };
    const byGrace = await h().request('POST', '/api/v1/webhooks/subscriptions', body, {
      token: await h().tokenFor('grace'),
    });
    expect(byGrace.status).toBe(201);
    expect(byGrace.body.createdBy).toBe(h().org.personIds.get('grace'));
    const forSupport = await h().request('POST', '/api/v1/webhooks/subscriptions', {
      ...body,
      teams: ['support'],
    });
    expect(forSupport.status).toBe(201);
    const listed = await h().request('GET', '/api/v1/webhooks/subscriptions');
    expect(
      Object.fromEntries(
        listed.body.items.map((s: { id: string; createdBy: string | null }) => [s.id, s.createdBy]),
      ),
    ).toEqual({ [byGrace.body.id]: h().org.personIds.get('grace'), [forSupport.body.id]: null });

    const c = await h().request('POST', '/api/v1/cases', newCase());
    const sent = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    expect(sent.status).toBe(201);
    hook.mode = 'down';
    for (let i = 0; i < maxAttempts; i++) {
      await deliverDue(h().runtime.services);
      h().advance(3_600_000);
    }
    const dead = await h().request('GET', '/api/v1/webhooks/deliveries?status=dead');
    expect(dead.body.items).toHaveLength(2);

    expect(await deadLetterNotices('ines')).toHaveLength(2);
    expect(await deadLetterNotices('grace')).toHaveLength(1);
    expect(await deadLetterNotices('sofia')).toHaveLength(1);
    for (const bystander of ['mateo', 'lucas', 'priya'])
      expect(await deadLetterNotices(bystander), bystander).toEqual([]);
  });

  it('does not tell a maker who is no longer a lead', async () => {
    h().runtime.services.config.webhookAllowPrivate = true;
    hook.mode = 'up';
    const sub = await h().request(
      'POST',
      '/api/v1/webhooks/subscriptions',
      { url: hook.url, secret: 'readers-secret', events: ['handoff.sent'] },
      { token: await h().tokenFor('mateo') },
    );
    expect(sub.status).toBe(201);
    await h().database.db.execute(
      sql`update people set roles = '{agent}' where id = ${h().org.personIds.get('mateo')}`,
    );
    const c = await h().request('POST', '/api/v1/cases', newCase());
    await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    hook.mode = 'down';
    h().advance(86_400_000);
    for (let i = 0; i < maxAttempts; i++) {
      await deliverDue(h().runtime.services);
      h().advance(3_600_000);
    }
    expect(await deadLetterNotices('mateo')).toEqual([]);
    // The admins heard of each subscription again, on a new day.
    expect((await deadLetterNotices('ines')).length).toBeGreaterThan(2);
  });
});
