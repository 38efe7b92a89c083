import model from 'wink-eng-lite-web-model';
import winkNLP, { type WinkMethods } from 'wink-nlp';

/** One token of a text, as wink-nlp's English model reads it. */
export interface Token {
  /** the token as written */
  text: string;
  /** lower-cased, contractions expanded (`n't` -> `not`) */
  normal: string;
  /** the dictionary form (`delayed` -> `delay`) */
  lemma: string;
  /** word, number, punctuation, emoji, emoticon, mention, hashtag, url, email, symbol, ... */
  type: string;
  /** universal part of speech (`VERB`, `AUX`, `NOUN`, `ADJ`, ...) */
  pos: string;
  stop: boolean;
}

/** The sentences, tokens and wink's own sentiment of one text, read once. */
export interface Analysis {
  sentences: string[];
  tokens: Token[];
  /** wink-nlp's lexicon sentiment of the whole text, in [-1, 1] */
  winkSentiment: number;
}

let instance: WinkMethods | undefined;

/** The shared wink-nlp instance, created on first use (loading the model takes ~100 ms). */
export function nlp(): WinkMethods {
  instance ??= winkNLP(model, ['sbd', 'negation', 'sentiment', 'pos']);
  return instance;
}

/** Reads `text` once and returns its sentences, tokens and wink sentiment. */
export function analyze(text: string): Analysis {
  const engine = nlp();
  const its = engine.its;
  const doc = engine.readDoc(text);
  const all = doc.tokens();
  const texts = all.out(its.value) as string[];
  const normals = all.out(its.normal) as string[];
  // wink's typings declare `its.lemma` with a signature `out` does not accept; it works at run time.
  const lemmas = all.out(its.lemma as unknown as typeof its.normal) as string[];
  const types = all.out(its.type) as string[];
  const pos = all.out(its.pos) as string[];
  const stops = all.out(its.stopWordFlag) as unknown as boolean[];
  const tokens = texts.map((value, i) => ({
    text: value,
    normal: normals[i],
    lemma: lemmas[i],
    type: types[i],
    pos: pos[i],
    stop: stops[i],
  }));
  const sentiment = Number(doc.out(its.sentiment)) || 0;
  return { sentences: doc.sentences().out() as string[], tokens, winkSentiment: sentiment };
}

/** The sentences of `text`, trimmed, without empty ones. */
export function splitSentences(text: string): string[] {
  if (text.trim() === '') return [];
  const doc = nlp().readDoc(text);
  return (doc.sentences().out() as string[]).map((s) => s.trim()).filter((s) => s !== '');
}

/** The tokens of `text`. */
export function tokenize(text: string): Token[] {
  return analyze(text).tokens;
}

/** Lower-cased word and number tokens of `text`, without stop words when `dropStopWords`. */
export function words(text: string, dropStopWords = false): string[] {
  return tokenize(text)
    .filter((t) => (t.type === 'word' || t.type === 'number') && !(dropStopWords && t.stop))
    .map((t) => t.normal);
}
