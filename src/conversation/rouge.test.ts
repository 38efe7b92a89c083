import { describe, expect, it } from 'vitest';
import { lcsLength, meanRouge, rouge, rougeBest, rougeN, rougeTokens } from './rouge.ts';

describe('rouge', () => {
  it('tokenises to lower-case words and numbers', () => {
    expect(rougeTokens("The customer's order #42 isn't here!")).toEqual([
      'the',
      'customer',
      's',
      'order',
      '42',
      'isn',
      't',
      'here',
    ]);
  });

  it('scores identical texts 1 and disjoint texts 0', () => {
    expect(rouge('the cat sat', 'the cat sat')).toEqual({ rouge1: 1, rouge2: 1, rougeL: 1 });
    expect(rouge('a b c', 'd e f')).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0 });
    expect(rouge('', 'd e f')).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0 });
  });

  it('matches hand-computed values', () => {
    // candidate: the cat was found under the bed; reference: the cat was under the bed
    const c = rougeTokens('the cat was found under the bed');
    const r = rougeTokens('the cat was under the bed');
    expect(rougeN(c, r, 1)).toBeCloseTo((2 * (6 / 7) * 1) / (6 / 7 + 1));
    expect(rougeN(c, r, 2)).toBeCloseTo((2 * (4 / 6) * (4 / 5)) / (4 / 6 + 4 / 5));
    expect(lcsLength(c, r)).toBe(6);
  });

  it('clips repeated n-grams', () => {
    expect(rougeN(['the', 'the', 'the'], ['the', 'cat'], 1)).toBeCloseTo((2 * (1 / 3) * 0.5) / (1 / 3 + 0.5));
  });

  it('keeps the best reference per measure and averages', () => {
    const best = rougeBest('the cat sat', ['a dog ran', 'the cat sat down']);
    expect(best.rouge1).toBeCloseTo(6 / 7);
    expect(meanRouge([best, { rouge1: 0, rouge2: 0, rougeL: 0 }]).rouge1).toBeCloseTo(3 / 7, 3);
  });
});
