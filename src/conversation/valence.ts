import { COURTESY_WEIGHT, IRONIC, IRONY_WEIGHT, ironic, REQUESTS, THANKS } from './irony.ts';
import { NEGATED_ACTION, negatedAction, negatedAt, negatesNext } from './negation.ts';
import type { Token } from './nlp.ts';
import { EMOJI, INTENSIFIERS, LEXICON, NEGATORS, SITUATION } from './sentiment-lexicon.ts';
import { items, phraseAt, phraseKey } from './valence-items.ts';

/** What the lexicon found in one text, before it is squashed into a score. */
export interface Valence {
  /** the summed, weighted valence of words, phrases and emoji */
  sum: number;
  /** the positive part of `sum` */
  positive: number;
  /** the negative part of `sum` (zero or less) */
  negative: number;
  /** the part of `negative` that comes from words telling what happened (`SITUATION`) */
  situational: number;

  /** absolute valence found, for confidence */
  evidence: number;
  exclamations: number;
  questions: number;
  /** words of four letters or more written in capitals */
  shouted: number;
  /** the text asks something (a `?`, or opens with a question word) */
  isQuestion: boolean;
  /** the text opens with a question word ("is my flight…", "what is…"): a request for information */
  opensWithQuestion: boolean;
  /** the first word after any greeting, lower-cased ('' when none) */
  opener: string;
}

const QUESTION_OPENERS = new Set(
  'what why how when where who which can could would will do does did is are am should may any'.split(' '),
);
/** Words a message may open with before it asks: "Hi team, can I…". */
const GREETINGS = new Set('hi hello hey dear guys team there folks'.split(' '));

/** Opens with a question word, with no `!` and no shouting: a request for information. */
export function isPlainQuestion(v: Valence): boolean {
  return v.opensWithQuestion && v.exclamations === 0 && v.shouted < 2;
}

/** Sums the lexicon valence of `tokens`, with negation, intensifiers, contrast, and shouting. */
export function valenceOf(tokens: Token[]): Valence {
  const list = items(tokens);
  const words = list.filter((it) => it.kind === 'word');
  const allCaps = words.length > 0 && words.filter((w) => w.caps).length >= words.length * 0.6;
  const lastBut = list.findLastIndex((it) => it.norm === 'but');
  let positive = 0;
  let negative = 0;
  let situational = 0;
  let shouted = 0;
  const add = (v: number) => {
    if (v > 0) positive += v;
    else negative += v;
  };
  // "can't get back lost time": what follows a failed action is its object, not negated again.
  let actionEnd = -1;
  // Praise that may be ironic, kept aside until the whole message has been read.
  const praise: { at: number; end: number; v: number }[] = [];
  const courtesy: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const it = list[i];
    if (it.kind === 'emoji') {
      const v = EMOJI.get(it.norm) ?? EMOJI.get([...it.norm][0] ?? '') ?? 0;
      add(v);
      continue;
    }
    if (it.kind !== 'word') continue;
    if (it.caps) shouted++;
    const phrase = phraseAt(list, i);
    let v = phrase ? phrase[0] : (LEXICON.get(it.norm) ?? LEXICON.get(it.lemma) ?? 0);
    if (!phrase && v === 0) {
      const verb = negatedAction(list, i);
      if (verb >= 0) {
        const w = NEGATED_ACTION * (lastBut >= 0 ? (i < lastBut ? 0.5 : 1.5) : 1);
        negative += w;
        situational += w;
        i = verb;
        actionEnd = verb;
      }
      continue;
    }
    if (v === 0 || (!phrase && NEGATORS.has(it.norm) && negatesNext(list, i))) {
      if (phrase) i += phrase[1] - 1;
      continue;
    }
    const before = i > 0 ? INTENSIFIERS.get(list[i - 1].norm) : undefined;
    if (before) v *= before;
    if (!NEGATORS.has(it.norm) && negatedAt(list, i, actionEnd)) v = v > 0 ? -0.75 * v : -0.3 * v;
    if (it.caps && !allCaps) v *= 1.5;
    if (lastBut >= 0) v *= i < lastBut ? 0.5 : 1.5;
    const span = phrase ? phrase[1] : 1;
    const plainThanks = !phrase || phraseKey(list, i, span) === 'thank you';
    if (v > 0 && THANKS.has(it.norm) && plainThanks && list[i + span]?.norm !== 'for') {
      courtesy.push(v);
    } else if (v > 0 && (IRONIC.has(it.norm) || (phrase && IRONIC.has(phraseKey(list, i, phrase[1]))))) {
      praise.push({ at: i, end: i + (phrase ? phrase[1] : 1), v });
    } else add(v);
    if (!phrase && v < 0 && (SITUATION.has(it.norm) || SITUATION.has(it.lemma))) situational += v;
    if (phrase) i += phrase[1] - 1;
  }
  // "…can you send a receipt? Thanks": thanks that close a request are courtesy, not praise.
  const asks = list.some((it) => it.kind === 'ask' || REQUESTS.has(it.norm));
  for (const c of courtesy) positive += asks ? COURTESY_WEIGHT * c : c;
  for (const p of praise) {
    if (ironic(list, p.at, p.end, negative)) negative -= IRONY_WEIGHT * p.v;
    else positive += p.v;
  }
  const exclamations = list.filter((it) => it.kind === 'bang').length;
  const questions = list.filter((it) => it.kind === 'ask').length;
  const opener = words.findIndex((w) => !GREETINGS.has(w.norm));
  const first = opener >= 0 ? words[opener].norm : '';
  const next = (k: number) => (opener >= 0 ? (words[opener + k]?.norm ?? '') : '');
  // "Hi, can I…", "I was wondering if…", "Just wondering…" ask as plainly as a question word.
  const opensWithQuestion =
    QUESTION_OPENERS.has(first) ||
    (first === 'i' && (next(1) === 'wonder' || (next(1) === 'was' && next(2) === 'wondering'))) ||
    (first === 'just' && next(1) === 'wondering');
  return {
    sum: positive + negative,
    positive,
    negative,
    situational,
    evidence: positive - negative,
    exclamations,
    questions,
    shouted: allCaps ? words.length : shouted,
    isQuestion: questions > 0 || opensWithQuestion,
    opensWithQuestion,
    opener: first,
  };
}
