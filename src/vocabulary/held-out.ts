// Scores from models that did not see the examples they score: the only honest ground for
// fitting the confidence temperature, choosing the abstain threshold, and reporting accuracy.
import {
  expectedCalibrationError,
  fitTemperature,
  type ScoredGuess,
  softmax,
  thresholdForPrecision,
} from './calibration.ts';
import type { LabelledExample } from './csv.ts';
import { accuracy, macroF1, stratifiedFolds } from './evaluation.ts';
import { decisionScores } from './linear-model.ts';
import type { FittedModel, TaggerOptions } from './tagger.ts';
import type { HeldOutReport } from './tagger.types.ts';

type Fit = (examples: LabelledExample[], labels: string[], settings: TaggerOptions) => FittedModel;

const folds = 7;
// Below this many examples training is quick, so every fold is scored; above, one fold is enough.
const crossValidateBelow = 2000;
const minimumRows = 10;

export function calibrate(
  examples: LabelledExample[],
  labels: string[],
  settings: TaggerOptions,
  fitModel: Fit,
): { temperature: number; abstainBelow: number; heldOut: HeldOutReport | null } {
  if (examples.length < minimumRows) {
    // Too few to measure: a temperature at which a clear SVM margin (a score gap of 2) gives 0.5.
    return { temperature: 2 / Math.log(Math.max(2, labels.length - 1)), abstainBelow: 0.5, heldOut: null };
  }
  const parts = stratifiedFolds(examples, folds, settings.seed);
  const rounds = examples.length < crossValidateBelow ? folds : 1;
  const index = new Map(labels.map((label, k) => [label, k]));
  const scores: Float64Array[] = [];
  const truth: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const train = parts.filter((_, at) => at !== round).flat();
    const { vectorizer, model } = fitModel(train, labels, settings);
    for (const example of parts[round]) {
      scores.push(decisionScores(model, vectorizer.transform(example.text)));
      truth.push(index.get(example.label)!);
    }
  }
  const temperature = fitTemperature(scores, truth);
  const guesses: ScoredGuess[] = [];
  const predicted: string[] = [];
  for (let i = 0; i < scores.length; i++) {
    const p = softmax(scores[i], temperature);
    let best = 0;
    for (let k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
    predicted.push(labels[best]);
    guesses.push({ confidence: p[best], correct: best === truth[i] });
  }
  const actual = truth.map((k) => labels[k]);
  return {
    temperature,
    abstainBelow: thresholdForPrecision(guesses, settings.abstainPrecision),
    heldOut: {
      method: rounds === 1 ? 'held-out' : 'cross-validation',
      rows: scores.length,
      accuracy: accuracy(actual, predicted),
      macroF1: macroF1(actual, predicted),
      ece: expectedCalibrationError(guesses),
    },
  };
}
