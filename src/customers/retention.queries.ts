import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { cases } from '../cases/cases.table.ts';
import type { Queryable } from '../db/database.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { customerRetentionSettings, customers } from './customers.table.ts';

/** The organisation's schedule: days without contact before erasure, null for never. */
export async function retentionSettingsOf(db: Queryable, orgId: string) {
  const [row] = await db
    .select({ eraseAfterDays: customerRetentionSettings.eraseAfterDays })
    .from(customerRetentionSettings)
    .where(eq(customerRetentionSettings.orgId, orgId));
  return { eraseAfterDays: row?.eraseAfterDays ?? null };
}

/**
 * Customers the schedule erases at `cutoff`: not erased yet, known to Baton before it, and none of
 * their cases touched since it, still open or pending, or carrying a handoff that is not finished.
 */
export function dueForErasure(orgId: string, cutoff: Date) {
  return and(
    eq(customers.orgId, orgId),
    isNull(customers.erasedAt),
    lt(customers.createdAt, cutoff),
    sql`not exists (select 1 from ${cases} k where k.customer_id = ${customers.id}
      and (k.updated_at >= ${cutoff} or k.status in ('open', 'pending')
        or exists (select 1 from ${handoffs} h where h.case_id = k.id and h.state in ('draft', 'sent', 'accepted'))))`,
  );
}

/** How many customers the schedule would erase at `cutoff` (the settings page's preview). */
export async function countDueForErasure(db: Queryable, orgId: string, cutoff: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(customers)
    .where(dueForErasure(orgId, cutoff));
  return Number(row?.n ?? 0);
}

/** The organisations that have a schedule, with it. */
export async function schedules(db: Queryable) {
  return db
    .select({
      orgId: customerRetentionSettings.orgId,
      eraseAfterDays: customerRetentionSettings.eraseAfterDays,
    })
    .from(customerRetentionSettings)
    .where(sql`${customerRetentionSettings.eraseAfterDays} is not null`);
}
