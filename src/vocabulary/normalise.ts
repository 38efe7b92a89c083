// A team's free-text tag or term -> one canonical issue type, and the path taken to get there:
// an exact alias first (case, spacing and punctuation ignored), then a fuzzy match, then the
// tagger on the text. Pure: the tagger comes in as a function.

import { canonicalTerm, termSimilarity } from './similarity.ts';
import { parentOf, resolveType, type Taxonomy, type TypeLabel, typeLabel } from './taxonomy.ts';

export type NormaliseVia = 'alias' | 'fuzzy' | 'model' | 'none';

export type Candidate = { type: string; score: number; via: Exclude<NormaliseVia, 'none'>; matched?: string };

export type Normalised = {
  term: string;
  type: string | null;
  via: NormaliseVia;
  score: number;
  /** The best few types considered, best first (the chosen one included). */
  candidates: Candidate[];
  /** The alias, name or path that matched. */
  matched?: string;
  /** Set when the term named a merged type: the type it named. */
  redirectedFrom?: string;
  /** Why nothing was chosen: `ambiguous` (the term is two types' alias), `retired`, `no_match`. */
  reason?: 'ambiguous' | 'retired' | 'no_match' | 'abstained';
};

/** The tagger as normalisation sees it: the top labels with confidences, and whether it abstains. */
export type Predict = (text: string) => { top: { label: string; confidence: number }[]; abstained: boolean };

export type NormaliseOptions = {
  team?: string;
  /** The conversation, for the model step; the term itself when left out. */
  text?: string;
  predict?: Predict;
  /** Fuzzy matches scoring below this are only candidates. */
  fuzzyThreshold?: number;
};

export const defaultFuzzyThreshold = 0.8;

type Entry = { key: string; spelling: string; type: string; from: string; own: boolean; global: boolean };

const entryCache = new WeakMap<Taxonomy, Map<string, Entry[]>>();

/** Every word that names a type: path, key, name, each team's aliases; merged types point onward. */
function entries(taxonomy: Taxonomy, team?: string): Entry[] {
  let byTeam = entryCache.get(taxonomy);
  if (!byTeam) {
    byTeam = new Map();
    entryCache.set(taxonomy, byTeam);
  }
  const hit = byTeam.get(team ?? '');
  if (hit) return hit;
  const built = buildEntries(taxonomy, team);
  byTeam.set(team ?? '', built);
  return built;
}

function buildEntries(taxonomy: Taxonomy, team?: string): Entry[] {
  const out: Entry[] = [];
  for (const type of taxonomy.types.values()) {
    if (type.status === 'retired') continue;
    const target = resolveType(taxonomy, type.path);
    if (!target) continue;
    const add = (spelling: string, global: boolean, own: boolean) => {
      const key = canonicalTerm(spelling);
      if (key) out.push({ key, spelling, type: target.path, from: type.path, own, global });
    };
    add(type.path, true, false);
    if (type.parent) add(type.path.slice(type.parent.length + 1), true, false);
    add(type.spec.name, true, false);
    for (const [owner, words] of Object.entries(type.spec.aliases)) {
      for (const word of words) add(word, false, owner === team);
    }
  }
  return out;
}

function retiredMatch(taxonomy: Taxonomy, key: string): string | undefined {
  for (const type of taxonomy.types.values()) {
    if (type.status !== 'retired') continue;
    const words = [type.path, type.spec.name, ...Object.values(type.spec.aliases).flat()];
    if (words.some((w) => canonicalTerm(w) === key)) return type.path;
  }
  return undefined;
}

/** The exact step: the team's own alias wins, then a name or path, then another team's alias. */
function exact(list: Entry[], key: string): { chosen?: Entry; tied: Entry[] } {
  const hits = list.filter((e) => e.key === key);
  for (const tier of [(e: Entry) => e.own, (e: Entry) => e.global, () => true]) {
    const found = hits.filter(tier);
    const types = new Set(found.map((e) => e.type));
    if (types.size === 1) return { chosen: found[0], tied: [] };
    if (types.size > 1) return { tied: found };
  }
  return { tied: [] };
}

