import type { CaseFact } from './facts.ts';
import { type Rate, rate } from './stats.ts';

/** One spelling for comparing terms: lowercase, separators as one dash, a plural `s` folded. */
export function normaliseTerm(term: string): string {
  const t = term
    .trim()
    .toLowerCase()
    .replace(/[\s_\-/]+/g, '-');
  return t.length > 4 && t.endsWith('s') && !t.endsWith('ss') ? t.slice(0, -1) : t;
}

/**
 * How well the week's cases speak the one vocabulary: the share without an issue type, the terms in
 * use, terms no scenario knows (`known`: the issue types of scenario triggers and the vocabulary's
 * words for types it routes to a scenario), and spellings of one
 * term (`Billing`, `billing `, `billings`).
 */
export function vocabularyHealth(
  cases: readonly CaseFact[],
  previousWeek: readonly CaseFact[],
  known: readonly string[],
) {
  const untagged = (list: readonly CaseFact[]): Rate =>
    rate(list.filter((c) => !c.issueType?.trim()).length, list.length);
  const counts = new Map<string, number>();
  for (const c of cases) if (c.issueType?.trim()) counts.set(c.issueType, (counts.get(c.issueType) ?? 0) + 1);
  const terms = [...counts]
    .map(([term, n]) => ({ term, cases: n }))
    .sort((a, b) => b.cases - a.cases || a.term.localeCompare(b.term));
  const knownSet = new Set(known.map(normaliseTerm));
  const spellings = new Map<string, string[]>();
  for (const { term } of terms) {
    const key = normaliseTerm(term);
    spellings.set(key, [...(spellings.get(key) ?? []), term]);
  }
  return {
    untagged: untagged(cases),
    previousWeekUntagged: untagged(previousWeek),
    terms,
    knownTerms: knownSet.size,
    unknownTerms: knownSet.size === 0 ? [] : terms.filter((t) => !knownSet.has(normaliseTerm(t.term))),
    variants: [...spellings.values()].filter((v) => v.length > 1).map((v) => v.sort()),
  };
}
