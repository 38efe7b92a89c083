// Turning the tagger's prediction into a suggestion against today's taxonomy: labels of merged
// types count for the type they were merged into, retired ones drop out, each carries the scenario
// it routes to, and a suggestion too unsure to show is withheld. Pure.
import type { TaggerReport, TagPrediction } from './tagger.types.ts';
import { resolveType, scenarioOf, type Taxonomy } from './taxonomy.ts';

export type SuggestedType = { type: string; name: string; confidence: number; scenario: string | null };

export type Suggestion = {
  /** The best type, or null when the tagger abstains (a person chooses from `top`). */
  suggestion: SuggestedType | null;
  top: SuggestedType[];
  abstained: boolean;
  /** Confidence below which the tagger abstains. */
  threshold: number;
};

/**
 * The calibrated threshold aims at 95% precision on held-out examples. A fresh taxonomy's few
 * examples cannot show that (it comes out at 1: always abstain), so it is capped: a type the
 * tagger gives at least this share of its belief is still suggested.
 */
export const maxAbstainThreshold = 0.5;

export function abstainThreshold(report: Pick<TaggerReport, 'abstainBelow'>): number {
  return Math.min(report.abstainBelow, maxAbstainThreshold);
}

export function suggestionFrom(
  taxonomy: Taxonomy,
  prediction: TagPrediction,
  threshold: number,
  topK = 3,
): Suggestion {
  const merged = new Map<string, number>();
  for (const { label, confidence } of prediction.top) {
    const type = resolveType(taxonomy, label);
    if (type) merged.set(type.path, (merged.get(type.path) ?? 0) + confidence);
  }
  const top = [...merged]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, topK)
    .map(([type, confidence]) => ({
      type,
      name: taxonomy.types.get(type)!.spec.name,
      confidence: Math.min(1, confidence),
      scenario: scenarioOf(taxonomy, type),
    }));
  const best = top[0];
  const abstained = !best || best.confidence < threshold;
  return { suggestion: abstained ? null : best, top, abstained, threshold };
}
