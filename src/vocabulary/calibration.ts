// Turning linear decision scores into confidences that mean what they say: softmax over the
// scores divided by a temperature fitted on examples the model did not train on, so that among
// suggestions made with confidence 0.8, about 80% are right.

/** Softmax of `scores / temperature` into `out`, numerically stable. */
export function softmax(
  scores: ArrayLike<number>,
  temperature: number,
  out: Float64Array = new Float64Array(scores.length),
): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < scores.length; k++) if (scores[k] > max) max = scores[k];
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    out[k] = Math.exp((scores[k] - max) / temperature);
    sum += out[k];
  }
  for (let k = 0; k < scores.length; k++) out[k] /= sum;
  return out;
}

/**
 * Mean cross-entropy of the true class's probability against Platt's smoothed target
 * `(n + 1) / (n + 2)` rather than 1: when every held-out example is right, plain likelihood
 * drives the temperature to zero and every confidence to 1, even for the mistakes to come.
 */
export function calibrationLoss(scores: Float64Array[], truth: ArrayLike<number>, temperature: number) {
  const n = scores.length;
  if (n === 0) return 0;
  const target = (n + 1) / (n + 2);
  const p = new Float64Array(scores[0].length);
  let total = 0;
  for (let i = 0; i < n; i++) {
    softmax(scores[i], temperature, p);
    const right = Math.min(Math.max(p[truth[i]], 1e-300), 1 - 1e-16);
    total -= target * Math.log(right) + (1 - target) * Math.log(1 - right);
  }
  return total / n;
}

export const temperatureRange = { min: 0.001, max: 100 };

/**
 * The temperature minimising `calibrationLoss` on held-out scores, by golden-section search on
 * log(T) (the loss is unimodal in T); one parameter cannot overfit even a small slice.
 */
export function fitTemperature(scores: Float64Array[], truth: ArrayLike<number>): number {
  let lo = Math.log(temperatureRange.min);
  let hi = Math.log(temperatureRange.max);
  const ratio = (Math.sqrt(5) - 1) / 2;
  const loss = (logT: number) => calibrationLoss(scores, truth, Math.exp(logT));
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let fa = loss(a);
  let fb = loss(b);
  for (let step = 0; step < 60 && hi - lo > 1e-4; step++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - ratio * (hi - lo);
      fa = loss(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + ratio * (hi - lo);
      fb = loss(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}

export type ScoredGuess = { confidence: number; correct: boolean };

/**
 * Expected calibration error: guesses binned by confidence into `bins` equal-width bins, the
 * gap between each bin's accuracy and mean confidence, weighted by the bin's share of guesses.
 */
export function expectedCalibrationError(guesses: ScoredGuess[], bins = 15): number {
  const count = new Float64Array(bins);
  const right = new Float64Array(bins);
  const confidence = new Float64Array(bins);
  for (const guess of guesses) {
    const bin = Math.min(bins - 1, Math.floor(guess.confidence * bins));
    count[bin]++;
    confidence[bin] += guess.confidence;
    if (guess.correct) right[bin]++;
  }
  let error = 0;
  for (let bin = 0; bin < bins; bin++) {
    if (count[bin] > 0) error += Math.abs(right[bin] - confidence[bin]) / guesses.length;
  }
  return error;
}

/**
 * The lowest confidence threshold at which the guesses kept (confidence >= threshold) are right
 * at least `precision` of the time: 0 when all of them are, 1 when no threshold reaches it. Picks
 * where the tagger abstains from held-out guesses, not from hope.
 */
export function thresholdForPrecision(guesses: ScoredGuess[], precision: number): number {
  const sorted = [...guesses].sort((a, b) => b.confidence - a.confidence);
  let right = 0;
  let best = 1;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i].correct) right++;
    // Only cut between distinct confidences, so every guess at the threshold is really kept.
    const boundary = i + 1 === sorted.length || sorted[i + 1].confidence < sorted[i].confidence;
    if (boundary && right / (i + 1) >= precision) best = i + 1 === sorted.length ? 0 : sorted[i].confidence;
  }
  return best;
}
