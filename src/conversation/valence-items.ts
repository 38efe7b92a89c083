import type { Token } from './nlp.ts';
import { INTENSIFIERS, LEXICON, PHRASES } from './sentiment-lexicon.ts';

/** One token as the valence rules read it: mentions and links dropped, hashtags split. */
export interface Item {
  norm: string;
  lemma: string;
  /** universal part of speech, '' for punctuation and emoji */
  pos: string;
  caps: boolean;
  kind: 'word' | 'emoji' | 'stop' | 'bang' | 'ask';
}

const PHRASE_TABLE = new Map<string, number>(PHRASES);
const MAX_PHRASE = Math.max(...PHRASES.map(([p]) => p.split(' ').length));
export const CLAUSE_BREAKS = new Set(['.', ',', ';', ':', '!', '?', 'but', 'however', 'although', 'though']);
const SENTENCE_ENDS = new Set(['.', '!', '?']);

/** The items of `tokens`, in order. */
export function items(tokens: Token[]): Item[] {
  const out: Item[] = [];
  for (const t of tokens) {
    const caps = /^[A-Z]{3,}$/.test(t.text) && (t.text.length >= 4 || LEXICON.has(t.normal));
    if (t.type === 'mention' || t.type === 'url' || t.type === 'email' || t.type === 'unk') continue;
    if (t.type === 'emoji' || t.type === 'emoticon') {
      out.push({ norm: t.text.replace(/\uFE0F/g, ''), lemma: '', pos: '', caps: false, kind: 'emoji' });
    } else if (t.type === 'punctuation' && (t.text === '!' || t.text === '?')) {
      out.push({ norm: t.text, lemma: t.text, pos: '', caps: false, kind: t.text === '!' ? 'bang' : 'ask' });
    } else if (t.type === 'punctuation' || t.type === 'symbol') {
      out.push({ norm: t.text, lemma: t.text, pos: '', caps: false, kind: 'stop' });
    } else if (t.type === 'hashtag') {
      for (const word of hashtagWords(t.normal.slice(1))) {
        out.push({ norm: word, lemma: word, pos: 'NOUN', caps, kind: 'word' });
      }
    } else if (t.type === 'time') {
      out.push({ norm: 'hours', lemma: 'hour', pos: 'NOUN', caps: false, kind: 'word' });
    } else {
      const norm = unstretched(t.normal);
      out.push({ norm, lemma: norm === t.normal ? t.lemma : norm, pos: t.pos, caps, kind: 'word' });
    }
  }
  return out;
}

/** "sooo", "pleeease", "loooove": a letter stretched three times or more, back to a lexicon word. */
function unstretched(word: string): string {
  if (!/(\w)\1\1/.test(word) || LEXICON.has(word)) return word;
  const twice = word.replace(/(\w)\1{2,}/g, '$1$1');
  if (LEXICON.has(twice) || INTENSIFIERS.has(twice)) return twice;
  const once = word.replace(/(\w)\1{2,}/g, '$1');
  return LEXICON.has(once) || INTENSIFIERS.has(once) ? once : twice;
}

const HASHTAG_CUES = [...LEXICON].filter(([w, v]) => w.length >= 4 && Math.abs(v) >= 2).map(([w]) => w);

const JOINED_PHRASES = new Map(PHRASES.map(([p]) => [p.replaceAll(' ', ''), p.split(' ')]));

/**
 * The words a hashtag stands for: `#fail` -> fail; `#nothappy`, `#dobetter` -> the phrase's words;
 * `#notimpressed` -> not impressed; `#airlinefail` -> fail (a strong word opening or ending it).
 */
function hashtagWords(tag: string): string[] {
  if (LEXICON.has(tag)) return [tag];
  const phrase = JOINED_PHRASES.get(tag);
  if (phrase) return phrase;
  const negator = ['not', 'no', 'never'].find((n) => tag.startsWith(n) && LEXICON.has(tag.slice(n.length)));
  if (negator) return [negator, tag.slice(negator.length)];
  const cue = HASHTAG_CUES.find((w) => tag.endsWith(w) || tag.startsWith(w));
  return [cue ?? tag];
}

/** The value and length of the longest phrase starting at `i`. */
export function phraseAt(list: Item[], i: number): [number, number] | undefined {
  for (let n = Math.min(MAX_PHRASE, list.length - i); n >= 2; n--) {
    const slice = list.slice(i, i + n);
    if (slice.some((it) => it.kind !== 'word')) continue;
    const value = PHRASE_TABLE.get(slice.map((it) => it.norm).join(' '));
    if (value !== undefined) return [value, n];
  }
  return undefined;
}

/** The normal forms of `n` items from `i`, joined by spaces. */
export function phraseKey(list: Item[], i: number, n: number): string {
  return list
    .slice(i, i + n)
    .map((it) => it.norm)
    .join(' ');
}

/** `.`, `!` or `?`. */
export function isSentenceEnd(it: Item): boolean {
  return it.kind === 'bang' || it.kind === 'ask' || (it.kind === 'stop' && SENTENCE_ENDS.has(it.norm));
}
