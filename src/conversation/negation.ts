import { LEXICON, NEGATORS } from './sentiment-lexicon.ts';
import { CLAUSE_BREAKS, type Item, phraseAt } from './valence-items.ts';

/** The valence of a negated action without a valenced word ("it won't load"). */
export const NEGATED_ACTION = -1.25;
const PLAIN_AUX = new Set(['do', 'be', 'have']);
/** Negated verbs that hedge or inform rather than report a failure ("I can't say", "won't need it"). */
const CALM_NEGATED = new Set(
  'know think mind hesitate need want have remember believe say mean matter'.split(' '),
);
/** Actions that should have happened: "didn't arrive", "isn't loading", "hasn't replied". */
const FAILING = new Set(
  (
    'work load open connect arrive show appear let allow accept respond answer reply call help fix ' +
    'receive come start turn sync update download install play log sign send go pay print recognize ' +
    'restore record process match reflect deliver get charge credit refund register save run move ' +
    'display stream boot activate verify release ship track return contact hear'
  ).split(' '),
);

/** A negator that negates a valenced word after it lends its own valence to that word only. */
export function negatesNext(list: Item[], i: number): boolean {
  for (let j = i + 1; j < list.length && j <= i + 3; j++) {
    const it = list[j];
    if (it.kind !== 'word' || CLAUSE_BREAKS.has(it.norm)) return false;
    if (LEXICON.has(it.norm) || LEXICON.has(it.lemma)) return true;
  }
  return false;
}

/** A negator up to three words before `i`, in the same clause and after index `after`. */
export function negatedAt(list: Item[], i: number, after: number): boolean {
  for (let j = i - 1; j > after && j >= i - 3; j--) {
    const it = list[j];
    if (it.kind !== 'word' || CLAUSE_BREAKS.has(it.norm)) return false;
    if (NEGATORS.has(it.norm)) return true;
  }
  return false;
}

/**
 * "can't log in", "won't load", "didn't arrive": a negated action that the lexicon has no word for
 * still tells that something failed. After "can"/"will" any action counts (an inability); after
 * "do"/"be"/"have" only the verbs of things that should have worked ("I don't live there" informs).
 * Returns the index of the negated verb, or -1.
 */
export function negatedAction(list: Item[], i: number): number {
  if (list[i].norm !== 'not' || i === 0) return -1;
  const aux = list[i - 1].lemma;
  const inability = aux === 'can' || aux === 'will' || aux === 'could' || aux === 'would';
  if (!inability && !PLAIN_AUX.has(aux)) return -1;
  for (let j = i + 1; j < list.length && j <= i + 2; j++) {
    const it = list[j];
    if (it.kind !== 'word' || CLAUSE_BREAKS.has(it.norm)) return -1;
    if (it.pos !== 'VERB') continue;
    if (LEXICON.has(it.norm) || LEXICON.has(it.lemma) || phraseAt(list, j) !== undefined) return -1;
    if (inability ? CALM_NEGATED.has(it.lemma) : !FAILING.has(it.lemma)) return -1;
    return j;
  }
  return -1;
}
