import type { Services } from '../http/context.ts';
import type { Job } from '../jobs/scheduler.ts';
import { eraseDueCustomers } from './retention.commands.ts';

/**
 * The retention schedule, hourly in each process: each customer is erased once, whichever process
 * gets there (their row is claimed with SKIP LOCKED and checked again under the lock).
 */
export function customerRetentionJob(services: Pick<Services, 'database' | 'logger'>): Job {
  return {
    id: 'customers.retention',
    every: 60 * 60_000,
    run: async (now) => {
      const erased = await eraseDueCustomers(services.database.db, now);
      if (erased > 0)
        services.logger.info({ erased }, 'erased the personal data of customers past the retention schedule');
    },
  };
}
