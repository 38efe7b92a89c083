import { and, eq } from 'drizzle-orm';
import { type AdminCtx, recordChange } from '../admin/admin-changes.commands.ts';
import { changedFields, settingsSubject } from '../admin/changes.ts';
import type { Db } from '../db/database.ts';
import { notificationOutbox } from '../notifications/notifications.table.ts';
import { organisations } from '../orgs/orgs.table.ts';
import { weeklyReview } from './analytics.queries.ts';
import { weeklyReviews, weeklyReviewTargets } from './analytics.table.ts';
import type { ReviewDelivery } from './analytics.types.ts';
import { previousWeekId } from './period.ts';
import { reviewMessage } from './review-message.ts';
import { reviewTargets } from './review-targets.queries.ts';

/**
 * Builds the week's review and stores it once: insert-on-conflict-do-nothing on (org, week), so
 * several processes racing here store one row. The process that stores it also queues its sends
 * (the organisation's review targets) in the notification outbox, in the same transaction: the
 * notifications job delivers them at least once, and no race sends a review twice. Returns whether
 * this call stored it.
 */
export async function storeWeeklyReview(db: Db, orgId: string, week: string, now: Date): Promise<boolean> {
  const { review, organisation } = await weeklyReview(db, orgId, week);
  return db.transaction(async (tx) => {
    const stored = await tx
      .insert(weeklyReviews)
      .values({ orgId, week, json: review, createdAt: now })
      .onConflictDoNothing()
      .returning({ week: weeklyReviews.week });
    if (stored.length === 0) return false;
    const targets = await reviewTargets(tx, orgId);
    const message = reviewMessage(review, organisation.name);
    const sends = [
      ...(targets.slackUrl ? [{ channel: 'slack', target: targets.slackUrl }] : []),
      ...targets.emails.map((email) => ({ channel: 'email', target: email })),
    ];
    if (sends.length > 0) {
      await tx
        .insert(notificationOutbox)
        .values(sends.map((s) => ({ orgId, ...s, message, createdAt: now, nextAttemptAt: now })));
    }
    return true;
  });
}

/** Sets where the organisation's weekly review is sent; no webhook and no address stops the sends. */
export async function setReviewTargets(db: Db, ctx: AdminCtx, input: ReviewDelivery) {
  const { orgId, now } = ctx;
  const emails = [...new Set(input.emails.map((e) => e.toLowerCase()))];
  const values = { slackUrl: input.slackUrl, emails, updatedAt: now };
  return db.transaction(async (tx) => {
    const before = await reviewTargets(tx, orgId);
    await tx
      .insert(weeklyReviewTargets)
      .values({ orgId, ...values })
      .onConflictDoUpdate({ target: weeklyReviewTargets.orgId, set: values });
    const detail = changedFields(before, { slackUrl: input.slackUrl, emails });
    await recordChange(tx, ctx, 'settings.changed', settingsSubject.reviewDelivery, detail);
    return { slackUrl: input.slackUrl, emails };
  });
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
