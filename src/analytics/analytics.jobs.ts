import type { Services } from '../http/context.ts';
import type { Job } from '../jobs/scheduler.ts';
import { storeDueReviews } from './analytics.commands.ts';

/** Stores last week's review for every organisation once the week is over (checked every 10 minutes). */
export function weeklyReviewJob(services: Pick<Services, 'database' | 'logger'>): Job {
  return {
    id: 'analytics.weekly-review',
    every: 10 * 60_000,
    run: async (now) => {
      const stored = await storeDueReviews(services.database.db, now);
      if (stored.length > 0) services.logger.info({ reviews: stored }, 'weekly reviews stored');
    },
  };
}
