// The trained sentiment model and how it meets the rules. The weights live in
// sentiment-model.json (written by scripts/train-sentiment.ts); this file reads them and decides a
// message's label and score from the model's class probabilities and the rules' score.
import type { SentimentLabel } from './sentiment.ts';
import type { RuleFindings, SentimentFeatureOptions } from './sentiment-features.ts';
import type { SoftmaxModel, SoftmaxOptions } from './sentiment-train.ts';
import { isPlainQuestion } from './valence.ts';

export const CLASSES = ['negative', 'neutral', 'positive'] as const satisfies readonly SentimentLabel[];

/** How the model meets the rules. */
export interface Blend {
  /** when the rules' score is this strong either way, the rules decide; null: the model always decides */
  rulesDecideAbove: number | null;
  /** calm questions (`isCalmQuestion`) that the rules find neutral stay neutral */
  calmQuestionsStayNeutral: boolean;
}

export const MODEL_FORMAT = 'baton-sentiment/1';

/** The model as stored: options it was trained with, biases and one weight per class per feature. */
export interface SentimentModelFile {
  format: typeof MODEL_FORMAT;
  classes: SentimentLabel[];
  features: SentimentFeatureOptions;
  blend: Blend;
  trained: { data: string; rows: number; train: SoftmaxOptions; crossValidation: unknown };
  bias: number[];
  weights: Record<string, number[]>;
}

const round = (x: number) => Number(x.toFixed(3));

/** The stored form of `model`: weights rounded to 3 decimals, features whose weights all round to 0 left out. */
export function toModelFile(
  model: SoftmaxModel,
  features: SentimentFeatureOptions,
  blend: Blend,
  trained: SentimentModelFile['trained'],
): SentimentModelFile {
  const weights: Record<string, number[]> = {};
  for (const [name, w] of model.weights) {
    const r = w.map(round);
    if (r.some((x) => x !== 0)) weights[name] = r;
  }
  return {
    format: MODEL_FORMAT,
    classes: [...CLASSES],
    features,
    blend,
    trained,
    bias: model.bias.map(round),
    weights,
  };
}

/** A loaded model, checked: a file of another format or shape is refused with the reason. */
export function fromModelFile(file: unknown): { model: SoftmaxModel; file: SentimentModelFile } {
  const f = file as SentimentModelFile;
  if (f?.format !== MODEL_FORMAT) throw new Error(`sentiment model: format is not ${MODEL_FORMAT}`);
  if (JSON.stringify(f.classes) !== JSON.stringify(CLASSES))
    throw new Error('sentiment model: unexpected classes');
  const width = CLASSES.length;
  if (!Array.isArray(f.bias) || f.bias.length !== width) throw new Error('sentiment model: bad bias');
  const weights = new Map<string, number[]>();
  for (const [name, w] of Object.entries(f.weights ?? {})) {
    if (!Array.isArray(w) || w.length !== width || w.some((x) => typeof x !== 'number')) {
      throw new Error(`sentiment model: bad weights for ${name}`);
    }
    weights.set(name, w);
  }
  return { model: { bias: f.bias, weights }, file: f };
}

/** The label of a message from the model's probabilities, unless the rules are sure enough. */
export function blendLabel(
  probabilities: number[],
  findings: RuleFindings,
  ruleLabel: SentimentLabel,
  blend: Blend,
): SentimentLabel {
  if (blend.rulesDecideAbove !== null && Math.abs(findings.score) >= blend.rulesDecideAbove) return ruleLabel;
  if (blend.calmQuestionsStayNeutral && ruleLabel === 'neutral' && isCalmQuestion(findings)) {
    return 'neutral';
  }
  let best = 0;
  for (let k = 1; k < probabilities.length; k++) if (probabilities[k] > probabilities[best]) best = k;
  return CLASSES[best];
}

/**
 * One plain question (`isPlainQuestion`), not a "why", whose only negative words tell what
 * happened ("what is the status of my refund?", "when will my order arrive?"). The model has seen
 * many refund and delivery questions asked in anger and may read a calm one as a complaint; a
 * "why" question or one beside other sentences is left to it, as those mostly complain.
 */
export function isCalmQuestion({ valence: v, sentences }: RuleFindings): boolean {
  return (
    isPlainQuestion(v) &&
    sentences === 1 &&
    v.questions <= 1 &&
    v.opener !== 'why' &&
    v.positive === 0 &&
    v.negative === v.situational
  );
}

/** Where each label's scores lie, as `labelOf` reads them. */
export interface ScoreBands {
  negativeBelow: number;
  positiveAbove: number;
}

/**
 * The score that goes with `label`: the rules' score when they agree on the label (dips and
 * trends keep the rules' strength); otherwise the model's valence, p(positive) - p(negative),
 * moved just inside the label's band so that score and label never contradict each other.
 */
export function blendScore(
  label: SentimentLabel,
  ruleScore: number,
  ruleLabel: SentimentLabel,
  probabilities: number[],
  bands: ScoreBands,
): number {
  if (label === ruleLabel) return ruleScore;
  const valence = probabilities[2] - probabilities[0];
  const step = 0.01;
  const [low, high] =
    label === 'negative'
      ? [-1, bands.negativeBelow - step]
      : label === 'positive'
        ? [bands.positiveAbove + step, 1]
        : [bands.negativeBelow, bands.positiveAbove];
  return Number(Math.min(high, Math.max(low, valence)).toFixed(4));
}
