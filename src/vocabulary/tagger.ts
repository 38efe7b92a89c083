// The issue-type tagger: word + character n-gram TF-IDF, a one-vs-rest linear SVM, and a
// temperature-scaled softmax for confidences. Pure and in-process: no clock, no I/O, no download.
// Why this model and not another is measured in bench/tagger.bench.ts.
import type { LabelledExample } from './csv.ts';
import { defaultFeatureOptions, type FeatureOptions, fitVectorizer, type Vectorizer } from './features.ts';
import { calibrate } from './held-out.ts';
import {
  decisionScores,
  defaultLinearOptions,
  dequantizeWeights,
  type LinearModel,
  type LinearOptions,
  quantizeWeights,
  trainLinear,
} from './linear-model.ts';
import type { TaggerReport, TagPrediction, TagSuggestion } from './tagger.types.ts';

export type { TaggerReport, TagPrediction, TagSuggestion } from './tagger.types.ts';

export type TaggerOptions = {
  features: FeatureOptions;
  linear: LinearOptions;
  /** The abstain threshold is set where held-out suggestions kept are right this often. */
  abstainPrecision: number;
  seed: number;
};

/** Settings to override; nested groups may be partial too (`{ linear: { c: 0.5 } }`). */
export type TaggerSettings = {
  features?: Partial<FeatureOptions>;
  linear?: Partial<LinearOptions>;
  abstainPrecision?: number;
  seed?: number;
};

export const defaultTaggerOptions: TaggerOptions = {
  features: defaultFeatureOptions,
  linear: defaultLinearOptions,
  abstainPrecision: 0.95,
  seed: 7,
};

export class Tagger {
  private readonly scratch: Float64Array;

  constructor(
    readonly labels: string[],
    readonly vectorizer: Vectorizer,
    readonly model: LinearModel,
    readonly report: TaggerReport,
  ) {
    this.scratch = new Float64Array(labels.length);
  }

  /** Raw decision scores, one per label (in `labels` order). */
  scores(text: string): Float64Array {
    return decisionScores(this.model, this.vectorizer.transform(text));
  }

  predict(text: string, topK = 3): TagPrediction {
    const scores = decisionScores(this.model, this.vectorizer.transform(text), this.scratch);
    // Softmax without materialising it: only the top few probabilities are ever read.
    const temperature = this.report.temperature;
    const best = topIndices(scores, Math.max(1, Math.min(topK, scores.length)));
    const max = scores[best[0]];
    let sum = 0;
    for (let k = 0; k < scores.length; k++) sum += Math.exp((scores[k] - max) / temperature);
    const top = best.map((k) => ({
      label: this.labels[k],
      confidence: Math.exp((scores[k] - max) / temperature) / sum,
    }));
    return { label: top[0].label, confidence: top[0].confidence, top };
  }
}

/** Indices of the `count` largest scores, largest first, ties to the lower index. */
function topIndices(scores: Float64Array, count: number): number[] {
  const best: number[] = [];
  for (let k = 0; k < scores.length; k++) {
    if (best.length === count) {
      if (scores[k] <= scores[best[count - 1]]) continue;
      best.pop();
    }
    let at = best.length;
    while (at > 0 && scores[best[at - 1]] < scores[k]) at--;
    best.splice(at, 0, k);
  }
  return best;
}

/** True when a suggestion is too unsure to show: the tagger abstains and a person chooses. */
export function shouldAbstain(prediction: TagSuggestion, threshold: number): boolean {
  return prediction.confidence < threshold;
}

export class TaggerError extends Error {}

/**
 * Trains a tagger on labelled examples. Confidences are calibrated on held-out examples first
 * (cross-validation on small sets, one stratified slice on large ones), then the final model is
 * trained on everything. Deterministic for a given input and seed.
 */
export function trainTagger(examples: LabelledExample[], options: TaggerSettings = {}): Tagger {
  const settings: TaggerOptions = {
    ...defaultTaggerOptions,
    ...options,
    features: { ...defaultTaggerOptions.features, ...options.features },
    linear: { ...defaultTaggerOptions.linear, ...options.linear },
  };
  const labels = [...new Set(examples.map((example) => example.label))].sort();
  if (labels.length < 2) {
    throw new TaggerError(`training needs at least two labels; found ${labels.length}`);
  }
  const { temperature, abstainBelow, heldOut } = calibrate(examples, labels, settings, fitModel);
  const { vectorizer, model } = fitModel(examples, labels, settings);
  const report = { rows: examples.length, labels: labels.length, features: vectorizer.size };
  return new Tagger(labels, vectorizer, model, { ...report, temperature, abstainBelow, heldOut });
}

export type FittedModel = { vectorizer: Vectorizer; model: LinearModel };

function fitModel(examples: LabelledExample[], labels: string[], settings: TaggerOptions): FittedModel {
  const vectorizer = fitVectorizer(
    examples.map((example) => example.text),
    settings.features,
  );
  const rows = examples.map((example) => vectorizer.transform(example.text));
  const index = new Map(labels.map((label, k) => [label, k]));
  const truth = Int32Array.from(examples, (example) => index.get(example.label)!);
  const trained = trainLinear(rows, truth, labels.length, vectorizer.size, {
    ...settings.linear,
    seed: settings.seed,
  });
  // Round to the stored precision now, so a saved and reloaded model predicts exactly the same.
  return { vectorizer, model: dequantizeWeights(labels.length, trained.bias, quantizeWeights(trained)) };
}
