import { and, eq, sql } from 'drizzle-orm';
import { recordChange } from '../admin/admin-changes.commands.ts';
import { replacedFields, settingsSubject, versionedFields } from '../admin/changes.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { appendEvent } from '../events/events.commands.ts';
import { EventType } from '../events/names.ts';
import type { Principal } from '../http/context.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { currentScenario } from '../scenarios/scenarios.queries.ts';
import { currentScorecard, handoffExists, samplingRulesFor } from './qa.queries.ts';
import { qaCheckWeights, qaReviews, qaSamplingRules, qaScorecards } from './qa.table.ts';
import type { ReviewInput, SamplingRules, Scorecard } from './qa.types.ts';
import { checkIds, defaultCheckWeights } from './quality.ts';
import { scoreReview } from './scorecard.ts';
import { tunedWeightsFor } from './weights.queries.ts';

export type Ctx = { principal: Principal; now: Date };

/** The admin change log's context of a QA command. */
const logCtx = (ctx: Ctx) => ({ orgId: ctx.principal.orgId, now: ctx.now, actorId: ctx.principal.personId });

/** The case-log event a review writes. */
export const qaReviewed = EventType.qaReviewed;

/** The reviewer a review is signed with: the person, or `admin` for the admin token. */
export const reviewerOf = (p: Principal) => p.personId ?? 'admin';

/** Tunes a scenario's check weights; checks left out keep their default weight. */
export async function saveCheckWeights(
  db: Db,
  scenarioId: string,
  weights: Record<string, number>,
  ctx: Ctx,
) {
  const unknown = Object.keys(weights).filter((id) => !checkIds.includes(id));
  if (unknown.length)
    throw new ApiError(
      'validation_failed',
      `weights.${unknown[0]}: unknown check (known: ${checkIds.join(', ')})`,
      {
        field: `weights.${unknown[0]}`,
        issues: unknown.map((id) => ({ field: `weights.${id}`, message: 'unknown check' })),
      },
    );
  const orgId = ctx.principal.orgId;
  await db.transaction(async (tx) => {
    const scenario = await currentScenario(tx, orgId, scenarioId);
    if (!scenario) throw notFound('scenario', scenarioId);
    const before = await tunedWeightsFor(tx, orgId, scenarioId);
    const row = { weights, updatedBy: ctx.principal.personId, updatedAt: ctx.now };
    await tx
      .insert(qaCheckWeights)
      .values({ orgId, scenarioId, ...row })
      .onConflictDoUpdate({ target: [qaCheckWeights.orgId, qaCheckWeights.scenarioId], set: row });
    const subject = settingsSubject.qaWeights({
      id: scenarioId,
      name: scenario.definition.name ?? scenarioId,
    });
    await recordChange(tx, logCtx(ctx), 'settings.changed', subject, replacedFields(before, weights));
  });
  return { scenario: scenarioId, tuned: weights, weights: { ...defaultCheckWeights, ...weights } };
}

export async function saveSamplingRules(db: Db, rules: SamplingRules, ctx: Ctx) {
  const row = { rules, updatedBy: ctx.principal.personId, updatedAt: ctx.now };
  return db.transaction(async (tx) => {
    const before = await samplingRulesFor(tx, ctx.principal.orgId);
    await tx
      .insert(qaSamplingRules)
      .values({ orgId: ctx.principal.orgId, ...row })
      .onConflictDoUpdate({ target: qaSamplingRules.orgId, set: row });
    await recordChange(
      tx,
      logCtx(ctx),
      'settings.changed',
      settingsSubject.qaSampling,
      replacedFields(before, rules),
    );
    return rules;
  });
}

/** Saves a scorecard as a new one (no id) or as the next version of an existing one. */
export async function saveScorecard(db: Db, card: Scorecard, ctx: Ctx, id?: string) {
  const orgId = ctx.principal.orgId;
  return db.transaction(async (tx) => {
    let version = 1;
    const before = id ? await currentScorecard(tx, orgId, id) : undefined;
    if (id) {
      const [row] = await tx
        .select({ max: sql<number>`coalesce(max(${qaScorecards.version}), 0)::int` })
        .from(qaScorecards)
        .where(and(eq(qaScorecards.orgId, orgId), eq(qaScorecards.id, id)));
      version = Number(row?.max ?? 0) + 1;
      if (version === 1) throw notFound('scorecard', id);
    }
    const scorecardId = id ?? newId('qsc');
    const [saved] = await tx
      .insert(qaScorecards)
      .values({
        orgId,
        id: scorecardId,
        version,
        definition: card,
        createdBy: ctx.principal.personId,
        createdAt: ctx.now,
      })
      .onConflictDoNothing()
      .returning();
    if (!saved)
      throw new ApiError('conflict', `scorecard ${scorecardId} changed meanwhile: send the edit again`);
    await recordChange(
      tx,
      logCtx(ctx),
      before ? 'scorecard.changed' : 'scorecard.added',
      { id: scorecardId, name: card.name },
      versionedFields(before?.definition, card, version),
    );
    return {
      id: scorecardId,
      version,
      definition: card,
      createdBy: saved.createdBy,
      createdAt: saved.createdAt,
    };
  });
}

/**
 * A reviewer scores a handoff on a scorecard's current version: load, score (pure), save, and
 * write `qa.reviewed` to the case's log, in one transaction. One review per reviewer, handoff
 * and scorecard.
 */
export async function submitReview(db: Db, input: ReviewInput, ctx: Ctx) {
  const orgId = ctx.principal.orgId;
  return db.transaction(async (tx) => {
    const handoff = await handoffExists(tx, orgId, input.handoffId);
    if (!handoff) throw notFound('handoff', input.handoffId);
    const card = await currentScorecard(tx, orgId, input.scorecardId);
    if (!card) throw notFound('scorecard', input.scorecardId);
    if (handoff.state === 'draft')
      throw new ApiError('invalid_review', 'a draft cannot be reviewed: it has not been handed off', {
        field: 'handoffId',
        criterion: null,
        issues: [{ criterion: null, field: 'handoffId', message: 'the handoff is a draft' }],
      });
    const result = scoreReview(card.definition, handoff.scenarioId, input.scores);
    if (!result.ok) {
      const [first] = result.issues;
      throw new ApiError('invalid_review', first!.message, {
        field: first!.field,
        criterion: first!.criterion,
        issues: result.issues,
      });
    }
    const reviewerId = reviewerOf(ctx.principal);
    const [review] = await tx
      .insert(qaReviews)
      .values({
        id: newId('qrv'),
        orgId,
        handoffId: handoff.id,
        caseId: handoff.caseId,
        scorecardId: card.id,
        scorecardVersion: card.version,
        reviewerId,
        scores: result.score.items,
        total: result.score.total,
        criticalFail: result.score.criticalFail,
        comment: input.comment ?? null,
        createdAt: ctx.now,
      })
      .onConflictDoNothing()
      .returning();
    if (!review)
      throw new ApiError('conflict', `you already reviewed handoff ${handoff.id} on scorecard ${card.id}`, {
        resource: 'review',
      });
    await appendEvent(tx, {
      orgId,
      caseId: handoff.caseId,
      handoffId: handoff.id,
      type: qaReviewed,
      at: ctx.now,
      actorId: ctx.principal.personId,
      data: {
        handoffId: handoff.id,
        reviewId: review.id,
        scorecardId: card.id,
        scorecardVersion: card.version,
        total: review.total,
        criticalFail: review.criticalFail,
      },
    });
    return review;
  });
}
