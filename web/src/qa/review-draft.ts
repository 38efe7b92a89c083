import type { Criterion, ReviewInput, Scorecard } from './qa.api.ts';

/** What the reviewer has chosen so far: a value per criterion id, and optional notes. */
export type ReviewDraft = {
  values: Record<string, number | boolean | undefined>;
  notes: Record<string, string>;
  comment: string;
};

export const emptyDraft = (): ReviewDraft => ({ values: {}, notes: {}, comment: '' });

/** Conditional criteria: scored only on handoffs of their scenarios (the server's rule, mirrored). */
export const appliesTo = (c: Criterion, scenario: string) =>
  !c.onlyForScenarios || c.onlyForScenarios.includes(scenario);

/** The scale's points, lowest first; pass/fail is [false, true]. */
export function scalePoints(c: Criterion): (number | boolean)[] {
  if (c.scale === 'pass_fail') return [true, false];
  const out: number[] = [];
  for (let v = c.scale.min; v <= c.scale.max; v++) out.push(v);
  return out;
}

const normalized = (c: Criterion, v: number | boolean) =>
  c.scale === 'pass_fail' ? (v ? 1 : 0) : ((v as number) - c.scale.min) / (c.scale.max - c.scale.min);

/**
 * The total the server will compute, shown while scoring: the weighted mean of the chosen values on
 * 0..1, times 100 (one decimal), or 0 once a critical criterion fails. Null until every applicable
 * criterion is scored.
 */
export function previewTotal(card: Scorecard, scenario: string, d: ReviewDraft) {
  const applicable = card.criteria.filter((c) => appliesTo(c, scenario));
  const missing = applicable.filter((c) => d.values[c.id] === undefined).map((c) => c.id);
  const criticalFail = applicable.filter((c) => c.critical && d.values[c.id] === false).map((c) => c.id);
  if (missing.length > 0) return { total: null, missing, criticalFail };
  if (criticalFail.length > 0) return { total: 0, missing, criticalFail };
  let sum = 0;
  let weights = 0;
  for (const c of applicable) {
    sum += c.weight * normalized(c, d.values[c.id]!);
    weights += c.weight;
  }
  return { total: weights ? Math.round((sum / weights) * 1000) / 10 : 0, missing, criticalFail };
}

/** The body of `POST /qa/reviews` from the draft: applicable criteria only, blank notes left out. */
export function reviewBody(
  card: Scorecard & { id: string },
  handoffId: string,
  scenario: string,
  d: ReviewDraft,
): ReviewInput {
  const scores = card.criteria
    .filter((c) => appliesTo(c, scenario) && d.values[c.id] !== undefined)
    .map((c) => {
      const note = d.notes[c.id]?.trim();
      return note
        ? { criterion: c.id, value: d.values[c.id]!, comment: note }
        : { criterion: c.id, value: d.values[c.id]! };
    });
  const comment = d.comment.trim();
  return { handoffId, scorecardId: card.id, scores, ...(comment ? { comment } : {}) };
}
