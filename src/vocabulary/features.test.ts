import { describe, expect, it } from 'vitest';
import {
  defaultFeatureOptions,
  type FeatureOptions,
  fitVectorizer,
  forEachTerm,
  tokenize,
} from './features.ts';

const terms = (text: string, options: Partial<FeatureOptions> = {}) => {
  const words: string[] = [];
  const chars: string[] = [];
  forEachTerm(
    text,
    { ...defaultFeatureOptions, ...options },
    (t) => words.push(t),
    (t) => chars.push(t),
  );
  return { words, chars };
};

const norm = (values: Float32Array, keep: (i: number) => boolean) =>
  Math.sqrt(values.reduce((sum, v, i) => sum + (keep(i) ? v * v : 0), 0));

describe('tokenize', () => {
  it('lower-cases, keeps apostrophes inside words, and folds digits to 0', () => {
    expect(tokenize('My CARD hasn’t arrived after 12 days!')).toEqual([
      'my',
      'card',
      "hasn't",
      'arrived',
      'after',
      '00',
      'days',
    ]);
    expect(tokenize('  ')).toEqual([]);
    expect(tokenize('Ｃａｒｄ café')).toEqual(['card', 'café']);
  });
});

describe('forEachTerm', () => {
  it('gives word unigrams and bigrams, and character n-grams inside padded words', () => {
    const { words, chars } = terms('top up', { charMinN: 2, charMaxN: 3 });
    expect(words).toEqual(['top', 'top up', 'up']);
    expect(chars).toEqual([' t', 'to', 'op', 'p ', ' to', 'top', 'op ', ' u', 'up', 'p ', ' up', 'up ']);
  });

  it('turns character n-grams off with charMaxN 0 and bigrams off with wordMaxN 1', () => {
    expect(terms('a b c', { charMaxN: 0, wordMaxN: 1 })).toEqual({ words: ['a', 'b', 'c'], chars: [] });
  });
});

describe('Vectorizer', () => {
  const texts = ['card not arrived', 'card arrived late', 'refund please', 'refund not received'];

  it('L2-normalises the word block and the character block separately', () => {
    const vectorizer = fitVectorizer(texts, { ...defaultFeatureOptions, charWeight: 0.5 });
    const { indices, values } = vectorizer.transform('card refund');
    const isWord = (i: number) => indices[i] < vectorizer.wordCount;
    expect(norm(values, isWord)).toBeCloseTo(1, 5);
    expect(norm(values, (i) => !isWord(i))).toBeCloseTo(0.5, 5);
    expect([...indices]).toEqual([...indices].sort((a, b) => a - b));
  });

  it('ignores unseen terms and gives an empty vector for text with none', () => {
    const vectorizer = fitVectorizer(texts, { ...defaultFeatureOptions, charMaxN: 0 });
    expect(vectorizer.transform('zzz qqq').indices).toHaveLength(0);
    expect(vectorizer.transform('').indices).toHaveLength(0);
    expect(vectorizer.transform('card card card').indices).toHaveLength(1);
  });

  it('weighs rare terms above common ones (idf) and repeats sublinearly', () => {
    const vectorizer = fitVectorizer(texts, { ...defaultFeatureOptions, charMaxN: 0 });
    const weight = (text: string, term: string) => {
      const { indices, values } = vectorizer.transform(text);
      return values[[...indices].indexOf(vectorizer.terms.indexOf(term))];
    };
    expect(weight('card late', 'late')).toBeGreaterThan(weight('card late', 'card'));
    expect(weight('card card late', 'card') / weight('card card late', 'late')).toBeLessThan(
      (2 * weight('card late', 'card')) / weight('card late', 'late'),
    );
  });

  it('drops rare terms with minDf and caps the vocabulary by document frequency', () => {
    const some = fitVectorizer(texts, { ...defaultFeatureOptions, charMaxN: 0, minDf: 2 });
    expect(some.terms).toEqual(['arrived', 'card', 'not', 'refund']);
    const capped = fitVectorizer(texts, { ...defaultFeatureOptions, charMaxN: 0, maxFeatures: 4 });
    expect(capped.terms).toEqual(['arrived', 'card', 'not', 'refund']);
    const all = fitVectorizer(texts, { ...defaultFeatureOptions, charMaxN: 0 });
    expect(all.size).toBe(14); // 7 words and 7 bigrams
    expect(fitVectorizer([...texts].reverse(), { ...defaultFeatureOptions, charMaxN: 0 }).terms).toEqual(
      all.terms,
    );
  });
});
