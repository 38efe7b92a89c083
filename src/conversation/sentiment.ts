import { analyze } from './nlp.ts';
import { type Valence, valenceOf } from './valence.ts';

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
}

/**
 * Thresholds chosen on a small tuning part (every fifth row) of the airline tweets in
 * ../shared/data; the rest is held out for the bench. No data is shipped, no weights are learned.
 */
export const SENTIMENT_DEFAULTS: SentimentOptions = {
  negativeBelow: -0.05,
  positiveAbove: 0.5,
  winkWeight: 2,
};

/** The raw signed strength of a text's sentiment, before squashing. */
export function combine(v: Valence, wink: number, winkWeight: number): number {
  // A plain question about what happened ("is my order cancelled?", "what is the status of my
  // refund?") asks for information: its situation words do not count, its feeling words do. A
  // problem told first and then a question ("I was charged twice. Can you fix this?") is a
  // complaint and keeps its weight.
  const plainQuestion = v.opensWithQuestion && v.exclamations === 0 && v.shouted < 2;
  let total = v.sum - (plainQuestion ? v.situational : 0) + winkWeight * wink;
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
export function labelOf(score: number, options: SentimentOptions = SENTIMENT_DEFAULTS): SentimentLabel {
  if (score < options.negativeBelow) return 'negative';
  if (score > options.positiveAbove) return 'positive';
  return 'neutral';
}

/** Scores one customer message: lexicon, negation, intensifiers, support phrases, emoji, shouting. */
export function scoreSentiment(text: string, options: Partial<SentimentOptions> = {}): Sentiment {
  const opts = { ...SENTIMENT_DEFAULTS, ...options };
  const analysis = analyze(text);
  const total = combine(valenceOf(analysis.tokens), analysis.winkSentiment, opts.winkWeight);
  const score = squash(total);
  return { score, label: labelOf(score, opts) };
}
