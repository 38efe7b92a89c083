import { actionKind, saysResolved } from './actions.ts';
import { type DialogSentence, wordCount } from './dialog.ts';
import { agentToThird, customerToThird, lowerFirst } from './person.ts';
import { scoreSentiment } from './sentiment.ts';

const OPENERS =
  /^(?:(?:so|hi|hello|hey|well|ok|okay|um|also|and|but|yes|yeah|no|guys|team|there|folks|just|again|wow|ugh|hmm|lol|omg|seriously|great|dear|morning|evening|afternoon|good)[\s,!.-]+)+/i;
// "when" and "where" open a question only with its mark: "when you charge £1.65 for three onions I
// don't expect…" is a complaint; so does an exclamation ("what a mess", "how annoying").
const ASK =
  /^(?!what an?\b|how (?:annoying|frustrating|disappointing|ridiculous|rude|embarrassing)\b)(?:what|why|how|who|which|can|could|would|will|do|does|did|is|are|am|should|may|any)\b/i;
const NEGATED =
  /\b(?:not|no|never|can't|cannot|won't|didn't|doesn't|isn't|wasn't|haven't|hasn't|don't)\b|n't\b/i;
const GREETING =
  /^(?:hi|hello|hey|good (?:morning|afternoon|evening)|thanks|thank you|sorry|we're sorry|we are sorry|i'm sorry)\b/i;

/** Strips discourse openers ("So", "Hi team,") and the final full stop. */
export function trimSentence(text: string): string {
  return text
    .replace(OPENERS, '')
    .replace(/[\s.!:;,>\-–]+$/, '')
    .trim();
}

/** The customer's problem: the first substantive customer sentences, up to about `maxWords`. */
export function problemSentences(sentences: readonly DialogSentence[], maxWords = 30): DialogSentence[] {
  const chosen: DialogSentence[] = [];
  let words = 0;
  for (const s of sentences) {
    if (s.role !== 'customer' || s.filler || wordCount(trimSentence(s.text)) < 3) continue;
    if (chosen.length > 0 && (s.roleTurn > 1 || words + wordCount(s.text) > maxWords)) break;
    chosen.push(s);
    words += wordCount(s.text);
  }
  return chosen;
}

/** Cuts a long sentence at the last clause boundary before `maxWords` words. */
export function shorten(text: string, maxWords: number): string {
  const words = text.split(/\s+/);
  if (words.length <= maxWords) return text;
  const head = words.slice(0, maxWords).join(' ');
  const cut = Math.max(
    head.lastIndexOf(','),
    head.lastIndexOf(';'),
    head.lastIndexOf(' - '),
    head.lastIndexOf(' and '),
    head.lastIndexOf(' but '),
  );
  return (cut > head.length / 2 ? head.slice(0, cut) : head).trim();
}

/** "Customer is complaining that their card was declined." */
export function customerClause(problem: readonly DialogSentence[]): string {
  if (problem.length === 0) return '';
  const parts = problem.map((s) => shorten(customerToThird(trimSentence(s.text)), 35));
  const first = parts[0];
  // A support message reports a problem unless it reads as plainly positive (praise, thanks).
  const complaint = problem.some((s) => NEGATED.test(s.text) || scoreSentiment(s.text).score <= 0.2);
  const lead =
    ASK.test(first) || problem[0].text.trim().endsWith('?')
      ? 'Customer is asking'
      : complaint
        ? 'Customer is complaining that'
        : 'Customer says that';
  const body = [first, ...parts.slice(1)].map((p) => lowerFirst(p.replace(/[?!.\s]+$/, ''))).join(' and ');
  return `${lead} ${body}.`;
}

/** The agent sentence that best says what was done or asked, if any. */
export function agentActionSentence(sentences: readonly DialogSentence[]): DialogSentence | undefined {
  const agents = sentences.filter((s) => s.role !== 'customer' && !s.filler);
  const rank: Record<string, number> = { done: 0, channel: 1, instruction: 2, promise: 3 };
  let best: DialogSentence | undefined;
  let bestRank = 9;
  for (const s of agents) {
    const kind = actionKind(s.text);
    const r = kind === undefined ? 9 : rank[kind];
    if (r < bestRank || (r === bestRank && r < 9)) {
      best = s;
      bestRank = r;
    }
  }
  return best ?? agents.find((s) => !GREETING.test(s.text)) ?? agents[0];
}

const IMPERATIVE =
  /^(?:try|restart|reboot|reinstall|install|update|clear|log|sign|turn|power|reset|check|make sure|go|visit|navigate|open|contact|call|send|select|tap|click|delete|remove|uninstall|unpair|force|disable|enable|switch|connect|follow|use|refer|head|keep|see|take|dm|tweet|reach|give|email|chat|move|let us know|confirm|provide|share|look|drop|shoot|pop)\b/i;

const THANKS = /^(?:thanks|thank you|sorry|apologies)\b[^,.!;]*[,.!;]\s*(?=\S)/i;

/** "Agent asked the customer to DM their order number." */
export function agentClause(sentence: DialogSentence | undefined): string {
  if (!sentence) return '';
  const said = trimSentence(sentence.text);
  const rest = said.replace(THANKS, '');
  // Nothing but thanks or an apology before a name ("Apologies for the delay, Andi"): say so.
  if (rest !== said && /^[A-Z][\p{L}'-]*(?:\s+[A-Z][\p{L}'-]*)?[.!]?$/u.test(rest))
    return courtesyClause(said);
  const body = shorten(agentToThird(rest), 30)
    .replace(/^(?:please|pls|kindly|let's|let us|feel free to|be sure to)\s+/i, '')
    .replace(/^(?:can|could|would|will) they (?:please )?/i, '')
    .replace(/\?+$/, '');
  const tried = body.match(/^(?:have|did) they (tried|try)\b(.*)$/i);
  if (tried)
    return `Agent asked if they ${tried[1].toLowerCase() === 'try' ? 'tried' : 'have tried'}${tried[2]}.`;
  if (IMPERATIVE.test(body)) return `Agent asked the customer to ${lowerFirst(body)}.`;
  return `Agent said that ${lowerFirst(body)}.`;
}

/** "Agent apologised for the delay to their journey." or "Agent thanked the customer." */
function courtesyClause(said: string): string {
  const apology = said.match(/^(?:sorry|apologies)\s+(?:again\s+)?(for\s+[^,.!;]+)/i);
  if (apology) return `Agent apologised ${shorten(agentToThird(apology[1]!), 20)}.`;
  return /^(?:sorry|apologies)\b/i.test(said) ? 'Agent apologised.' : 'Agent thanked the customer.';
}

/** Where the case stands, when the customer's last message says so. */
export function statusClause(sentences: readonly DialogSentence[]): string {
  const customer = sentences.filter((s) => s.role === 'customer');
  const lastTurn = customer.at(-1)?.turn;
  if (customer.some((s) => s.turn === lastTurn && saysResolved(s.text)))
    return 'Customer confirmed the issue is resolved.';
  return '';
}
