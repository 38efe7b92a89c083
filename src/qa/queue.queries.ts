import type { Queryable } from '../db/database.ts';
import { getHandoff } from '../handoffs/handoffs.queries.ts';
import { queueCandidates, reviewCounts, reviewedBy, samplingRulesFor } from './qa.queries.ts';
import { scoreChecks } from './quality.ts';
import { sampleForReview } from './sampling.ts';
import { qualityWeightsByScenario } from './weights.queries.ts';

export type QueueOptions = { since: Date; until: Date; scorecard?: string; limit: number };

/**
 * The handoffs due a review that this reviewer has not reviewed yet, newest first. The sample is
 * seeded by the organisation, so every reviewer draws the same handoffs: their reviews overlap,
 * which is what calibration needs.
 */
export async function reviewQueue(db: Queryable, orgId: string, reviewerId: string, o: QueueOptions) {
  const rules = await samplingRulesFor(db, orgId);
  const candidates = await queueCandidates(db, orgId, o.since, o.until);
  const done = await reviewedBy(db, orgId, reviewerId, o.scorecard);
  const open: ((typeof candidates)[number] & { quality?: number })[] = candidates.filter(
    (c) => !done.has(c.id),
  );
  if (rules.belowQuality !== undefined) {
    // Quality is computed on read (decision 0003): only when a rule needs it.
    const weightsOf = await qualityWeightsByScenario(db, orgId);
    for (const c of open)
      c.quality = scoreChecks((await getHandoff(db, orgId, c.id)).quality.checks, weightsOf(c.scenario));
  }
  const sampled = sampleForReview(open, rules, orgId);
  const byId = new Map(open.map((c) => [c.id, c]));
  const page = sampled.slice(0, o.limit);
  const counts = await reviewCounts(
    db,
    orgId,
    page.map((s) => s.id),
  );
  return {
    rules,
    total: sampled.length,
    items: page.map((s) => {
      const c = byId.get(s.id)!;
      return {
        handoffId: c.id,
        caseId: c.caseId,
        subject: c.subject,
        scenario: c.scenario,
        state: c.state,
        toTeam: c.toTeam,
        sender: c.sender,
        fromKind: c.fromKind,
        sentAt: c.sentAt,
        bounce: c.bounceReason,
        breached: c.breached,
        reasons: s.reasons,
        reviews: counts.get(c.id) ?? 0,
      };
    }),
  };
}
