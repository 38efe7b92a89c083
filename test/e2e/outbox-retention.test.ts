import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database.ts';
import {
  outbox,
  webhookFailedTries,
  webhookSubscriptions,
} from '../../src/integrations/integrations.table.ts';
import { forgetDeliveredOutbox, forgetFailedTries } from '../../src/integrations/outbox-retention.jobs.ts';
import { describeOnDatabases } from '../support/harness.ts';

const day = 86_400_000;

/**
 * The outbox is also the delivery log: deliveries made more than `BATON_WEBHOOK_LOG_DAYS` ago are
 * forgotten; deliveries still waiting and dead letters stay, however old.
 */
describeOnDatabases('forgetting old webhook deliveries', (h) => {
  it('forgets what was delivered before the days kept, and nothing else', async () => {
    const now = new Date('2026-12-06T12:00:00Z');
    const at = (days: number) => new Date(now.getTime() - days * day);
    await h()
      .database.db.insert(webhookSubscriptions)
      .values(
        ['wh_retention', 'wh_retention_2'].map((id) => ({
          id,
          orgId: h().org.orgId,
          url: `https://hooks.example.com/${id}`,
          secret: 'retention-secret',
          events: ['*'],
        })),
      );
    const row = (
      eventId: string,
      fields: Partial<typeof outbox.$inferInsert>,
      subscriptionId = 'wh_retention',
    ) => ({
      orgId: h().org.orgId,
      eventId,
      subscriptionId,
      type: 'handoff.sent',
      body: '{}',
      nextAttemptAt: at(40),
      createdAt: at(40),
      ...fields,
    });
    await h()
      .database.db.insert(outbox)
      .values([
        row('delivered-31-days-ago', { deliveredAt: at(31) }),
        row('delivered-45-days-ago', { deliveredAt: at(45) }),
        row('delivered-29-days-ago', { deliveredAt: at(29) }),
        row('dead-60-days-ago', { deadAt: at(60), attempts: 15 }),
        row('waiting-since-40-days', { attempts: 3 }),
        row('other-delivered-33-days-ago', { deliveredAt: at(33) }, 'wh_retention_2'),
        row('other-delivered-2-days-ago', { deliveredAt: at(2) }, 'wh_retention_2'),
      ]);
    const left = async () =>
      rowsOf<{ event_id: string }>(
        await h().database.db.execute(
          sql`select event_id from outbox where subscription_id like 'wh_retention%' order by event_id`,
        ),
      ).map((r) => r.event_id);

    expect(await forgetDeliveredOutbox(h().database.db, now, 30)).toBe(3);
    expect(await left()).toEqual([
      'dead-60-days-ago',
      'delivered-29-days-ago',
      'other-delivered-2-days-ago',
      'waiting-since-40-days',
    ]);
    // Twice forgets nothing more; fewer days kept forget the younger one.
    expect(await forgetDeliveredOutbox(h().database.db, now, 30)).toBe(0);
    expect(await forgetDeliveredOutbox(h().database.db, now, 7)).toBe(1);
    expect(await left()).toEqual(['dead-60-days-ago', 'other-delivered-2-days-ago', 'waiting-since-40-days']);
  });

  it('forgets failed tries older than two days, the health bars reading only the last one', async () => {
    const now = new Date('2026-12-06T12:00:00Z');
    const minute = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
    await h()
      .database.db.insert(webhookFailedTries)
      .values(
        [1, 47, 49, 72].map((hours) => ({
          subscriptionId: 'wh_retention',
          orgId: h().org.orgId,
          minute: minute(hours),
          tries: 2,
        })),
      );
    expect(await forgetFailedTries(h().database.db, now)).toBe(2);
    const left = await h().database.db.select().from(webhookFailedTries);
    expect(left.map((r) => r.minute.toISOString()).sort()).toEqual(
      [minute(47), minute(1)].map((d) => d.toISOString()),
    );
    expect(await forgetFailedTries(h().database.db, now)).toBe(0);
  });

  it('reads BATON_WEBHOOK_LOG_DAYS, 30 by default, refusing nonsense', async () => {
    const { loadConfig } = await import('../../src/config.ts');
    expect(loadConfig({}).webhookLogDays).toBe(30);
    expect(loadConfig({ BATON_WEBHOOK_LOG_DAYS: '90' }).webhookLogDays).toBe(90);
    expect(() => loadConfig({ BATON_WEBHOOK_LOG_DAYS: '0' })).toThrow(/BATON_WEBHOOK_LOG_DAYS/);
  });
});
