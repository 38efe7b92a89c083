import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database.ts';
import { deliverDue } from '../../src/integrations/delivery.jobs.ts';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';
import { snapshotAll } from '../support/snapshot.ts';

/**
 * A lead removes a subscription: it is gone from the list with its delivery log, what it had not
 * delivered is dropped (counted in the answer and the admin change log), and new events queue
 * nothing for it. An unknown one is 404 and changes nothing.
 */
describeOnDatabases('removing a webhook subscription', (h) => {
  const outboxOf = async (id: string) =>
    rowsOf<{ n: number }>(
      await h().database.db.execute(sql`select count(*)::int as n from outbox where subscription_id = ${id}`),
    )[0]!.n;
  const failedTriesOf = async (id: string) =>
    rowsOf<{ n: number }>(
      await h().database.db.execute(
        sql`select coalesce(sum(tries), 0)::int as n from webhook_failed_tries where subscription_id = ${id}`,
      ),
    )[0]!.n;
  const send = async () => {
    const created = await h().request('POST', '/api/v1/cases', newCase());
    const sent = await h().request('POST', `/api/v1/cases/${created.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    expect(sent.status).toBe(201);
  };

  it('refuses an unknown subscription, changing nothing', async () => {
    const before = await snapshotAll(h().database);
    const res = await h().request('DELETE', '/api/v1/webhooks/subscriptions/wh_nobody');
    expect([res.status, res.body.error.code]).toEqual([404, 'not_found']);
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it('removes it with its log, dropping what it had not delivered, and queues nothing more for it', async () => {
    h().runtime.services.config.webhookAllowPrivate = true;
    const kept = await h().request('POST', '/api/v1/webhooks/subscriptions', {
      url: 'http://127.0.0.1:9/kept',
      secret: 'kept receiver',
      events: ['handoff.sent'],
    });
    const gone = await h().request('POST', '/api/v1/webhooks/subscriptions', {
      url: 'http://127.0.0.1:9/gone',
      secret: 'removed receiver',
      events: ['handoff.sent', 'owner.assigned'],
    });
    await send();
    expect([await outboxOf(gone.body.id), await outboxOf(kept.body.id)]).toEqual([2, 1]);
    // Tried once (nothing listens there): each has failed tries counted for its health's bars.
    await deliverDue(h().runtime.services);
    expect([await failedTriesOf(gone.body.id), await failedTriesOf(kept.body.id)]).toEqual([2, 1]);

    const res = await h().request('DELETE', `/api/v1/webhooks/subscriptions/${gone.body.id}`);
    expect([res.status, res.body]).toEqual([200, { id: gone.body.id, removed: true, pendingDropped: 2 }]);
    const listed = (await h().request('GET', '/api/v1/webhooks/subscriptions')).body.items.map(
      (s: { id: string }) => s.id,
    );
    expect(listed).toContain(kept.body.id);
    expect(listed).not.toContain(gone.body.id);
    await send();
    expect([await outboxOf(gone.body.id), await outboxOf(kept.body.id)]).toEqual([0, 2]);
    expect([await failedTriesOf(gone.body.id), await failedTriesOf(kept.body.id)]).toEqual([0, 1]);

    const log = await h().request('GET', '/api/v1/admin/changes?area=integrations');
    expect(log.body.items[0]).toMatchObject({
      action: 'webhook.removed',
      subject: gone.body.id,
      subjectName: 'http://127.0.0.1:9/gone',
      detail: { pendingDropped: { from: 2, to: null } },
    });
    const again = await h().request('DELETE', `/api/v1/webhooks/subscriptions/${gone.body.id}`);
    expect(again.status).toBe(404);
  });
});
