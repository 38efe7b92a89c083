import { and, eq } from 'drizzle-orm';
import { type AdminCtx, recordChange } from '../admin/admin-changes.commands.ts';
import { replacedFields, settingsSubject } from '../admin/changes.ts';
import { cases } from '../cases/cases.table.ts';
import type { Db } from '../db/database.ts';
import { customerRetentionSettings, customers } from './customers.table.ts';
import { eraseLocked } from './erasure.commands.ts';
import { dueForErasure, retentionSettingsOf, schedules } from './retention.queries.ts';
import { retentionCutoff, retentionReason } from './retention.ts';
import type { RetentionSettingsInput } from './retention.types.ts';

/** An admin sets (or clears) the schedule; the change log records it like any setting. */
export async function saveRetentionSettings(db: Db, ctx: AdminCtx, input: RetentionSettingsInput) {
  const { orgId, now } = ctx;
  return db.transaction(async (tx) => {
    const saved = await retentionSettingsOf(tx, orgId);
    await tx
      .insert(customerRetentionSettings)
      .values({ orgId, eraseAfterDays: input.eraseAfterDays, updatedAt: now })
      .onConflictDoUpdate({
        target: customerRetentionSettings.orgId,
        set: { eraseAfterDays: input.eraseAfterDays, updatedAt: now },
      });
    await recordChange(
      tx,
      ctx,
      'settings.changed',
      settingsSubject.customerRetention,
      replacedFields(saved, input),
    );
    return input;
  });
}

/**
 * One pass of the schedule: in every organisation that has one, erases up to `limit` customers whose
 * last contact is older than its days, one transaction each (a customer touched meanwhile is skipped:
 * the condition is checked again under the row's lock). Returns how many were erased.
 */
export async function eraseDueCustomers(db: Db, now: Date, limit = 100): Promise<number> {
  let erased = 0;
  for (const { orgId, eraseAfterDays } of await schedules(db)) {
    if (eraseAfterDays === null) continue;
    const cutoff = retentionCutoff(eraseAfterDays, now);
    while (erased < limit) {
      const done = await db.transaction(async (tx) => {
        const [due] = await tx
          .select({ id: customers.id })
          .from(customers)
          .where(dueForErasure(orgId, cutoff))
          .orderBy(customers.id)
          .limit(1)
          .for('update', { skipLocked: true });
        if (!due) return 'none';
        // Their cases locked, the rule is read again in a new snapshot: a message that arrived while
        // this pass chose them means they are back in contact, and nothing of theirs is erased.
        await tx
          .select({ id: cases.id })
          .from(cases)
          .where(eq(cases.customerId, due.id))
          .orderBy(cases.id)
          .for('update');
        const [still] = await tx
          .select({ id: customers.id })
          .from(customers)
          .where(and(eq(customers.id, due.id), dueForErasure(orgId, cutoff)));
        if (!still) return 'skipped';
        await eraseLocked(tx, orgId, due.id, { actorId: null, now, reason: retentionReason(eraseAfterDays) });
        return 'erased';
      });
      if (done === 'none') break;
      if (done === 'erased') erased++;
    }
  }
  return erased;
}
