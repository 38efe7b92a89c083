import { analyze, type Token } from './nlp.ts';
import { type RuleFindings, sentimentFeatures } from './sentiment-features.ts';
import modelFile from './sentiment-model.json' with { type: 'json' };
import { blendLabel, blendScore, fromModelFile } from './sentiment-model.ts';
import { softmaxProbabilities } from './sentiment-train.ts';
import { isPlainQuestion, type Valence, valenceOf } from './valence.ts';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface Sentiment {
  /** from -1 (very negative) to 1 (very positive) */
  score: number;
  label: SentimentLabel;
}

export interface SentimentOptions {
  /** scores below this are `negative` */
  negativeBelow: number;
  /** scores above this are `positive` */
  positiveAbove: number;
  /** weight of wink-nlp's own sentiment, added to the lexicon sum */
  winkWeight: number;
  /** let the trained model (sentiment-model.json) decide with the rules; false: the rules alone */
  useModel: boolean;
}

/**
 * Thresholds chosen on a small tuning part (every fifth row) of the airline tweets in
 * ../shared/data; the rest is held out for the bench. No airline data is shipped or learned from:
 * the model's weights come from Baton's own labels of TweetSumm turns (docs/conversation.md).
 */
export const SENTIMENT_DEFAULTS: SentimentOptions = {
  negativeBelow: -0.05,
  positiveAbove: 0.5,
  winkWeight: 2,
  useModel: true,
};

const MODEL = fromModelFile(modelFile);

/** The raw signed strength of a text's sentiment, before squashing. */
export function combine(v: Valence, wink: number, winkWeight: number): number {
  // A plain question about what happened ("is my order cancelled?", "what is the status of my
  // refund?") asks for information: its situation words do not count, its feeling words do. A
  // problem told first and then a question ("I was charged twice. Can you fix this?") is a
  // complaint and keeps its weight.
  let total = v.sum - (isPlainQuestion(v) ? v.situational : 0) + winkWeight * wink;
  if (total !== 0 && v.exclamations > 0) total += Math.sign(total) * 0.3 * Math.min(v.exclamations, 4);
  if (v.questions >= 2) total -= 1;
  if (v.shouted >= 2) total -= 0.5 * Math.min(v.shouted, 4);
  // A question without strong feeling is a request for information, not a complaint.
  if (v.isQuestion && total > 0) total *= 0.6;
  return total;
}

/** Squashes a raw valence into [-1, 1], as VADER does. */
export function squash(total: number): number {
  const score = total / Math.sqrt(total * total + 8);
  return Math.max(-1, Math.min(1, Number(score.toFixed(4))));
}

/** The label of a score under `options`' thresholds. */
export function labelOf(
  score: number,
  options: Pick<SentimentOptions, 'negativeBelow' | 'positiveAbove'> &
    Partial<SentimentOptions> = SENTIMENT_DEFAULTS,
): SentimentLabel {
  if (score < options.negativeBelow) return 'negative';
  if (score > options.positiveAbove) return 'positive';
  return 'neutral';
}

/** What the rules find in one message: its tokens, valence, wink's sentiment and the rule score. */
export function ruleFindings(
  text: string,
  options: Partial<SentimentOptions> = {},
): RuleFindings & { tokens: Token[] } {
  const opts = { ...SENTIMENT_DEFAULTS, ...options };
  const analysis = analyze(text);
  const valence = valenceOf(analysis.tokens);
  const score = squash(combine(valence, analysis.winkSentiment, opts.winkWeight));
  const sentences = analysis.sentences.length;
  return { tokens: analysis.tokens, valence, wink: analysis.winkSentiment, score, sentences };
}

/**
 * Scores one customer message. The rules (lexicon, negation, intensifiers, support phrases, emoji,
 * shouting) score it; the trained model reads its words and the rules' findings and gives the
 * label, except where the rules' score is strong enough to decide alone (the model file's blend).
 * The score stays the rules' when the label agrees with them.
 */
export function scoreSentiment(text: string, options: Partial<SentimentOptions> = {}): Sentiment {
  const opts = { ...SENTIMENT_DEFAULTS, ...options };
  const findings = ruleFindings(text, opts);
  const ruleLabel = labelOf(findings.score, opts);
  if (!opts.useModel) return { score: findings.score, label: ruleLabel };
  const probabilities = softmaxProbabilities(
    MODEL.model,
    sentimentFeatures(findings.tokens, findings, MODEL.file.features),
  );
  const label = blendLabel(probabilities, findings, ruleLabel, MODEL.file.blend);
  return { score: blendScore(label, findings.score, ruleLabel, probabilities, opts), label };
}
