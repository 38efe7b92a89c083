import { cleanText, isFiller } from './clean.ts';
import { splitSentences } from './nlp.ts';

export type Role = 'customer' | 'agent' | 'bot';

export interface Turn {
  role: Role;
  text: string;
}

/** One cleaned sentence of a conversation, with where it stands. */
export interface DialogSentence {
  /** index of its turn */
  turn: number;
  role: Role;
  text: string;
  /** 0 for the role's first turn, 1 for its second, ... */
  roleTurn: number;
  /** position inside its turn */
  index: number;
  filler: boolean;
}

/** A message cut short and carried on in the next: a thread counter ("1/2") or ">>" at its end. */
const CONTINUED = /(?:\b\d\/\d|>>|&gt;&gt;|\.\.\.|…)\s*(?:\^\w+)?\s*$/;
/** A message that carries on the one before: it opens lower-case or with ">>" or its counter. */
const CONTINUES = /^\s*(?:@\w+\s+)*(?:>>|&gt;&gt;|\d\/\d\s|\.\.\.|…|[a-z])/;

/**
 * The turns with each message that was cut in two (a tweet's "1/2 … 2/2", a chat line sent in
 * pieces) joined to its first part, so that the sentence it splits reads whole.
 */
function joinedTurns(turns: readonly Turn[]): { turn: Turn; at: number }[] {
  const out: { turn: Turn; at: number }[] = [];
  turns.forEach((turn, at) => {
    const last = out.at(-1);
    if (last && last.turn.role === turn.role && CONTINUED.test(last.turn.text) && CONTINUES.test(turn.text)) {
      const head = last.turn.text.replace(CONTINUED, '');
      const tail = turn.text.replace(/^\s*(?:@\w+\s+)*(?:>>|&gt;&gt;|\d\/\d\s|\.\.\.|…)?/, '');
      last.turn = { role: turn.role, text: `${head.trimEnd()} ${tail.trimStart()}` };
    } else out.push({ turn, at });
  });
  return out;
}

/** The cleaned sentences of a conversation, in order. */
export function dialogSentences(turns: readonly Turn[]): DialogSentence[] {
  const seen: Record<Role, number> = { customer: 0, agent: 0, bot: 0 };
  const out: DialogSentence[] = [];
  for (const { turn, at: t } of joinedTurns(turns)) {
    const clean = cleanText(turn.text);
    if (clean === '') continue;
    const roleTurn = seen[turn.role]++;
    splitSentences(clean).forEach((text, index) => {
      out.push({ turn: t, role: turn.role, text, roleTurn, index, filler: isFiller(text) });
    });
  }
  return out;
}

/** Word count of a sentence. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
