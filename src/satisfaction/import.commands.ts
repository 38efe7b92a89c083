import { and, eq, inArray } from 'drizzle-orm';
import { cases } from '../cases/cases.table.ts';
import type { Db, Tx } from '../db/database.ts';
import type { Principal } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import type { ImportedRating } from './import.types.ts';
import { recordRatingIn } from './satisfaction.commands.ts';

type Ctx = { principal: Principal; now: Date };

/** A rating of the batch that named no case Baton knows: a ticket from before Baton, or of another helpdesk. */
export type SkippedRating = { index: number; reason: 'case_not_found'; case: string };

/** The cases the batch names, by Baton id and by ticket id, in this organisation. */
async function casesNamed(tx: Tx, orgId: string, ratings: readonly ImportedRating[]) {
  const ids = [...new Set(ratings.flatMap((r) => (r.caseId ? [r.caseId] : [])))];
  const tickets = [...new Set(ratings.flatMap((r) => (r.caseExternalId ? [r.caseExternalId] : [])))];
  const [byId, byTicket] = await Promise.all([
    ids.length
      ? tx
          .select({ id: cases.id })
          .from(cases)
          .where(and(eq(cases.orgId, orgId), inArray(cases.id, ids)))
      : [],
    tickets.length
      ? tx
          .select({ id: cases.id, externalId: cases.externalId })
          .from(cases)
          .where(and(eq(cases.orgId, orgId), inArray(cases.externalId, tickets)))
      : [],
  ]);
  const known = new Set(byId.map((c) => c.id));
  const ticketCase = new Map(byTicket.map((c) => [c.externalId!, c.id]));
  return (r: ImportedRating) =>
    r.caseId ? (known.has(r.caseId) ? r.caseId : undefined) : ticketCase.get(r.caseExternalId!);
}

/**
 * A helpdesk's ratings recorded together, in one transaction, each exactly as
 * `POST /cases/{id}/satisfaction` records it (counted for the handoff that held the case at its
 * time; the same `externalId` again changes nothing, a changed rating replaces it). A rating of a
 * case Baton does not know is skipped and said so: a back-fill reaches back before Baton. One that
 * cannot be recorded (its time ahead of the clock, its id another case's) refuses the whole batch,
 * naming it (`field`: `ratings.<n>.<field>`), and nothing is recorded.
 */
export async function importRatings(db: Db, source: string, ratings: readonly ImportedRating[], ctx: Ctx) {
  return db.transaction(async (tx) => {
    const caseOf = await casesNamed(tx, ctx.principal.orgId, ratings);
    const counts = { created: 0, changed: 0, unchanged: 0 };
    const skipped: SkippedRating[] = [];
    for (const [index, r] of ratings.entries()) {
      const caseId = caseOf(r);
      if (!caseId) {
        skipped.push({ index, reason: 'case_not_found', case: (r.caseId ?? r.caseExternalId)! });
        continue;
      }
      const { caseId: _id, caseExternalId: _ticket, ...rating } = r;
      try {
        const recorded = await recordRatingIn(tx, caseId, { ...rating, source }, ctx);
        counts[recorded.outcome] += 1;
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const field = typeof error.details.field === 'string' ? error.details.field : undefined;
        throw new ApiError(error.code, `ratings[${index}]: ${error.message}; nothing was imported`, {
          ...error.details,
          index,
          field: `ratings.${index}${field ? `.${field}` : ''}`,
        });
      }
    }
    return { ...counts, skipped };
  });
}
