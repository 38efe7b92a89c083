import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database.ts';
import { notificationOutbox } from '../../src/notifications/notifications.table.ts';
import { forgetFinishedSends } from '../../src/notifications/send-retention.jobs.ts';
import { describeOnDatabases } from '../support/harness.ts';

const day = 86_400_000;

/**
 * Slack and e-mail sends of notifications are forgotten 30 days after they were queued once
 * finished (delivered or given up); a send still being tried stays, however old.
 */
describeOnDatabases('forgetting finished notification sends', (h) => {
  it('forgets finished sends past 30 days, and nothing else', async () => {
    const now = new Date('2026-12-06T12:00:00Z');
    const at = (days: number) => new Date(now.getTime() - days * day);
    const row = (
      target: string,
      queued: number,
      fields: Partial<typeof notificationOutbox.$inferInsert>,
    ) => ({
      orgId: h().org.orgId,
      channel: 'email',
      target,
      message: { kind: 'mention', title: 't', body: 'b', link: null },
      createdAt: at(queued),
      nextAttemptAt: at(queued),
      ...fields,
    });
    await h()
      .database.db.insert(notificationOutbox)
      .values([
        row('delivered-40', 40, { deliveredAt: at(40) }),
        row('dead-35', 35, { deadAt: at(35), attempts: 10 }),
        row('delivered-10', 10, { deliveredAt: at(10) }),
        row('retrying-45', 45, { attempts: 3, lastError: 'smtp down' }),
      ]);
    const left = async () =>
      rowsOf<{ target: string }>(
        await h().database.db.execute(sql`select target from notification_outbox order by target`),
      ).map((r) => r.target);

    expect(await forgetFinishedSends(h().database.db, now)).toBe(2);
    expect(await left()).toEqual(['delivered-10', 'retrying-45']);
    expect(await forgetFinishedSends(h().database.db, now)).toBe(0);
    expect(await forgetFinishedSends(h().database.db, now, 5)).toBe(1);
    expect(await left()).toEqual(['retrying-45']);
  });
});
