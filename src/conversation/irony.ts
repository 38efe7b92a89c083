import { LEXICON, NEGATORS } from './sentiment-lexicon.ts';
import { type Item, isSentenceEnd } from './valence-items.ts';

/** Praise that customers also use ironically. */
export const IRONIC: ReadonlySet<string> = new Set([
  ...'great awesome lovely perfect fantastic brilliant wonderful excellent amazing nice yay woohoo hooray'.split(
    ' ',
  ),
  ...'superb terrific stellar outstanding love loving thanks thank thx'.split(' '),
  ...['good job', 'great job', 'well done', 'thanks a lot', 'thank you'],
]);
export const THANKS: ReadonlySet<string> = new Set(['thanks', 'thank', 'thx', 'ty', 'thanx', 'tia']);
/** Words that make a message a request, so that a closing "thanks" is courtesy. */
export const REQUESTS: ReadonlySet<string> = new Set(['please', 'pls', 'plz', 'need', 'can', 'could']);
/** How much a "thanks" closing a request counts, relative to its face value. */
export const COURTESY_WEIGHT = 0.4;
/** How strongly ironic praise counts against the message, relative to its face value. */
export const IRONY_WEIGHT = 0.75;

/**
 * Praise read as irony: "thanks for not responding", "great, another delay", "Awesome." alone in a
 * message that otherwise complains. `negative` is the rest of the message's negative valence.
 */
export function ironic(list: Item[], at: number, end: number, negative: number): boolean {
  // "thanks for" followed, in the same clause, by a negation or a complaint
  if (THANKS.has(list[at].norm) && list[end]?.norm === 'for') {
    for (let j = end + 1; j < list.length && j <= end + 6; j++) {
      const it = list[j];
      if (it.kind !== 'word' || it.norm === 'but') break;
      if (NEGATORS.has(it.norm) || (LEXICON.get(it.norm) ?? LEXICON.get(it.lemma) ?? 0) <= -2) return true;
    }
    return false;
  }
  if (THANKS.has(list[at].norm)) return false;
  // praise right before a complaint in its own clause ("yay for delays", "love the delays"), or
  // followed by "another" ("great, another delay"); "great agent, terrible wait" is only mixed
  for (let j = end, words = 0; j < list.length && words < 3; j++) {
    const it = list[j];
    if (it.kind !== 'word') {
      if (isSentenceEnd(it) || words > 0) break;
      if (list[j + 1]?.norm === 'another') return true;
      break;
    }
    words++;
    if (it.norm === 'but') break;
    if ((LEXICON.get(it.norm) ?? LEXICON.get(it.lemma) ?? 0) <= -2 || it.norm === 'another') return true;
  }
  // "Awesome.", "Love the snow storm!": a short praise sentence beside sentences that complain
  if (negative > -2) return false;
  let start = at;
  while (start > 0 && !isSentenceEnd(list[start - 1])) start--;
  let stop = end;
  while (stop < list.length && !isSentenceEnd(list[stop])) stop++;
  const isWord = (it: Item) => it.kind === 'word';
  const words = list.slice(start, stop).filter(isWord).length;
  const elsewhere = list.filter(isWord).length - words;
  const exclaimed = list[stop]?.kind === 'bang';
  return (words <= 2 || (words <= 5 && exclaimed)) && elsewhere >= 2;
}
