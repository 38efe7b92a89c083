// Rewrites first- and second-person sentences in the third person, for summaries that read
// "Customer says their card was declined" rather than "my card was declined". The customer's "you"
// is the organisation, and a packet is written by the team for the team: "your plumber" becomes "our
// plumber", "you charged me twice" "we charged them twice".

type Rule = [RegExp, string];

/** The rules that tell "I", "my", "me" as another person: the customer ("they"), or the team ("we"). */
function firstPersonAs(p: { I: string; my: string; mine: string; me: string; myself: string }): Rule[] {
  return [
    [/\bI'm\b/gi, `${p.I} are`],
    [/\bI am\b/g, `${p.I} are`],
    [/\bI've\b/gi, `${p.I} have`],
    [/\bI'd\b/gi, `${p.I} would`],
    [/\bI'll\b/gi, `${p.I} will`],
    [/\bI was\b/g, `${p.I} were`],
    [/\bi m\b/g, `${p.I} are`],
    [/\bim\b/g, `${p.I} are`],
    [/\bive\b/g, `${p.I} have`],
    [/\bI\b/g, p.I],
    [/(^|[\s,;(])i(?=[\s,;)]|$)/g, `$1${p.I}`],
    [/\bmyself\b/gi, p.myself],
    [/\bmy\b/gi, p.my],
    [/\bmine\b/gi, p.mine],
    [/\bme\b/gi, p.me],
  ];
}

/** "you're", "you've", "you'll", "you'd" (or the same of "we") told with another subject. */
function contractionsAs(word: 'you' | 'we', subject: string): Rule[] {
  return (
    [
      ['re', 'are'],
      ['ve', 'have'],
      ['ll', 'will'],
      ['d', 'would'],
    ] as const
  ).map(([ending, verb]): Rule => [new RegExp(`\\b${word}'${ending}\\b`, 'gi'), `${subject} ${verb}`]);
}

/** The customer's own "we" (their household, their business) is "they" too; "we" is the team's. */
const CUSTOMER: Rule[] = [
  ...firstPersonAs({ I: 'they', my: 'their', mine: 'theirs', me: 'them', myself: 'themselves' }),
  ...contractionsAs('we', 'they'),
  [/\bwe\b/gi, 'they'],
  [/\bourselves\b/gi, 'themselves'],
  [/\bours\b/gi, 'theirs'],
  [/\bour\b/gi, 'their'],
  [/\bus\b/g, 'them'],
];
/** An agent speaks for the team: "I'll move you to chat" is "we will move them to chat". */
const TEAM = firstPersonAs({ I: 'we', my: 'our', mine: 'ours', me: 'us', myself: 'ourselves' });

const SUBJECT_FOLLOWERS =
  /^(?:are|have|can|could|will|would|should|need|may|might|do|did|don't|didn't|were|was|want|got|get|still|also|already|just|please|tried|try|received|see|know|think|feel|mean|had|must|used)\b/i;

const INVERTED =
  /^(?:can|could|would|will|do|did|have|are|were|should|if|when|once|and|so|that|as|but|because|since|until|unless|though|although|or)$/i;
/**
 * What a customer says the organisation did, after "you", makes "you" the subject: "you charged me".
 * A list, not any word in -ed: in "we sent you detailed instructions" the "you" is the object.
 */
const PAST =
  /^(?:charged|cancell?ed|promised|said|told|sent|took|gave|made|kept|changed|booked|lost|broke|missed|ignored|closed|refunded|billed|delivered|never|always|keep|keeps)\b/i;

const AGENT: Rule[] = [
  ...contractionsAs('you', 'they'),
  [/\byourself\b/gi, 'themselves'],
  [/\byours\b/gi, 'theirs'],
  [/\byour\b/gi, 'their'],
];

/** The customer's words for the organisation, as the team says them. */
const ORGANISATION: Rule[] = [
  [/\byou guys\b/gi, 'we'],
  ...contractionsAs('you', 'we'),
  [/\byourselves\b/gi, 'ourselves'],
  [/\byourself\b/gi, 'ourselves'],
  [/\byours\b/gi, 'ours'],
  [/\byour\b/gi, 'our'],
];

function apply(text: string, rules: Rule[]): string {
  let out = text.replace(/[’‘]/g, "'");
  for (const [pattern, replacement] of rules) out = out.replace(pattern, replacement);
  return out;
}

/** Each bare "you": the subject of what follows ("you can") or its object ("help you"). */
function replaceYou(text: string, subject: string, object: string): string {
  return text.replace(
    /(\b\w+\s+)?\byou\b(\s*)(\S+)?/gi,
    (_match, before: string | undefined, space: string, next: string | undefined) => {
      const prefix = before ?? '';
      // No word before it: "you" opens the sentence or a clause ("ok, you can"), so it is the subject.
      const isSubject =
        before === undefined ||
        INVERTED.test(prefix.trim()) ||
        (next !== undefined && (SUBJECT_FOLLOWERS.test(next) || PAST.test(next)));
      return `${prefix}${isSubject ? subject : object}${space}${next ?? ''}`;
    },
  );
}

const PLURAL: Record<string, string> = {
  is: 'are',
  was: 'were',
  has: 'have',
  does: 'do',
  "doesn't": "don't",
  "isn't": "aren't",
  "wasn't": "weren't",
  "hasn't": "haven't",
};
/** "they is" and "we was", left by the rules above, agree again. */
const plural = (text: string) =>
  text.replace(
    /\b(they|we) (is|was|has|does|doesn't|isn't|wasn't|hasn't)\b/g,
    (_, who: string, verb: string) => `${who} ${PLURAL[verb] ?? verb}`,
  );

/** "thank you", "thanks", "thanks for…": the customer thanking, which stays as said. */
const THANKS = /\bthank(?:s|\s+you)\b/i;

/** Where a sentence turns to another clause; kept by `split` (odd places) so the joins read as before. */
const CLAUSE_BREAK = /(,?\s+(?:but|however|although|though)\b\s*|;\s+)/i;

/** A customer's sentence told about the customer: "my card" -> "their card". */
export function customerToThird(text: string): string {
  const customer = apply(text, CUSTOMER);
  // "Thank you for your help" stays as said: turned round it would thank the team. Only the clause
  // that thanks does: in "Thank you, but your engineer never came" the engineer is still ours.
  const told = customer
    .split(CLAUSE_BREAK)
    .map((clause, i) =>
      i % 2 === 1 || THANKS.test(clause) ? clause : replaceYou(apply(clause, ORGANISATION), 'we', 'us'),
    )
    .join('');
  return plural(told);
}

/** An agent's sentence told about the customer: "your order" -> "their order", "you can" -> "they can". */
export function agentToThird(text: string): string {
  return plural(replaceYou(apply(apply(text, AGENT), TEAM), 'they', 'them'));
}

/** Lower-cases the first letter unless the first word is an acronym or "I". */
export function lowerFirst(text: string): string {
  if (/^(?:[A-Z]{2,}|I)\b/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}
