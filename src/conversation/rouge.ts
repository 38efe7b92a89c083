/** ROUGE scores (F1) of a candidate summary against references. */
export interface Rouge {
  rouge1: number;
  rouge2: number;
  rougeL: number;
}

/** Lower-cased alphanumeric tokens, as ROUGE counts them. */
export function rougeTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function ngrams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function f1(overlap: number, candidate: number, reference: number): number {
  if (overlap === 0 || candidate === 0 || reference === 0) return 0;
  const precision = overlap / candidate;
  const recall = overlap / reference;
  return (2 * precision * recall) / (precision + recall);
}

/** ROUGE-N F1 of two token lists (clipped n-gram counts). */
export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): number {
  const c = ngrams(candidate, n);
  const r = ngrams(reference, n);
  let overlap = 0;
  for (const [gram, count] of c) overlap += Math.min(count, r.get(gram) ?? 0);
  return f1(overlap, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

/** Length of the longest common subsequence. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let previous = new Array<number>(b.length + 1).fill(0);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/** ROUGE-L F1 (longest common subsequence) of two token lists. */
export function rougeL(candidate: readonly string[], reference: readonly string[]): number {
  return f1(lcsLength(candidate, reference), candidate.length, reference.length);
}

/** ROUGE-1/2/L F1 of `candidate` against one reference. */
export function rouge(candidate: string, reference: string): Rouge {
  const c = rougeTokens(candidate);
  const r = rougeTokens(reference);
  return { rouge1: rougeN(c, r, 1), rouge2: rougeN(c, r, 2), rougeL: rougeL(c, r) };
}

/** ROUGE against several references, keeping the best reference for each measure. */
export function rougeBest(candidate: string, references: readonly string[]): Rouge {
  const best: Rouge = { rouge1: 0, rouge2: 0, rougeL: 0 };
  for (const reference of references) {
    const score = rouge(candidate, reference);
    best.rouge1 = Math.max(best.rouge1, score.rouge1);
    best.rouge2 = Math.max(best.rouge2, score.rouge2);
    best.rougeL = Math.max(best.rougeL, score.rougeL);
  }
  return best;
}

/** The mean of several ROUGE scores. */
export function meanRouge(scores: readonly Rouge[]): Rouge {
  const n = Math.max(1, scores.length);
  const sum = (key: keyof Rouge) => Number((scores.reduce((a, s) => a + s[key], 0) / n).toFixed(4));
  return { rouge1: sum('rouge1'), rouge2: sum('rouge2'), rougeL: sum('rougeL') };
}
