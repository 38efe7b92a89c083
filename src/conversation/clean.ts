/** Entities that helpdesk and Twitter exports leave in text. */
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

const LINK_AFTER_POINTER =
  /\b(at|on|via|from|visit|see|check|follow|use|using|through|into|to)\s+(?:https?:\/\/\S+|www\.\S+)/gi;

/**
 * Cleans a support message for reading and summarising: removes @handles, links, agent signatures
 * (`^JD`, `-Anna`, `*TS`), thread counters (`1/2`), HTML entities and extra spaces.
 */
export function cleanText(text: string): string {
  return (
    text
      .replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e)
      // a link the sentence points at ("fares at <link> plus…", "visit <link>") is said as "the link",
      // so the words around it still read; any other link goes
      .replace(LINK_AFTER_POINTER, '$1 the link')
      .replace(/\bhttps?:\/\/\S+|\bwww\.\S+/gi, ' ')
      // a thread counter after the signature ("^Kev 2/2") goes first, so the signature ends the message
      .replace(/\s+\(?\d\/\d\)?\s*$/u, '')
      // signatures: "^JD", "-Anna", "~MK", "*TS" at the end of a message
      .replace(/\s*(?:\^|\*|~)\s?[A-Z][A-Za-z]{0,3}\s*$/u, '')
      .replace(/\s+[-–]\s?[A-Z][a-z]{1,12}\s*$/u, '')
      .replace(/([.!?])\s+[A-Z][a-z]{1,12}\.?\s*$/u, '$1')
      .replace(/\s*\^[A-Z]{1,4}\b/g, ' ')
      .replace(/(?:^|\s)\(?\d\/\d\)?(?=\s|$)/g, ' ')
      // handles: drop them, and the "to" or "@" left dangling at the start
      .replace(/(?:^|\s)@\w+/g, ' ')
      .replace(/\s+([,.!?;:])/g, '$1')
      .replace(/^[\s,.:;-]+/, '')
      .replace(/\s{2,}/g, ' ')
      .trim()
  );
}

/** Whether a cleaned sentence says nothing worth summarising ("Hi!", "Thanks.", "ok"). */
export function isFiller(sentence: string): boolean {
  const words = sentence.toLowerCase().match(/[a-z0-9']+/g) ?? [];
  if (words.length === 0) return true;
  const filler = new Set(
    'hi hello hey there thanks thank you so much ok okay yes no yeah sure great cool please and the team again for that this'.split(
      ' ',
    ),
  );
  return words.length <= 4 && words.every((w) => filler.has(w));
}
