import { describe, expect, it } from 'vitest';
import { accuracy, macroF1, stratifiedFolds, stratifiedSplit } from './evaluation.ts';

const items = [
  ...Array.from({ length: 50 }, (_, i) => ({ id: i, label: 'a' })),
  ...Array.from({ length: 10 }, (_, i) => ({ id: 50 + i, label: 'b' })),
  { id: 60, label: 'c' },
];

describe('stratifiedSplit', () => {
  it('keeps each label’s share, never loses an item, and repeats for a seed', () => {
    const { train, test } = stratifiedSplit(items, 0.2, 1);
    expect(test.filter((x) => x.label === 'a')).toHaveLength(10);
    expect(test.filter((x) => x.label === 'b')).toHaveLength(2);
    expect(train.filter((x) => x.label === 'c')).toHaveLength(1); // a single item stays in train
    expect([...train, ...test].map((x) => x.id).sort((p, q) => p - q)).toEqual(items.map((x) => x.id));
    expect(stratifiedSplit(items, 0.2, 1)).toEqual({ train, test });
    expect(stratifiedSplit(items, 0.2, 2).test).not.toEqual(test);
  });
});

describe('stratifiedFolds', () => {
  it('deals every item to exactly one fold of near-equal size', () => {
    const folds = stratifiedFolds(items, 5, 3);
    expect(folds.map((f) => f.length).sort()).toEqual([12, 12, 12, 12, 13]);
    for (const fold of folds) expect(fold.filter((x) => x.label === 'b')).toHaveLength(2);
    expect(new Set(folds.flat().map((x) => x.id)).size).toBe(items.length);
  });
});

describe('scores', () => {
  it('computes accuracy and macro-F1', () => {
    const truth = ['a', 'a', 'b', 'b'];
    const predicted = ['a', 'b', 'b', 'b'];
    expect(accuracy(truth, predicted)).toBe(0.75);
    // F1(a) = 2/(2+0+1) = 2/3, F1(b) = 4/(4+1+0) = 4/5.
    expect(macroF1(truth, predicted)).toBeCloseTo((2 / 3 + 4 / 5) / 2, 12);
    expect(macroF1(['a'], ['c'])).toBe(0);
    expect(accuracy([], [])).toBe(0);
  });
});
