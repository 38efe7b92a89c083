// Multinomial logistic regression for the sentiment model, trained by full-batch Adam on the
// weighted cross-entropy with an L2 penalty. Full batch and a fixed number of steps make training
// deterministic: the same labels give the same weights on every machine.
import type { Features } from './sentiment-features.ts';

export interface SoftmaxOptions {
  /** L2 penalty on the weights (not the biases), per example */
  l2: number;
  /** full passes over the data */
  epochs: number;
  learningRate: number;
  /** weight of each class in the loss: none, 1/sqrt(frequency), or 1/frequency (each rescaled to mean 1) */
  classWeight: 'none' | 'sqrt' | 'balanced';
  /** features seen in fewer training messages are dropped (`r:` rule features are always kept) */
  minCount: number;
}

export const SOFTMAX_DEFAULTS: SoftmaxOptions = {
  l2: 0.003,
  epochs: 300,
  learningRate: 0.05,
  classWeight: 'sqrt',
  minCount: 2,
};

/** A trained model: a bias per class and, per feature, one weight per class. */
export interface SoftmaxModel {
  bias: number[];
  weights: Map<string, number[]>;
}

/** Class probabilities of one message under `model`. */
export function softmaxProbabilities(model: SoftmaxModel, features: Features): number[] {
  const logits = [...model.bias];
  for (const [name, value] of features) {
    const w = model.weights.get(name);
    if (!w) continue;
    for (let k = 0; k < logits.length; k++) logits[k] += w[k] * value;
  }
  return normalise(logits);
}

function normalise(logits: number[]): number[] {
  const max = Math.max(...logits);
  const exp = logits.map((z) => Math.exp(z - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

/** Trains on `rows` labelled `0..classes-1`. */
export function trainSoftmax(
  rows: Features[],
  labels: number[],
  classes: number,
  options: SoftmaxOptions = SOFTMAX_DEFAULTS,
): SoftmaxModel {
  if (rows.length === 0 || rows.length !== labels.length)
    throw new Error('trainSoftmax: rows and labels differ');
  const names = vocabulary(rows, options.minCount);
  const index = new Map(names.map((name, i) => [name, i]));
  const sparse = rows.map((row) => {
    const idx: number[] = [];
    const val: number[] = [];
    for (const [name, value] of row) {
      const i = index.get(name);
      if (i !== undefined) {
        idx.push(i);
        val.push(value);
      }
    }
    return { idx, val };
  });
  const weightOf = classWeights(labels, classes, options.classWeight);
  const dim = names.length * classes + classes; // weights, then biases
  const theta = new Float64Array(dim);
  const grad = new Float64Array(dim);
  const m = new Float64Array(dim);
  const v = new Float64Array(dim);
  const biasAt = names.length * classes;
  const logits = new Float64Array(classes);
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
  for (let step = 1; step <= options.epochs; step++) {
    grad.fill(0);
    for (let r = 0; r < sparse.length; r++) {
      const { idx, val } = sparse[r];
      for (let k = 0; k < classes; k++) logits[k] = theta[biasAt + k];
      for (let j = 0; j < idx.length; j++) {
        const base = idx[j] * classes;
        for (let k = 0; k < classes; k++) logits[k] += theta[base + k] * val[j];
      }
      const p = normalise([...logits]);
      const w = weightOf[labels[r]] / sparse.length;
      for (let k = 0; k < classes; k++) {
        const g = w * (p[k] - (labels[r] === k ? 1 : 0));
        grad[biasAt + k] += g;
        for (let j = 0; j < idx.length; j++) grad[idx[j] * classes + k] += g * val[j];
      }
    }
    for (let i = 0; i < biasAt; i++) grad[i] += options.l2 * theta[i];
    const c1 = 1 - beta1 ** step;
    const c2 = 1 - beta2 ** step;
    for (let i = 0; i < dim; i++) {
      m[i] = beta1 * m[i] + (1 - beta1) * grad[i];
      v[i] = beta2 * v[i] + (1 - beta2) * grad[i] * grad[i];
      theta[i] -= (options.learningRate * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + eps);
    }
  }
  const weights = new Map<string, number[]>();
  names.forEach((name, f) => {
    weights.set(name, Array.from(theta.subarray(f * classes, f * classes + classes)));
  });
  return { bias: Array.from(theta.subarray(biasAt)), weights };
}

/** Feature names seen in at least `minCount` rows (rule features always), sorted. */
function vocabulary(rows: Features[], minCount: number): string[] {
  const counts = new Map<string, number>();
  for (const row of rows) for (const name of row.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .filter(([name, n]) => n >= minCount || name.startsWith('r:'))
    .map(([name]) => name)
    .sort();
}

function classWeights(labels: number[], classes: number, kind: SoftmaxOptions['classWeight']): number[] {
  const counts = Array.from({ length: classes }, (_, k) => labels.filter((l) => l === k).length);
  const raw = counts.map((n) =>
    n === 0 || kind === 'none' ? 1 : kind === 'sqrt' ? 1 / Math.sqrt(n) : 1 / n,
  );
  // Rescaled so that the average example weighs 1 and the L2 penalty keeps its meaning.
  const mean = labels.reduce((sum, l) => sum + raw[l], 0) / labels.length;
  return raw.map((w) => w / mean);
}
