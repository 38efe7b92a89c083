import type { Criterion, Scorecard } from './qa.types.ts';

export type ScoreInput = { criterion: string; value: number | boolean; comment?: string };

/** One problem with a review, naming the criterion (null when it concerns the review as a whole). */
export type ReviewIssue = { criterion: string | null; field: string; message: string };

export type ScoredItem = {
  criterion: string;
  value: number | boolean;
  /** The value on 0..1: (value - min) / (max - min), or 1 / 0 for pass / fail. */
  normalized: number;
  weight: number;
  comment?: string;
};

export type ReviewScore = {
  /** 0-100 with one decimal: the weighted mean of the normalized values; 0 on a critical fail. */
  total: number;
  criticalFail: string[];
  items: ScoredItem[];
};

/** Whether a criterion is scored on handoffs of this scenario (conditional criteria). */
export const appliesTo = (c: Criterion, scenario: string) =>
  !c.onlyForScenarios || c.onlyForScenarios.includes(scenario);

function normalize(c: Criterion, value: number | boolean): number | string {
  if (c.scale === 'pass_fail') {
    if (typeof value !== 'boolean') return `${c.id} is pass/fail: send true (pass) or false (fail)`;
    return value ? 1 : 0;
  }
  const { min, max } = c.scale;
  if (typeof value !== 'number' || !Number.isInteger(value))
    return `${c.id} takes a whole number from ${min} to ${max}`;
  if (value < min || value > max) return `${c.id}: ${value} is outside the scale ${min} to ${max}`;
  return (value - min) / (max - min);
}

/**
 * Scores one review of a handoff of `scenario` against a scorecard: every applicable criterion
 * must be scored once, within its scale; nothing else may be. Either the score, or every issue.
 */
export function scoreReview(
  card: Scorecard,
  scenario: string,
  scores: readonly ScoreInput[],
): { ok: true; score: ReviewScore } | { ok: false; issues: ReviewIssue[] } {
  const issues: ReviewIssue[] = [];
  const byId = new Map(card.criteria.map((c) => [c.id, c]));
  const items: ScoredItem[] = [];
  const seen = new Set<string>();
  scores.forEach((s, i) => {
    const field = `scores.${i}`;
    const c = byId.get(s.criterion);
    if (!c) {
      issues.push({
        criterion: s.criterion,
        field: `${field}.criterion`,
        message: `unknown criterion ${s.criterion}`,
      });
      return;
    }
    if (seen.has(c.id)) {
      issues.push({ criterion: c.id, field: `${field}.criterion`, message: `${c.id} is scored twice` });
      return;
    }
    seen.add(c.id);
    if (!appliesTo(c, scenario)) {
      issues.push({
        criterion: c.id,
        field: `${field}.criterion`,
        message: `${c.id} applies only to ${c.onlyForScenarios!.join(', ')}, not ${scenario}`,
      });
      return;
    }
    const normalized = normalize(c, s.value);
    if (typeof normalized === 'string') {
      issues.push({ criterion: c.id, field: `${field}.value`, message: normalized });
      return;
    }
    const item: ScoredItem = { criterion: c.id, value: s.value, normalized, weight: c.weight };
    if (s.comment) item.comment = s.comment;
    items.push(item);
  });
  const applicable = card.criteria.filter((c) => appliesTo(c, scenario));
  if (applicable.length === 0)
    issues.push({ criterion: null, field: 'scorecardId', message: `no criterion applies to ${scenario}` });
  for (const c of applicable)
    if (!seen.has(c.id))
      issues.push({ criterion: c.id, field: 'scores', message: `${c.id} (${c.label}) is not scored` });
  if (issues.length) return { ok: false, issues };
  const criticalFail = items
    .filter((it) => byId.get(it.criterion)!.critical && it.normalized === 0)
    .map((it) => it.criterion);
  const weight = items.reduce((s, it) => s + it.weight, 0);
  const raw = items.reduce((s, it) => s + it.weight * it.normalized, 0) / weight;
  const total = criticalFail.length ? 0 : Math.round(raw * 1000) / 10;
  return { ok: true, score: { total, criticalFail, items } };
}
