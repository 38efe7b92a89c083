import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { qaCheckWeights } from './qa.table.ts';
import { defaultCheckWeights } from './quality.ts';

/** The weights tuned for a scenario, without the defaults. */
export async function tunedWeightsFor(db: Queryable, orgId: string, scenarioId: string) {
  const [row] = await db
    .select({ weights: qaCheckWeights.weights })
    .from(qaCheckWeights)
    .where(and(eq(qaCheckWeights.orgId, orgId), eq(qaCheckWeights.scenarioId, scenarioId)));
  return (row?.weights ?? {}) as Record<string, number>;
}

/**
 * The check weights a scenario's handoffs are scored with: the defaults, overridden by what a
 * lead tuned (`PUT /api/v1/qa/weights/{scenario}`). Pass the result to `handoffQuality`.
 */
export async function qualityWeightsFor(
  db: Queryable,
  orgId: string,
  scenarioId: string,
): Promise<Record<string, number>> {
  return { ...defaultCheckWeights, ...(await tunedWeightsFor(db, orgId, scenarioId)) };
}

/** Every scenario's effective weights in one query, for reports over many handoffs. */
export async function qualityWeightsByScenario(db: Queryable, orgId: string) {
  const rows = await db.select().from(qaCheckWeights).where(eq(qaCheckWeights.orgId, orgId));
  const tuned = new Map(rows.map((r) => [r.scenarioId, r.weights as Record<string, number>]));
  return (scenarioId: string): Record<string, number> => ({
    ...defaultCheckWeights,
    ...(tuned.get(scenarioId) ?? {}),
  });
}
