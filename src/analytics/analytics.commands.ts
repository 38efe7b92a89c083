import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { organisations } from '../orgs/orgs.table.ts';
import { weeklyReview } from './analytics.queries.ts';
import { weeklyReviews } from './analytics.table.ts';
import { previousWeekId } from './period.ts';

/**
 * Builds the week's review and stores it once: insert-on-conflict-do-nothing on (org, week), so
 * several processes racing here store one row. Returns whether this call stored it.
 */
export async function storeWeeklyReview(db: Db, orgId: string, week: string, now: Date): Promise<boolean> {
  const { review } = await weeklyReview(db, orgId, week);
  const stored = await db
    .insert(weeklyReviews)
    .values({ orgId, week, json: review, createdAt: now })
    .onConflictDoNothing()
    .returning({ week: weeklyReviews.week });
  return stored.length > 0;
}

/**
 * From Monday 00:00 in an organisation's time zone the week before is due: stores every due review
 * not stored yet (a process that was down on Monday catches up on its next run).
 */
export async function storeDueReviews(db: Db, now: Date): Promise<string[]> {
  const orgs = await db
    .select({ id: organisations.id, timezone: organisations.timezone })
    .from(organisations);
  const stored: string[] = [];
  for (const org of orgs) {
    const week = previousWeekId(now.getTime(), org.timezone);
    const [done] = await db
      .select({ week: weeklyReviews.week })
      .from(weeklyReviews)
      .where(and(eq(weeklyReviews.orgId, org.id), eq(weeklyReviews.week, week)));
    if (done) continue;
    if (await storeWeeklyReview(db, org.id, week, now)) stored.push(`${org.id}/${week}`);
  }
  return stored;
}
