// Rewrites first- and second-person sentences in the third person, for summaries that read
// "Customer says their card was declined" rather than "my card was declined".

type Rule = [RegExp, string];

const CUSTOMER: Rule[] = [
  [/\bI'm\b/gi, 'they are'],
  [/\bI am\b/g, 'they are'],
  [/\bI've\b/gi, 'they have'],
  [/\bI'd\b/gi, 'they would'],
  [/\bI'll\b/gi, 'they will'],
  [/\bI was\b/g, 'they were'],
  [/\bi m\b/g, 'they are'],
  [/\bim\b/g, 'they are'],
  [/\bive\b/g, 'they have'],
  [/\bI\b/g, 'they'],
  [/(^|[\s,;(])i(?=[\s,;)]|$)/g, '$1they'],
  [/\bmyself\b/gi, 'themselves'],
  [/\bmy\b/gi, 'their'],
  [/\bmine\b/gi, 'theirs'],
  [/\bme\b/gi, 'them'],
];

const SUBJECT_FOLLOWERS =
  /^(?:are|have|can|could|will|would|should|need|may|might|do|did|don't|didn't|were|was|want|got|get|still|also|already|just|please|tried|try|received|see|know|think|feel|mean|had|must|used)\b/i;

const INVERTED = /^(?:can|could|would|will|do|did|have|are|were|should|if|when|once|and|so|that|as)$/i;

const AGENT: Rule[] = [
  [/\byou're\b/gi, 'they are'],
  [/\byou've\b/gi, 'they have'],
  [/\byou'll\b/gi, 'they will'],
  [/\byou'd\b/gi, 'they would'],
  [/\byourself\b/gi, 'themselves'],
  [/\byours\b/gi, 'theirs'],
  [/\byour\b/gi, 'their'],
];

function apply(text: string, rules: Rule[]): string {
  let out = text.replace(/[’‘]/g, "'");
  for (const [pattern, replacement] of rules) out = out.replace(pattern, replacement);
  return out;
}

/** A customer's sentence told about the customer: "my card" -> "their card". */
export function customerToThird(text: string): string {
  return apply(text, CUSTOMER).replace(
    /\bthey (is|was|has|does|doesn't|isn't|wasn't|hasn't)\b/g,
    (_, verb: string) => {
      const plural: Record<string, string> = {
        is: 'are',
        was: 'were',
        has: 'have',
        does: 'do',
        "doesn't": "don't",
        "isn't": "aren't",
        "wasn't": "weren't",
        "hasn't": "haven't",
      };
      return `they ${plural[verb] ?? verb}`;
    },
  );
}

/** An agent's sentence told about the customer: "your order" -> "their order", "you can" -> "they can". */
export function agentToThird(text: string): string {
  const out = apply(text, AGENT);
  return out.replace(
    /(\b\w+\s+)?\byou\b(\s*)(\S+)?/gi,
    (_match, before: string | undefined, space: string, next: string | undefined) => {
      const prefix = before ?? '';
      const subject = INVERTED.test(prefix.trim()) || (next !== undefined && SUBJECT_FOLLOWERS.test(next));
      return `${prefix}${subject ? 'they' : 'them'}${space}${next ?? ''}`;
    },
  );
}

/** Lower-cases the first letter unless the first word is an acronym or "I". */
export function lowerFirst(text: string): string {
  if (/^(?:[A-Z]{2,}|I)\b/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}
