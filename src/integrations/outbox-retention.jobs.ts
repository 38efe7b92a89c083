import { inArray, lt } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import type { Services } from '../http/context.ts';
import type { Job } from '../jobs/scheduler.ts';
import { outbox } from './integrations.table.ts';

/** Rows forgotten per pass: a backlog goes in steps rather than in one long statement. */
const batch = 5_000;

/**
 * Forgets the webhook deliveries made more than `days` ago: the outbox is also the delivery log,
 * and without this it would keep every event ever sent. Waiting deliveries and dead letters stay
 * (a dead letter waits for a lead to send it again or remove its subscription).
 */
export async function forgetDeliveredOutbox(db: Db, now: Date, days: number): Promise<number> {
  const before = new Date(now.getTime() - days * 86_400_000);
  const forgotten = await db
    .delete(outbox)
    .where(
      inArray(
        outbox.seq,
        db
          .select({ seq: outbox.seq })
          .from(outbox)
          .where(lt(outbox.deliveredAt, before))
          .orderBy(outbox.deliveredAt)
          .limit(batch),
      ),
    )
    .returning({ seq: outbox.seq });
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
    },
  };
}
