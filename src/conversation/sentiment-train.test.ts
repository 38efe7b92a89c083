import { describe, expect, it } from 'vitest';
import type { Features } from './sentiment-features.ts';
import { SOFTMAX_DEFAULTS, softmaxProbabilities, trainSoftmax } from './sentiment-train.ts';

const row = (...names: string[]): Features => new Map(names.map((n) => [n, 1]));
const rows = [
  row('w:awful', 'w:delay'),
  row('w:awful', 'w:refund'),
  row('w:late', 'w:delay'),
  row('w:where', 'w:order'),
  row('w:what', 'w:order'),
  row('w:where', 'w:refund'),
  row('w:thanks', 'w:great'),
  row('w:thanks', 'w:order'),
  row('w:great', 'w:help'),
];
const labels = [0, 0, 0, 1, 1, 1, 2, 2, 2];

describe('trainSoftmax', () => {
  it('learns which words go with which class', () => {
    const model = trainSoftmax(rows, labels, 3, { ...SOFTMAX_DEFAULTS, minCount: 1 });
    const argmax = (p: number[]) => p.indexOf(Math.max(...p));
    expect(argmax(softmaxProbabilities(model, row('w:awful')))).toBe(0);
    expect(argmax(softmaxProbabilities(model, row('w:where', 'w:order')))).toBe(1);
    expect(argmax(softmaxProbabilities(model, row('w:thanks')))).toBe(2);
    const p = softmaxProbabilities(model, row('w:never-seen'));
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('gives the same weights on every run', () => {
    const a = trainSoftmax(rows, labels, 3);
    const b = trainSoftmax(rows, labels, 3);
    expect([...b.weights]).toEqual([...a.weights]);
    expect(b.bias).toEqual(a.bias);
  });

  it('drops features seen fewer than minCount times but keeps rule features', () => {
    const model = trainSoftmax([...rows, row('w:once', 'r:score')], [...labels, 0], 3, {
      ...SOFTMAX_DEFAULTS,
      minCount: 2,
    });
    expect(model.weights.has('w:once')).toBe(false);
    expect(model.weights.has('r:score')).toBe(true);
    expect(model.weights.has('w:awful')).toBe(true);
  });

  it('refuses rows and labels that do not match', () => {
    expect(() => trainSoftmax(rows, [0, 1], 3)).toThrow(/rows and labels differ/);
    expect(() => trainSoftmax([], [], 3)).toThrow(/rows and labels differ/);
  });
});
