import { words } from './nlp.ts';
import { scoreSentiment } from './sentiment.ts';

// A customer's reply to a resolved case that only thanks ("Cheers, forwarded to the accountant.")
// leaves the case resolved: reopening on every thank-you is what agents most dislike about
// helpdesks that reopen on any reply. Anything that might be a new problem reopens: a question, a
// word of trouble or contrast, a negative sentiment, or more than a short note.

const THANKS =
  /\b(thanks?(?!\s+to\b)|thank\s*(you|u)|thx|ty|cheers|ta|appreciated?|grateful|brilliant|perfect|great|lovely|excellent|wonderful|awesome|fantastic|sorted|got it|all good|much obliged|gracias|merci|danke|grazie|obrigad[oa])\b/i;
const TROUBLE =
  /\b(not|no|never|nothing|still|again|another|without|but|however|though|although|yet|except|cannot|cant|wont|dont|doesnt|didnt|isnt|wasnt|hasnt|havent|problem|issue|wrong|broken|error|fail\w*|missing|miss(ed)?|los[te]\w*|complain\w*|urgent|asap|immediately|wait\w*|cancel\w*|please|pls|could|would|can|need\w*|want\w*|if|when|why|how|what|where|which)\b|n['’]t\b/i;
/** Courtesies that contain a word of trouble without raising any. */
const COURTESY = /\b(no (worries|problem|rush|bother)|not a problem|thanks? (you )?(once )?again)\b/gi;

/** The longest reply (in words) still read as a closing note rather than a new message. */
export const CLOSING_NOTE_MAX_WORDS = 20;

/** Whether a customer's message only thanks or acknowledges, and raises nothing new. */
export function isClosingThanks(text: string): boolean {
  const t = text.trim();
  if (!t || t.includes('?') || !THANKS.test(t) || TROUBLE.test(t.replace(COURTESY, ''))) return false;
  if (words(t).length > CLOSING_NOTE_MAX_WORDS) return false;
  return scoreSentiment(t).label !== 'negative';
}
