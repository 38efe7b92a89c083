import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { caseEvents } from '../events/events.table.ts';
import { EventType } from '../events/names.ts';
import { adapterGroupMappings } from './adapters.table.ts';
import type { AdapterSource } from './adapters.types.ts';

export const helpdeskReassigned = EventType.helpdeskReassigned;

export async function listGroupMappings(db: Queryable, orgId: string, source?: AdapterSource) {
  const rows = await db
    .select()
    .from(adapterGroupMappings)
    .where(
      and(
        eq(adapterGroupMappings.orgId, orgId),
        source ? eq(adapterGroupMappings.source, source) : undefined,
      ),
    )
    .orderBy(asc(adapterGroupMappings.source), asc(adapterGroupMappings.group));
  return rows.map((r) => ({
    source: r.source as AdapterSource,
    group: r.group,
    scenario: r.scenario,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** What an already applied assignment event did: its `helpdesk.reassigned` log entry, if it had one. */
export async function recordedReassignment(db: Queryable, caseId: string, source: string, eventId: string) {
  const [row] = await db
    .select({ data: caseEvents.data })
    .from(caseEvents)
    .where(
      and(
        eq(caseEvents.caseId, caseId),
        eq(caseEvents.type, helpdeskReassigned),
        sql`${caseEvents.data}->>'source' = ${source}`,
        sql`${caseEvents.data}->>'eventId' = ${eventId}`,
      ),
    )
    .limit(1);
  return row?.data as { handoffId: string | null; outcome: string } | undefined;
}
