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

/** The cleaned sentences of a conversation, in order. */
export function dialogSentences(turns: readonly Turn[]): DialogSentence[] {
  const seen: Record<Role, number> = { customer: 0, agent: 0, bot: 0 };
  const out: DialogSentence[] = [];
  turns.forEach((turn, t) => {
    const clean = cleanText(turn.text);
    if (clean === '') return;
    const roleTurn = seen[turn.role]++;
    splitSentences(clean).forEach((text, index) => {
      out.push({ turn: t, role: turn.role, text, roleTurn, index, filler: isFiller(text) });
    });
  });
  return out;
}

/** Word count of a sentence. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
