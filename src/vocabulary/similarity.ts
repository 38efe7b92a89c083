// String similarity for matching a team's words to canonical issue types: a canonical form that
// ignores case, accents, spaces and punctuation; Damerau-Levenshtein distance per token; a
// token-set score that tolerates word order, typos and abbreviations; character trigrams.

/** `Double-Charged!` -> `double charged`; `billing/duplicate-charge` -> `billing duplicate charge`. */
export function canonicalTerm(term: string): string {
  return term
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const stopwords = new Set([
  'a',
  'an',
  'and',
  'at',
  'for',
  'from',
  'i',
  'in',
  'is',
  'it',
  'my',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
]);

/** Tokens of the canonical form without filler words (all of them if nothing else is left). */
export function termTokens(term: string): string[] {
  const all = canonicalTerm(term).split(' ').filter(Boolean);
  const kept = all.filter((t) => !stopwords.has(t));
  return kept.length > 0 ? kept : all;
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function damerauLevenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const width = b.length + 1;
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, before[j - 2] + 1);
      }
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}

/** A light English stem: `charged`, `charges`, `charge` -> `charg`; `chasing` -> `chas`. */
export function stem(token: string): string {
  if (token.length <= 4) return token;
  const cut = /(?:ing|ed|es|s|e)$/.exec(token);
  return cut && token.length - cut[0].length >= 3 ? token.slice(0, -cut[0].length) : token;
}

/**
 * How alike two tokens are, in [0, 1]: 1 when equal; 0.9 with the same stem (`chase`, `chasing`);
 * 0.85 when one abbreviates the other (`dup`, `duplicate`); otherwise 1 - distance / longer
 * length, counted only when at most one edit per four letters (short tokens must match exactly,
 * or `bill` would match `boil`).
 */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (stem(a) === stem(b)) return 0.9;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 3 && long.startsWith(short)) return 0.85;
  if (short.length < 4) return 0;
  const distance = damerauLevenshtein(a, b);
  if (distance > Math.floor(long.length / 4)) return 0;
  return 1 - distance / long.length;
}

/**
 * Soft token-set similarity: each token is paired with its most alike token on the other side,
 * and the pairs' similarities are summed both ways over all tokens (a Dice coefficient that
 * tolerates typos). Word order does not matter; an extra or missing word lowers the score.
 */
export function tokenSetSimilarity(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const best = (from: string[], to: string[]) =>
    from.reduce((sum, x) => sum + Math.max(...to.map((y) => tokenSimilarity(x, y))), 0);
  return (best(a, b) + best(b, a)) / (a.length + b.length);
}

function trigrams(text: string): Map<string, number> {
  const padded = `  ${text} `;
  const grams = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const gram = padded.slice(i, i + 3);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient over character trigrams of the canonical forms. */
export function trigramSimilarity(a: string, b: string): number {
  const x = trigrams(canonicalTerm(a));
  const y = trigrams(canonicalTerm(b));
  let shared = 0;
  let total = 0;
  for (const [gram, n] of x) {
    shared += Math.min(n, y.get(gram) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** The fuzzy score used by normalisation: the better of the token-set and trigram similarities. */
export function termSimilarity(a: string, b: string): number {
  return Math.max(tokenSetSimilarity(termTokens(a), termTokens(b)), trigramSimilarity(a, b));
}
