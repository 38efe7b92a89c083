import { describe, expect, it } from 'vitest';
import type { SparseVector } from './features.ts';
import { decisionScores, dequantizeWeights, quantizeWeights, trainLinear } from './linear-model.ts';
import { seededRandom } from './random.ts';

/** Three classes in 6 dimensions: class k lights up features 2k and 2k+1, plus noise on the rest. */
function blobs(count: number, seed: number) {
  const random = seededRandom(seed);
  const rows: SparseVector[] = [];
  const labels: number[] = [];
  for (let i = 0; i < count; i++) {
    const k = i % 3;
    const values = Float32Array.from({ length: 6 }, (_, f) => (f >> 1 === k ? 1 : 0) + random() * 0.6);
    rows.push({ indices: Int32Array.from({ length: 6 }, (_, f) => f), values });
    labels.push(k);
  }
  return { rows, labels };
}

const argmax = (s: Float64Array) => s.indexOf(Math.max(...s));

describe('trainLinear', () => {
  it('separates separable classes and generalises to fresh samples', () => {
    const train = blobs(90, 1);
    const model = trainLinear(train.rows, train.labels, 3, 6);
    const test = blobs(60, 2);
    const right = test.rows.filter((row, i) => argmax(decisionScores(model, row)) === test.labels[i]).length;
    expect(right).toBe(60);
  });

  it('is deterministic for a seed', () => {
    const { rows, labels } = blobs(30, 4);
    const a = trainLinear(rows, labels, 3, 6);
    const b = trainLinear(rows, labels, 3, 6);
    expect(a.weights).toEqual(b.weights);
    expect(a.bias).toEqual(b.bias);
  });

  it('handles a class with no examples by scoring it low', () => {
    const { rows, labels } = blobs(30, 5);
    const model = trainLinear(rows, labels, 4, 6);
    for (const row of rows) expect(argmax(decisionScores(model, row))).not.toBe(3);
  });
});

describe('quantizeWeights', () => {
  it('keeps each weight within half a step of its row scale', () => {
    const { rows, labels } = blobs(30, 6);
    const model = trainLinear(rows, labels, 3, 6);
    const quantized = quantizeWeights(model);
    const back = dequantizeWeights(3, model.bias, quantized);
    model.weights.forEach((w, i) => {
      expect(Math.abs(back.weights[i] - w)).toBeLessThanOrEqual(
        quantized.scales[Math.floor(i / 3)] / 2 + 1e-7,
      );
    });
    // Quantising what was already quantised changes nothing: saved models reload exactly.
    const again = dequantizeWeights(3, model.bias, quantizeWeights(back));
    expect(again.weights).toEqual(back.weights);
  });
});
