// Text -> sparse TF-IDF vector. Two blocks: word 1..n-grams (what was asked) and character
// n-grams inside word boundaries (robust to typos, inflections and unseen compounds). Each block
// is L2-normalised on its own so the many character n-grams cannot drown out the few words.

export type FeatureOptions = {
  /** Longest word n-gram (1 = unigrams only). */
  wordMaxN: number;
  /** Character n-gram lengths, taken inside each word padded with spaces. 0 turns them off. */
  charMinN: number;
  charMaxN: number;
  /** Terms seen in fewer documents are dropped. */
  minDf: number;
  /** At most this many terms, the most frequent first: bounds memory on a large, noisy history. */
  maxFeatures: number;
  /** Relative weight of the character block against the word block (1 = equal). */
  charWeight: number;
};

export const defaultFeatureOptions: FeatureOptions = {
  wordMaxN: 2,
  charMinN: 2,
  charMaxN: 5,
  // Measured: keeping terms seen once scores 0.2 points higher on Banking77 (5-fold) than
  // dropping them, and `maxFeatures` still bounds the model on large data.
  minDf: 1,
  maxFeatures: 300_000,
  charWeight: 1,
};

export type SparseVector = { indices: Int32Array; values: Float32Array };

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;

/** Lower-cased word tokens; digits become `0` so amounts and order numbers share features. */
export function tokenize(text: string): string[] {
  const normal = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\p{Nd}/gu, '0');
  return normal.match(WORD) ?? [];
}

/** Calls `word(term)` for each word n-gram and `char(term)` for each character n-gram of `text`. */
export function forEachTerm(
  text: string,
  options: FeatureOptions,
  word: (term: string) => void,
  char: (term: string) => void,
): void {
  const tokens = tokenize(text);
  forEachWordGram(tokens, options, word);
  if (options.charMaxN > 0) for (const token of tokens) forEachCharGram(token, options, char);
}

function forEachWordGram(tokens: string[], options: FeatureOptions, word: (term: string) => void): void {
  for (let i = 0; i < tokens.length; i++) {
    let gram = tokens[i];
    word(gram);
    for (let n = 2; n <= options.wordMaxN && i + n <= tokens.length; n++) {
      gram += ` ${tokens[i + n - 1]}`;
      word(gram);
    }
  }
}

function forEachCharGram(token: string, options: FeatureOptions, char: (term: string) => void): void {
  const padded = ` ${token} `;
  const minN = Math.max(1, options.charMinN);
  // Like scikit-learn's `char_wb`: a word shorter than the smallest n still gives one term.
  if (padded.length < minN) char(padded);
  for (let n = minN; n <= options.charMaxN && n <= padded.length; n++) {
    for (let start = 0; start + n <= padded.length; start++) char(padded.slice(start, start + n));
  }
}

// Words recur (Zipf), so each word's character n-gram features are looked up once and remembered:
// prediction then costs one map lookup per word instead of one per n-gram.
const charCacheLimit = 50_000;

/** A fitted vocabulary with inverse document frequencies; `transform` is pure and allocation-light. */
export class Vectorizer {
  private readonly wordIndex = new Map<string, number>();
  private readonly charIndex = new Map<string, number>();
  private readonly charCache = new Map<string, Int32Array>();
  // Scratch space reused by `transform`: a dense counter and the list of features it touched.
  private readonly counts: Float64Array;
  private readonly touched: Int32Array;

  /** `terms[i]` is feature i; the first `wordCount` are word n-grams, the rest character n-grams. */
  constructor(
    readonly options: FeatureOptions,
    readonly terms: string[],
    readonly wordCount: number,
    readonly idf: Float32Array,
  ) {
    for (let i = 0; i < terms.length; i++) (i < wordCount ? this.wordIndex : this.charIndex).set(terms[i], i);
    this.counts = new Float64Array(terms.length);
    this.touched = new Int32Array(terms.length);
  }

  get size(): number {
    return this.terms.length;
  }

  transform(text: string): SparseVector {
    const { counts, touched } = this;
    let n = 0;
    const count = (at: number | undefined) => {
      if (at === undefined) return;
      if (counts[at] === 0) touched[n++] = at;
      counts[at]++;
    };
    const tokens = tokenize(text);
    forEachWordGram(tokens, this.options, (term) => count(this.wordIndex.get(term)));
    if (this.options.charMaxN > 0) {
      for (const token of tokens) for (const at of this.charFeatures(token)) count(at);
    }
    const indices = touched.slice(0, n).sort();
    const values = new Float32Array(n);
    let wordNorm = 0;
    let charNorm = 0;
    for (let i = 0; i < n; i++) {
      const at = indices[i];
      // Sublinear tf: the tenth "card" in a message says less than the first.
      const v = (1 + Math.log(counts[at])) * this.idf[at];
      counts[at] = 0;
      values[i] = v;
      if (at < this.wordCount) wordNorm += v * v;
      else charNorm += v * v;
    }
    const wordScale = wordNorm > 0 ? 1 / Math.sqrt(wordNorm) : 0;
    const charScale = charNorm > 0 ? this.options.charWeight / Math.sqrt(charNorm) : 0;
    for (let i = 0; i < n; i++) values[i] *= indices[i] < this.wordCount ? wordScale : charScale;
    return { indices, values };
  }

  private charFeatures(token: string): Int32Array {
    let features = this.charCache.get(token);
    if (features === undefined) {
      const found: number[] = [];
      forEachCharGram(token, this.options, (term) => {
        const at = this.charIndex.get(term);
        if (at !== undefined) found.push(at);
      });
      features = Int32Array.from(found);
      if (this.charCache.size >= charCacheLimit) this.charCache.clear();
      this.charCache.set(token, features);
    }
    return features;
  }
}

/** Learns the vocabulary and smoothed idf (`ln((1 + n) / (1 + df)) + 1`) from training texts. */
export function fitVectorizer(texts: string[], options: FeatureOptions = defaultFeatureOptions): Vectorizer {
  const wordDf = new Map<string, number>();
  const charDf = new Map<string, number>();
  for (const text of texts) {
    const seenWords = new Set<string>();
    const seenChars = new Set<string>();
    forEachTerm(
      text,
      options,
      (term) => seenWords.add(term),
      (term) => seenChars.add(term),
    );
    for (const term of seenWords) wordDf.set(term, (wordDf.get(term) ?? 0) + 1);
    for (const term of seenChars) charDf.set(term, (charDf.get(term) ?? 0) + 1);
  }
  // Past the cap, raise the document-frequency floor until the vocabulary fits: rare terms go first.
  let minDf = options.minDf;
  const dfs = [...wordDf.values(), ...charDf.values()].filter((df) => df >= minDf);
  if (dfs.length > options.maxFeatures) {
    dfs.sort((a, b) => b - a);
    minDf = dfs[options.maxFeatures] + 1;
  }
  const byText = ([a]: [string, number], [b]: [string, number]) => (a < b ? -1 : a > b ? 1 : 0);
  const keep = (df: Map<string, number>) => [...df].filter(([, count]) => count >= minDf).sort(byText);
  const words = keep(wordDf);
  const chars = keep(charDf);
  const all = [...words, ...chars];
  const n = texts.length;
  const idf = Float32Array.from(all, ([, df]) => Math.log((1 + n) / (1 + df)) + 1);
  return new Vectorizer(
    options,
    all.map(([term]) => term),
    words.length,
    idf,
  );
}
