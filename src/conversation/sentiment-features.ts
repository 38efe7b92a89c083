// What the sentiment model reads in one message: its words and word pairs, as the valence rules
// see them (mentions and links dropped, hashtags split, stretched words restored), and the rules'
// own findings, so the model learns when to trust them rather than replacing them.
import type { Token } from './nlp.ts';
import type { Valence } from './valence.ts';
import { items } from './valence-items.ts';

export interface SentimentFeatureOptions {
  /** add pairs of neighbouring words ("not working", "thank you") */
  bigrams: boolean;
  /** mark words after a negator, up to the clause's end or three words ("not_helpful") */
  negation: boolean;
  /** add the rule score and its cues (`r:` features) */
  rules: boolean;
}

/** Sparse features of one message: name -> value. */
export type Features = Map<string, number>;

const NEGATORS = new Set(['not', 'no', 'never', 'cannot', 'nothing', 'nobody', 'without']);
const NEGATION_SPAN = 3;

/** What the rules found in a message, as `valenceOf` and `scoreSentiment` compute it. */
export interface RuleFindings {
  valence: Valence;
  /** wink-nlp's own sentiment */
  wink: number;
  /** the rules' squashed score in [-1, 1] */
  score: number;
  /** how many sentences the message has */
  sentences: number;
}

/** Squashes a count or a sum into (-1, 1) so that no feature dwarfs the others. */
const soft = (x: number, scale: number) => x / (Math.abs(x) + scale);

/** The features of a message from its tokens and, when `options.rules`, the rules' findings. */
export function sentimentFeatures(
  tokens: Token[],
  findings: RuleFindings,
  options: SentimentFeatureOptions,
): Features {
  const features: Features = new Map();
  let previous = '^';
  let negated = 0;
  for (const it of items(tokens)) {
    // Punctuation and line breaks end a pair of words and a negation's reach.
    if (it.kind === 'stop' || it.norm.trim() === '') {
      previous = '^';
      negated = 0;
      continue;
    }
    let term = /^\d/.test(it.norm) ? '<num>' : it.norm;
    if (it.kind === 'word' && options.negation && negated > 0) {
      term = `not_${term}`;
      negated--;
    }
    if (it.kind === 'bang' || it.kind === 'ask') negated = 0;
    if (it.kind === 'word' && NEGATORS.has(it.norm)) negated = NEGATION_SPAN;
    features.set(`w:${term}`, 1);
    if (options.bigrams) features.set(`b:${previous} ${term}`, 1);
    previous = term;
    if (it.caps) features.set('r:caps-word', 1);
  }
  if (options.rules) addRuleFeatures(features, findings);
  return features;
}

function addRuleFeatures(features: Features, { valence: v, wink, score }: RuleFindings): void {
  const set = (name: string, value: number) => {
    if (value !== 0) features.set(`r:${name}`, Number(value.toFixed(4)));
  };
  set('score', score);
  set('score-negative', score < -0.05 ? 1 : 0);
  set('score-positive', score > 0.5 ? 1 : 0);
  set('positive', soft(v.positive, 2));
  set('negative', soft(v.negative, 2));
  set('situational', soft(v.situational, 2));
  set('wink', wink);
  set('exclamations', Math.min(v.exclamations, 3) / 3);
  set('questions', Math.min(v.questions, 3) / 3);
  set('shouted', Math.min(v.shouted, 4) / 4);
  set('question', v.isQuestion ? 1 : 0);
  set('opens-with-question', v.opensWithQuestion ? 1 : 0);
}