function fuzzy(list: Entry[], term: string): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const entry of list) {
    // The team's own words get a hair more weight, so they win a tie.
    const score = Math.min(1, termSimilarity(term, entry.spelling) + (entry.own ? 0.01 : 0));
    const seen = best.get(entry.type);
    if (!seen || seen.score < score)
      best.set(entry.type, { type: entry.type, score, via: 'fuzzy', matched: entry.spelling });
  }
  return [...best.values()]
    .filter((c) => c.score >= 0.5)
    .sort(byScore)
    .slice(0, 3);
}

const byScore = (a: Candidate, b: Candidate) => b.score - a.score || a.type.localeCompare(b.type);

/** The model step: the tagger's labels mapped through merges, retired ones dropped. */
function modelCandidates(taxonomy: Taxonomy, predict: Predict, text: string, only?: Set<string>) {
  const { top, abstained } = predict(text);
  const merged = new Map<string, number>();
  for (const { label, confidence } of top) {
    const type = resolveType(taxonomy, label)?.path;
    if (!type || (only && !only.has(type) && !only.has(parentOf(type) ?? ''))) continue;
    merged.set(type, (merged.get(type) ?? 0) + confidence);
  }
  const candidates = [...merged]
    .map(([type, score]): Candidate => ({ type, score, via: 'model' }))
    .sort(byScore);
  return { candidates, abstained };
}

export function normaliseTerm(taxonomy: Taxonomy, term: string, options: NormaliseOptions = {}): Normalised {
  const key = canonicalTerm(term);
  const list = entries(taxonomy, options.team);
  const { chosen, tied } = exact(list, key);
  if (chosen) {
    const result: Normalised = {
      term,
      type: chosen.type,
      via: 'alias',
      score: 1,
      candidates: [{ type: chosen.type, score: 1, via: 'alias', matched: chosen.spelling }],
      matched: chosen.spelling,
    };
    return chosen.from !== chosen.type ? { ...result, redirectedFrom: chosen.from } : result;
  }
  const text = options.text ?? term;
  if (tied.length > 0) {
    // One word, two types (two teams' aliases): let the conversation decide, if a model can read it.
    const types = new Set(tied.map((e) => e.type));
    const aliasCandidates = [...types].sort().map((type): Candidate => ({ type, score: 1, via: 'alias' }));
    if (options.predict) {
      const model = modelCandidates(taxonomy, options.predict, text, types);
      const best = model.candidates[0];
      if (best && !model.abstained)
        return { term, type: best.type, via: 'model', score: best.score, candidates: model.candidates };
    }
    return { term, type: null, via: 'none', score: 0, candidates: aliasCandidates, reason: 'ambiguous' };
  }
  const threshold = options.fuzzyThreshold ?? defaultFuzzyThreshold;
  const near = fuzzy(list, term);
  const top = near[0];
  if (top && top.score >= threshold && (near[1]?.score ?? 0) < top.score) {
    return { term, type: top.type, via: 'fuzzy', score: top.score, candidates: near, matched: top.matched };
  }
  let candidates = near;
  let reason: Normalised['reason'] = retiredMatch(taxonomy, key) ? 'retired' : 'no_match';
  if (options.predict) {
    const model = modelCandidates(taxonomy, options.predict, text);
    const best = model.candidates[0];
    if (best && !model.abstained)
      return { term, type: best.type, via: 'model', score: best.score, candidates: model.candidates };
    candidates = [...near, ...model.candidates.filter((c) => !near.some((n) => n.type === c.type))].slice(
      0,
      3,
    );
    if (reason === 'no_match' && model.abstained) reason = 'abstained';
  }
  return { term, type: null, via: 'none', score: top?.score ?? 0, candidates, reason };
}

/** Alias and fuzzy steps only: how stored tags (case issue types) are read without a model. */
export function normaliseTag(taxonomy: Taxonomy, term: string, team?: string): string | null {
  return normaliseTerm(taxonomy, term, { team }).type;
}

/**
 * How a stored tag reads today. A canonical path reads as itself, or "A (merged into B)", or
 * "A (retired)"; a team's free text is read through aliases and fuzzy matching.
 */
export function readTag(taxonomy: Taxonomy, tag: string, team?: string): TypeLabel {
  if (taxonomy.types.has(tag)) return typeLabel(taxonomy, tag);
  const type = normaliseTag(taxonomy, tag, team);
  if (!type) return { term: tag, type: null, status: 'unknown', label: tag, name: null };
  const name = taxonomy.types.get(type)?.spec.name ?? null;
  return { term: tag, type, status: 'active', label: `${tag} (${type})`, name };
}
