import { and, eq, gte, isNotNull, isNull, lte } from 'drizzle-orm';
import { type AdminCtx, recordChange } from '../admin/admin-changes.commands.ts';
import { changedFields, settingsSubject } from '../admin/changes.ts';
import type { Tx } from '../db/database.ts';
import { appendEvent } from '../events/events.commands.ts';
import { EventType } from '../events/names.ts';
import { notFound } from '../http/errors.ts';
import { cases } from './cases.table.ts';
import { repeatWindowDays } from './repeat-contact.queries.ts';
import { repeatContactSettings } from './repeat-contact.table.ts';
import { linksToMake } from './repeat-contact.ts';

const DAY_MS = 86_400_000;

export async function setRepeatWindowDays(tx: Tx, ctx: AdminCtx, days: number) {
  const { orgId, now } = ctx;
  const before = await repeatWindowDays(tx, orgId);
  await tx
    .insert(repeatContactSettings)
    .values({ orgId, windowDays: days, updatedAt: now })
    .onConflictDoUpdate({ target: repeatContactSettings.orgId, set: { windowDays: days, updatedAt: now } });
  const detail = changedFields({ windowDays: before }, { windowDays: days });
  await recordChange(tx, ctx, 'settings.changed', settingsSubject.repeatContacts, detail);
  return { windowDays: days };
}

/**
 * In the caller's transaction, once a case's issue type is known (on creation, or set later): links
 * it, and later cases of the customer that were waiting for it, to the earlier case they repeat, and
 * writes `case.repeat_linked` on each linked case.
 */
export async function linkRepeatContacts(tx: Tx, orgId: string, caseId: string, now: Date) {
  const [changed] = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.orgId, orgId), eq(cases.id, caseId)));
  if (!changed) throw notFound('case', caseId);
  if (!changed.issueType) return [];
  const windowDays = await repeatWindowDays(tx, orgId);
  const at = changed.createdAt.getTime();
  const nearby = await tx
    .select()
    .from(cases)
    .where(
      and(
        eq(cases.orgId, orgId),
        eq(cases.customerId, changed.customerId),
        isNotNull(cases.issueType),
        gte(cases.createdAt, new Date(at - windowDays * DAY_MS)),
        lte(cases.createdAt, new Date(at + windowDays * DAY_MS)),
      ),
    );
  const links = linksToMake(changed, nearby, windowDays);
  for (const link of links) {
    const [updated] = await tx
      .update(cases)
      .set({ repeatOf: link.repeatOf })
      .where(and(eq(cases.id, link.caseId), isNull(cases.repeatOf)))
      .returning({ id: cases.id });
    // A concurrent transaction linked it first: its event is already written.
    if (!updated) continue;
    await appendEvent(tx, {
      orgId,
      caseId: link.caseId,
      type: EventType.caseRepeatLinked,
      at: now,
      data: {
        repeatOf: link.repeatOf,
        issueType: link.issueType,
        gapHours: Math.round((link.gapMs / 3_600_000) * 10) / 10,
        windowDays,
      },
    });
  }
  return links;
}
