import type { Token } from './nlp.ts';
import { EMOJI, INTENSIFIERS, LEXICON, NEGATORS, PHRASES, SITUATION } from './sentiment-lexicon.ts';

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
}

interface Item {
  norm: string;
  lemma: string;
  caps: boolean;
  kind: 'word' | 'emoji' | 'stop' | 'bang' | 'ask';
}

const PHRASE_TABLE = new Map<string, number>(PHRASES);
const MAX_PHRASE = Math.max(...PHRASES.map(([p]) => p.split(' ').length));
const QUESTION_OPENERS = new Set(
  'what why how when where who which can could would will do does did is are am should may any'.split(' '),
);
const CLAUSE_BREAKS = new Set(['.', ',', ';', ':', '!', '?', 'but', 'however', 'although', 'though']);

function items(tokens: Token[]): Item[] {
  const out: Item[] = [];
  for (const t of tokens) {
    const caps = /^[A-Z]{3,}$/.test(t.text) && (t.text.length >= 4 || LEXICON.has(t.normal));
    if (t.type === 'mention' || t.type === 'url' || t.type === 'email' || t.type === 'unk') continue;
    if (t.type === 'emoji' || t.type === 'emoticon') {
      out.push({ norm: t.text.replace(/\uFE0F/g, ''), lemma: '', caps: false, kind: 'emoji' });
    } else if (t.type === 'punctuation' && (t.text === '!' || t.text === '?')) {
      out.push({ norm: t.text, lemma: t.text, caps: false, kind: t.text === '!' ? 'bang' : 'ask' });
    } else if (t.type === 'punctuation' || t.type === 'symbol') {
      out.push({ norm: t.text, lemma: t.text, caps: false, kind: 'stop' });
    } else if (t.type === 'hashtag') {
      const word = hashtagWord(t.normal.slice(1));
      out.push({ norm: word, lemma: word, caps, kind: 'word' });
    } else if (t.type === 'time') {
      out.push({ norm: 'hours', lemma: 'hour', caps: false, kind: 'word' });
    } else {
      out.push({ norm: t.normal, lemma: t.lemma, caps, kind: 'word' });
    }
  }
  return out;
}

const HASHTAG_CUES = [...LEXICON].filter(([w, v]) => w.length >= 4 && Math.abs(v) >= 2).map(([w]) => w);

/** `#neveragain` -> itself; `#airlinefail` -> `fail`: a hashtag ending or opening with a strong word. */
function hashtagWord(tag: string): string {
  if (LEXICON.has(tag) || PHRASE_TABLE.has(tag)) return tag;
  const cue = HASHTAG_CUES.find((w) => tag.endsWith(w) || tag.startsWith(w));
  return cue ?? tag;
}

function phraseAt(list: Item[], i: number): [number, number] | undefined {
  for (let n = Math.min(MAX_PHRASE, list.length - i); n >= 2; n--) {
    const slice = list.slice(i, i + n);
    if (slice.some((it) => it.kind !== 'word')) continue;
    const value = PHRASE_TABLE.get(slice.map((it) => it.norm).join(' '));
    if (value !== undefined) return [value, n];
  }
  return undefined;
}

/** A negator that negates a valenced word after it lends its own valence to that word only. */
function negatesNext(list: Item[], i: number): boolean {
  for (let j = i + 1; j < list.length && j <= i + 3; j++) {
    const it = list[j];
    if (it.kind !== 'word' || CLAUSE_BREAKS.has(it.norm)) return false;
    if (LEXICON.has(it.norm) || LEXICON.has(it.lemma)) return true;
  }
  return false;
}

function negatedAt(list: Item[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const it = list[j];
    if (it.kind !== 'word' || CLAUSE_BREAKS.has(it.norm)) return false;
    if (NEGATORS.has(it.norm)) return true;
  }
  return false;
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
    if (v === 0 || (!phrase && NEGATORS.has(it.norm) && negatesNext(list, i))) {
      if (phrase) i += phrase[1] - 1;
      continue;
    }
    const before = i > 0 ? INTENSIFIERS.get(list[i - 1].norm) : undefined;
    if (before) v *= before;
    if (!NEGATORS.has(it.norm) && negatedAt(list, i)) v = v > 0 ? -0.75 * v : -0.3 * v;
    if (it.caps && !allCaps) v *= 1.5;
    if (lastBut >= 0) v *= i < lastBut ? 0.5 : 1.5;
    add(v);
    if (!phrase && v < 0 && (SITUATION.has(it.norm) || SITUATION.has(it.lemma))) situational += v;
    if (phrase) i += phrase[1] - 1;
  }
  const exclamations = list.filter((it) => it.kind === 'bang').length;
  const questions = list.filter((it) => it.kind === 'ask').length;
  const first = words[0]?.norm ?? '';
  return {
    sum: positive + negative,
    positive,
    negative,
    situational,
    evidence: positive - negative,
    exclamations,
    questions,
    shouted: allCaps ? words.length : shouted,
    isQuestion: questions > 0 || QUESTION_OPENERS.has(first),
    opensWithQuestion: QUESTION_OPENERS.has(first),
  };
}
