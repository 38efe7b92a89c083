import { and, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { people } from '../people/people.table.ts';
import { adminChanges } from './admin-changes.table.ts';
import { type ChangeArea, subjectKindsOf, systemActors } from './changes.ts';

/**
 * The organisation's admin changes, newest first, `limit` of them before the change `before` (a
 * seq); only those of `areas`, by `actor` and in `span` when given.
 */
export async function listAdminChanges(
  db: Queryable,
  orgId: string,
  opts: {
    limit: number;
    before?: number;
    areas?: ChangeArea[];
    actor?: string;
    /** Changes made in [from, to), UTC ms; either end open. */
    span?: { from?: number; to?: number };
  },
) {
  const kind = sql<string>`split_part(${adminChanges.action}, '.', 1)`;
  const rows = await db
    .select({ c: adminChanges, actorName: people.name })
    .from(adminChanges)
    .leftJoin(people, eq(people.id, adminChanges.actorId))
    .where(
      and(
        eq(adminChanges.orgId, orgId),
        opts.before === undefined ? undefined : lt(adminChanges.seq, opts.before),
        opts.areas?.length ? inArray(kind, subjectKindsOf(opts.areas)) : undefined,
        opts.actor ? eq(adminChanges.actorId, opts.actor) : undefined,
        opts.span?.from === undefined ? undefined : gte(adminChanges.at, new Date(opts.span.from)),
        opts.span?.to === undefined ? undefined : lt(adminChanges.at, new Date(opts.span.to)),
      ),
    )
    .orderBy(desc(adminChanges.seq))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ c, actorName }) => ({
      id: c.id,
      at: c.at.toISOString(),
      actor: c.actorId
        ? {
            id: c.actorId,
            name: actorName ?? systemActors[c.actorId] ?? null,
          }
        : null,
      action: c.action,
      subject: c.subject,
      subjectName: c.subjectName,
      detail: c.detail,
    })),
    nextCursor: rows.length > opts.limit && last ? String(last.c.seq) : null,
  };
}
