import { describe, expect, it } from 'vitest';
import {
  canonicalTerm,
  damerauLevenshtein,
  termSimilarity,
  tokenSetSimilarity,
  trigramSimilarity,
} from './similarity.ts';

describe('canonicalTerm', () => {
  it('ignores case, accents, spacing and punctuation', () => {
    expect(canonicalTerm('  Double-Charged!! ')).toBe('double charged');
    expect(canonicalTerm('billing/duplicate-charge')).toBe('billing duplicate charge');
    expect(canonicalTerm('Réembolso  caducado')).toBe('reembolso caducado');
    expect(canonicalTerm("can't log in")).toBe('cant log in');
  });
});

describe('damerauLevenshtein', () => {
  it('counts an adjacent swap as one edit', () => {
    expect(damerauLevenshtein('charge', 'chagre')).toBe(1);
    expect(damerauLevenshtein('duplicate', 'duplicat')).toBe(1);
    expect(damerauLevenshtein('kitten', 'sitting')).toBe(3);
    expect(damerauLevenshtein('', 'abc')).toBe(3);
  });
});

describe('fuzzy similarity', () => {
  it('tolerates typos, word order and abbreviations', () => {
    expect(termSimilarity('duplicat charge', 'duplicate charge')).toBeGreaterThan(0.9);
    expect(termSimilarity('charge duplicate', 'duplicate charge')).toBe(1);
    expect(termSimilarity('dup charge', 'duplicate charge')).toBeGreaterThan(0.9);
    expect(termSimilarity('double-charged', 'double charge')).toBeGreaterThan(0.9);
  });

  it('keeps different words apart', () => {
    expect(termSimilarity('bill', 'boil')).toBeLessThan(0.5);
    expect(termSimilarity('refund delayed', 'boiler breakdown')).toBeLessThan(0.3);
    expect(tokenSetSimilarity(['leak'], ['leak', 'kitchen', 'sink'])).toBeCloseTo(0.5);
    expect(trigramSimilarity('abc', 'xyz')).toBe(0);
  });
});
