import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../db/database.ts';
import { cases } from './cases.table.ts';
import { repeatContactSettings } from './repeat-contact.table.ts';
import { DEFAULT_REPEAT_WINDOW_DAYS } from './repeat-contact.ts';

const earlier = alias(cases, 'earlier');

/** The organisation's repeat-contact window in days. */
export async function repeatWindowDays(db: Queryable, orgId: string): Promise<number> {
  const [row] = await db
    .select({ days: repeatContactSettings.windowDays })
    .from(repeatContactSettings)
    .where(eq(repeatContactSettings.orgId, orgId));
  return row?.days ?? DEFAULT_REPEAT_WINDOW_DAYS;
}

/** The organisation's window and its linked repeat contacts (the latest 200), newest first. */
export async function repeatContacts(db: Queryable, orgId: string) {
  const windowDays = await repeatWindowDays(db, orgId);
  const rows = await db
    .select({ c: cases, e: { id: earlier.id, subject: earlier.subject, createdAt: earlier.createdAt } })
    .from(cases)
    .innerJoin(earlier, eq(earlier.id, cases.repeatOf))
    .where(and(eq(cases.orgId, orgId), isNotNull(cases.repeatOf)))
    .orderBy(desc(cases.createdAt))
    .limit(200);
  return {
    windowDays,
    items: rows.map(({ c, e }) => ({
      caseId: c.id,
      subject: c.subject,
      issueType: c.issueType,
      customerId: c.customerId,
      createdAt: c.createdAt.toISOString(),
      repeatOf: { caseId: e.id, subject: e.subject, createdAt: e.createdAt.toISOString() },
    })),
  };
}
