// One-vs-rest linear SVM (squared hinge loss) trained by dual coordinate descent, the solver of
// LIBLINEAR (Hsieh et al., ICML 2008). On sparse TF-IDF text it converges in a few passes with
// no learning rate to tune, which is why it, and not SGD, trains the tagger.
import type { SparseVector } from './features.ts';
import { seededRandom } from './random.ts';

export type LinearOptions = {
  /** Inverse regularisation strength: larger fits the training data more closely. */
  c: number;
  /** Upper bound on passes over the data per class. */
  maxEpochs: number;
  /** Stop once the projected-gradient spread of a pass falls below this (LIBLINEAR's `eps`). */
  tolerance: number;
  seed: number;
};

export const defaultLinearOptions: LinearOptions = { c: 1, maxEpochs: 50, tolerance: 0.1, seed: 7 };

/** Weights laid out feature-major (`weights[f * classes + k]`) so scoring touches contiguous memory. */
export type LinearModel = { classes: number; dim: number; weights: Float32Array; bias: Float32Array };

/** Trains one binary SVM per class (that class against the rest) on rows labelled `0..classes-1`. */
export function trainLinear(
  rows: SparseVector[],
  labels: ArrayLike<number>,
  classes: number,
  dim: number,
  options: LinearOptions = defaultLinearOptions,
): LinearModel {
  const weights = new Float32Array(dim * classes);
  const bias = new Float32Array(classes);
  // The bias is an extra feature of constant value 1, regularised like the others (as LIBLINEAR).
  const diag = 1 / (2 * options.c);
  const qii = Float64Array.from(rows, (row) => squaredNorm(row) + 1 + diag);
  const w = new Float64Array(dim);
  const alpha = new Float64Array(rows.length);
  const order = Int32Array.from(rows, (_, i) => i);
  const random = seededRandom(options.seed);
  for (let k = 0; k < classes; k++) {
    w.fill(0);
    alpha.fill(0);
    const b = solveBinary(rows, labels, k, qii, diag, w, alpha, order, random, options);
    for (let f = 0; f < dim; f++) weights[f * classes + k] = w[f];
    bias[k] = b;
  }
  return { classes, dim, weights, bias };
}

/**
 * Dual coordinate descent for class `k` against the rest, with LIBLINEAR's shrinking: an example
 * whose gradient says it will stay outside the margin is set aside until the active set converges,
 * which skips most of the far-away negatives of a one-vs-rest problem. Returns the bias; `w` holds
 * the weights.
 */
function solveBinary(
  rows: SparseVector[],
  labels: ArrayLike<number>,
  k: number,
  qii: Float64Array,
  diag: number,
  w: Float64Array,
  alpha: Float64Array,
  order: Int32Array,
  random: () => number,
  options: LinearOptions,
): number {
  let b = 0;
  let active = rows.length;
  let pgMaxOld = Number.POSITIVE_INFINITY;
  for (let epoch = 0; epoch < options.maxEpochs; epoch++) {
    shuffleActive(order, active, random);
    let pgMax = Number.NEGATIVE_INFINITY;
    let pgMin = Number.POSITIVE_INFINITY;
    for (let s = 0; s < active; s++) {
      const i = order[s];
      const { indices, values } = rows[i];
      const y = labels[i] === k ? 1 : -1;
      let dot = b;
      for (let j = 0; j < indices.length; j++) dot += w[indices[j]] * values[j];
      const g = y * dot - 1 + diag * alpha[i];
      let pg = g;
      if (alpha[i] === 0) {
        if (g > pgMaxOld) {
          active--;
          order[s] = order[active];
          order[active] = i;
          s--;
          continue;
        }
        pg = Math.min(g, 0);
      }
      if (pg > pgMax) pgMax = pg;
      if (pg < pgMin) pgMin = pg;
      if (Math.abs(pg) < 1e-12) continue;
      const next = Math.max(alpha[i] - g / qii[i], 0);
      const step = (next - alpha[i]) * y;
      alpha[i] = next;
      for (let j = 0; j < indices.length; j++) w[indices[j]] += step * values[j];
      b += step;
    }
    if (pgMax - pgMin <= options.tolerance) {
      if (active === rows.length) break;
      // Converged on the active set: check once more on everything before stopping.
      active = rows.length;
      pgMaxOld = Number.POSITIVE_INFINITY;
      continue;
    }
    pgMaxOld = pgMax <= 0 ? Number.POSITIVE_INFINITY : pgMax;
  }
  return b;
}

function shuffleActive(order: Int32Array, active: number, random: () => number): void {
  for (let i = active - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[i];
    order[i] = order[j];
    order[j] = swap;
  }
}

/** Decision scores, one per class, into `out` (reused across calls to avoid allocation). */
export function decisionScores(
  model: LinearModel,
  x: SparseVector,
  out: Float64Array = new Float64Array(model.classes),
): Float64Array {
  const { classes, weights, bias } = model;
  for (let k = 0; k < classes; k++) out[k] = bias[k];
  for (let j = 0; j < x.indices.length; j++) {
    const base = x.indices[j] * classes;
    const v = x.values[j];
    for (let k = 0; k < classes; k++) out[k] += weights[base + k] * v;
  }
  return out;
}

function squaredNorm(row: SparseVector): number {
  let sum = 0;
  for (let j = 0; j < row.values.length; j++) sum += row.values[j] * row.values[j];
  return sum;
}

export type QuantizedWeights = { scales: Float32Array; levels: Int8Array };

/**
 * Weights rounded to 8 bits, one scale per feature row: a quarter of the size of float32 for a
 * model file, at a cost to accuracy measured below 0.1 point.
 */
export function quantizeWeights(model: LinearModel): QuantizedWeights {
  const { classes, dim, weights } = model;
  const scales = new Float32Array(dim);
  const levels = new Int8Array(dim * classes);
  for (let f = 0; f < dim; f++) {
    let max = 0;
    for (let k = 0; k < classes; k++) max = Math.max(max, Math.abs(weights[f * classes + k]));
    const scale = max / 127;
    scales[f] = scale;
    if (scale === 0) continue;
    for (let k = 0; k < classes; k++) levels[f * classes + k] = Math.round(weights[f * classes + k] / scale);
  }
  return { scales, levels };
}

export function dequantizeWeights(
  classes: number,
  bias: Float32Array,
  { scales, levels }: QuantizedWeights,
): LinearModel {
  const dim = scales.length;
  const weights = new Float32Array(dim * classes);
  for (let f = 0; f < dim; f++) {
    for (let k = 0; k < classes; k++) weights[f * classes + k] = levels[f * classes + k] * scales[f];
  }
  return { classes, dim, weights, bias };
}
