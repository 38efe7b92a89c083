import { and, eq } from 'drizzle-orm';
import { lockCase } from '../cases/cases.commands.ts';
import { customers } from '../customers/customers.table.ts';
import type { Db, Tx } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { appendEvent } from '../events/events.commands.ts';
import { EventType } from '../events/names.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import type { Principal } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { teams } from '../teams/teams.table.ts';
import { futureToleranceMs, isSatisfied, type Rating, ratedHandoff } from './rating.ts';
import { ratingOf } from './satisfaction.queries.ts';
import { satisfactionRatings } from './satisfaction.table.ts';
import type { NewRating } from './satisfaction.types.ts';

type Ctx = { principal: Principal; now: Date };

/** Whether the rating was new, replaced an earlier one from the same source, or repeated it. */
export type Recorded = { outcome: 'created' | 'changed' | 'unchanged'; id: string };

/**
 * Records a customer's rating of a case, counted for the handoff that held the case when they
 * rated. A rating the helpdesk sends again under the same id changes nothing; a changed one
 * replaces it and is logged again, with what it was.
 */
export async function recordRatingIn(tx: Tx, caseId: string, input: NewRating, ctx: Ctx): Promise<Recorded> {
  const orgId = ctx.principal.orgId;
  const ratedAt = input.at ? new Date(input.at) : ctx.now;
  if (ratedAt.getTime() > ctx.now.getTime() + futureToleranceMs)
    throw new ApiError('rating_in_future', `the rating's time ${input.at} is ahead of the server's clock`, {
      field: 'at',
    });
  const kase = await lockCase(tx, orgId, caseId);
  const source = input.source ?? 'baton';
  const rating = input.rating as Rating;
  // A customer whose personal data was erased leaves no new words behind either: a rating a
  // helpdesk sends later still counts, its comment is not kept.
  const comment = input.comment && !(await customerErased(tx, kase.customerId)) ? input.comment : null;
  const [earlier] = input.externalId
    ? await tx
        .select()
        .from(satisfactionRatings)
        .where(
          and(
            eq(satisfactionRatings.orgId, orgId),
            eq(satisfactionRatings.source, source),
            eq(satisfactionRatings.externalId, input.externalId),
          ),
        )
    : [];
  if (earlier && earlier.caseId !== caseId)
    throw new ApiError('conflict', `rating ${input.externalId} from ${source} belongs to another case`, {
      field: 'externalId',
    });
  if (earlier && earlier.rating === rating && earlier.comment === comment)
    return { outcome: 'unchanged', id: earlier.id };
  const ofCase = await tx
    .select({ id: handoffs.id, state: handoffs.state, sentAt: handoffs.sentAt, team: teams.key })
    .from(handoffs)
    .innerJoin(teams, eq(teams.id, handoffs.toTeamId))
    .where(and(eq(handoffs.orgId, orgId), eq(handoffs.caseId, caseId)));
  const held = ratedHandoff(ofCase, ratedAt);
  const satisfied = isSatisfied(rating);
  const id = earlier?.id ?? newId('sr');
  const row = {
    handoffId: held?.id ?? null,
    rating,
    satisfied,
    comment,
    ratedAt,
    recordedBy: ctx.principal.personId,
    updatedAt: ctx.now,
  };
  if (earlier) await tx.update(satisfactionRatings).set(row).where(eq(satisfactionRatings.id, id));
  else
    await tx.insert(satisfactionRatings).values({
      ...row,
      id,
      orgId,
      caseId,
      source,
      externalId: input.externalId ?? null,
      createdAt: ctx.now,
    });
  await appendEvent(tx, {
    orgId,
    caseId,
    handoffId: held?.id ?? null,
    type: EventType.satisfactionRated,
    at: ratedAt,
    actorId: ctx.principal.personId,
    data: {
      ratingId: id,
      rating,
      satisfied,
      team: held?.team ?? null,
      source,
      ...(comment ? { comment } : {}),
      ...(earlier ? { changedFrom: earlier.rating } : {}),
      // When Baton learned of a rating given earlier (the event's `at` is when it was given).
      ...(input.at ? { recordedAt: ctx.now.toISOString() } : {}),
    },
  });
  return { outcome: earlier ? 'changed' : 'created', id };
}

async function customerErased(tx: Tx, customerId: string) {
  const [row] = await tx
    .select({ erasedAt: customers.erasedAt })
    .from(customers)
    .where(eq(customers.id, customerId));
  return Boolean(row?.erasedAt);
}

export async function recordRating(db: Db, caseId: string, input: NewRating, ctx: Ctx) {
  return db.transaction(async (tx) => {
    const recorded = await recordRatingIn(tx, caseId, input, ctx);
    return { ...recorded, rating: (await ratingOf(tx, ctx.principal.orgId, recorded.id))! };
  });
}
