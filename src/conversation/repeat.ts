import { tokenize } from './nlp.ts';

export interface RepeatResult {
  repeated: boolean;
  /** index (in `earlier`) of the most similar earlier message, when one is similar enough or a phrase fired */
  of?: number;
  /** similarity to that message, in [0, 1] */
  similarity: number;
  /** the explicit phrase that says it is a repetition ("as I said", "for the third time") */
  phrase?: string;
}

export interface RepeatOptions {
  /** similarity at or above which a message restates an earlier one */
  threshold: number;
  /** messages with fewer content words are only flagged by an explicit phrase */
  minTerms: number;
}

export const REPEAT_DEFAULTS: RepeatOptions = { threshold: 0.5, minTerms: 3 };

const FILLER = new Set(
  'hi hello hey please thanks thank help hope dear team regards cheers ok okay yes yeah sure guys just still'.split(
    ' ',
  ),
);

const PHRASES: RegExp[] = [
  /\b(?:as|like) i (?:already |previously |just |have )?(?:said|mentioned|explained|stated|told you|wrote|described)\b/,
  /\bi(?:'ve| have)? already (?:told|explained|said|mentioned|described|gave|given|provided|went through|gone through)\b/,
  /\b(?:for the|this is the|it's the|its the) (?:second|third|fourth|fifth|umpteenth|\d+(?:st|nd|rd|th)) time\b/,
  /\bhow many (?:more )?times\b/,
  /\b(?:once again|yet again|again),? (?:my|the|i|our)\b/,
  /\brepeat(?:ing)? (?:myself|this|it)\b/,
  /\bexplain(?:ing)? (?:it |this |that |everything |my (?:issue|problem) )?(?:all )?(?:over )?again\b/,
  /\bkeep (?:telling|saying|explaining|repeating)\b/,
  /\b(?:said|told you|explained) (?:this|that|it )?(?:before|twice|already)\b/,
  /\bstart (?:all )?over again\b/,
];

/** The content terms of a text: lemmas of words and numbers, without stop words and filler. */
export function contentTerms(text: string): Set<string> {
  const terms = new Set<string>();
  for (const t of tokenize(text)) {
    if ((t.type !== 'word' && t.type !== 'number') || t.stop) continue;
    const lemma = t.lemma.toLowerCase();
    if (lemma.length < 2 || FILLER.has(lemma)) continue;
    terms.add(lemma);
  }
  return terms;
}

/** How much `later` restates `earlier`: the mean of their Dice overlap and of how much of `later` `earlier` holds. */
export function restatement(later: ReadonlySet<string>, earlier: ReadonlySet<string>): number {
  if (later.size === 0 || earlier.size === 0) return 0;
  let shared = 0;
  for (const term of later) if (earlier.has(term)) shared++;
  const dice = (2 * shared) / (later.size + earlier.size);
  const containment = shared / later.size;
  return Number((0.5 * dice + 0.5 * containment).toFixed(4));
}

/** The explicit "I am repeating myself" phrase in `text`, if any. */
export function repeatPhrase(text: string): string | undefined {
  const normal = text.toLowerCase().replace(/[’‘]/g, "'");
  for (const pattern of PHRASES) {
    const match = normal.match(pattern);
    if (match) return match[0];
  }
  return undefined;
}

/**
 * Whether a customer `message` restates one of the customer's `earlier` messages of the same case
 * (or the packet's text, passed among them), by similarity of content words or by an explicit
 * phrase. A message that adds new information shares few of its words and is not flagged.
 */
export function detectRepeat(
  earlier: readonly string[],
  message: string,
  options: Partial<RepeatOptions> = {},
): RepeatResult {
  const opts = { ...REPEAT_DEFAULTS, ...options };
  const terms = contentTerms(message);
  let best = -1;
  let similarity = 0;
  earlier.forEach((text, i) => {
    const s = restatement(terms, contentTerms(text));
    if (s > similarity) {
      similarity = s;
      best = i;
    }
  });
  const phrase = repeatPhrase(message);
  const similar = terms.size >= opts.minTerms && similarity >= opts.threshold;
  const result: RepeatResult = { repeated: similar || phrase !== undefined, similarity };
  if (best >= 0 && (similar || (phrase !== undefined && similarity > 0))) result.of = best;
  if (phrase !== undefined) result.phrase = phrase;
  return result;
}
