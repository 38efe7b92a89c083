import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { weeklyReviewTargets } from './analytics.table.ts';

/** Where the organisation's weekly review is sent (nowhere until a lead sets it). */
export async function reviewTargets(db: Queryable, orgId: string) {
  const [row] = await db.select().from(weeklyReviewTargets).where(eq(weeklyReviewTargets.orgId, orgId));
  return { slackUrl: row?.slackUrl ?? null, emails: row?.emails ?? [] };
}
