import { lt, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../db/database.ts';
import type { Services } from '../http/context.ts';
import type { Job } from '../jobs/scheduler.ts';
import { outbox, webhookFailedTries, webhookSubscriptions } from './integrations.table.ts';

/** Rows forgotten per pass: a backlog goes in steps rather than in one long statement. */
const batch = 5_000;

/**
 * Forgets the webhook deliveries made more than `days` ago: the outbox is also the delivery log,
 * and without this it would keep every event ever sent. Waiting deliveries and dead letters stay
 * (a dead letter waits for a lead to send it again or remove its subscription).
 */
export async function forgetDeliveredOutbox(db: Db, now: Date, days: number): Promise<number> {
  const before = new Date(now.getTime() - days * 86_400_000);
  // Subscription by subscription through `outbox_delivered` (subscription, delivered at): every
  // outbox row belongs to a subscription (removing one removes its rows in the same transaction).
  const forgotten = rowsOf<{ seq: number }>(
    await db.execute(sql`
      delete from ${outbox} where seq in (
        select o.seq from ${webhookSubscriptions} s
        cross join lateral (
          select seq from ${outbox}
          where subscription_id = s.id and delivered_at < ${before}
          order by delivered_at limit ${batch}
        ) o
        limit ${batch})
      returning seq`),
  );
  return forgotten.length;
}

/** The health's hourly bars look back a day: failed tries older than two are forgotten. */
export async function forgetFailedTries(db: Db, now: Date): Promise<number> {
  const forgotten = await db
    .delete(webhookFailedTries)
    .where(lt(webhookFailedTries.minute, new Date(now.getTime() - 2 * 86_400_000)))
    .returning({ minute: webhookFailedTries.minute });
  return forgotten.length;
}

/** Every ten minutes, in each process (forgetting twice forgets nothing more). */
export function outboxRetentionJob(services: Pick<Services, 'database' | 'config' | 'logger'>): Job {
  return {
    id: 'integrations.outbox-retention',
    every: 10 * 60_000,
    run: async (now) => {
      const forgot = await forgetDeliveredOutbox(services.database.db, now, services.config.webhookLogDays);
      if (forgot > 0) services.logger.info({ forgot }, 'forgot webhook deliveries past their days');
      await forgetFailedTries(services.database.db, now);
    },
  };
}
