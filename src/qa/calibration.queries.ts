import type { Queryable } from '../db/database.ts';
import { notFound } from '../http/errors.ts';
import { type CalibrationReview, calibrate } from './calibration.ts';
import { namesOf, reviewsOfScorecard, scorecardVersions } from './qa.queries.ts';
import type { ScoredItem } from './scorecard.ts';

/** Agreement and drift on a scorecard (its current version, or `version`), reviewers named. */
export async function calibrationOf(db: Queryable, orgId: string, scorecardId: string, version?: number) {
  const versions = await scorecardVersions(db, orgId, scorecardId);
  const card = version ? versions.find((v) => v.version === version) : versions[0];
  if (!card) throw notFound('scorecard', version ? `${scorecardId} version ${version}` : scorecardId);
  const rows = await reviewsOfScorecard(db, orgId, scorecardId);
  const reviews: CalibrationReview[] = rows.map((r) => ({
    handoffId: r.handoffId,
    reviewerId: r.reviewerId,
    scorecardVersion: r.scorecardVersion,
    total: Number(r.total),
    items: (r.scores as ScoredItem[]).map((i) => ({ criterion: i.criterion, value: i.value })),
  }));
  const result = calibrate(card.definition, new Map(versions.map((v) => [v.version, v.definition])), reviews);
  const names = await namesOf(
    db,
    orgId,
    rows.map((r) => r.reviewerId),
  );
  const named = <T extends { reviewerId: string }>(list: T[]) =>
    list.map(({ reviewerId, ...rest }) => ({
      reviewer: { id: reviewerId, name: names.get(reviewerId) ?? reviewerId },
      ...rest,
    }));
  return {
    scorecard: { id: card.id, version: card.version, name: card.definition.name },
    reviews: result.reviews,
    handoffs: result.handoffs,
    criteria: result.criteria.map((c) => ({ ...c, reviewers: named(c.reviewers) })),
    total: { ...result.total, reviewers: named(result.total.reviewers) },
  };
}
