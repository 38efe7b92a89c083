import { describe, expect, it } from 'vitest';
import { dialogSentences, wordCount } from './dialog.ts';

describe('dialogSentences', () => {
  it('cleans turns, splits sentences, and counts turns per role', () => {
    const out = dialogSentences([
      { role: 'customer', text: '@shop Hi! My order is late. https://t.co/x' },
      { role: 'agent', text: '@cust Sorry! Checking now. ^KB' },
      { role: 'customer', text: '@shop   ' },
      { role: 'customer', text: '@shop Thanks.' },
    ]);
    expect(out.map((s) => [s.turn, s.role, s.roleTurn, s.index, s.text, s.filler])).toEqual([
      [0, 'customer', 0, 0, 'Hi!', true],
      [0, 'customer', 0, 1, 'My order is late.', false],
      [1, 'agent', 0, 0, 'Sorry!', false],
      [1, 'agent', 0, 1, 'Checking now.', false],
      [3, 'customer', 1, 0, 'Thanks.', true],
    ]);
  });

  it('counts words, not punctuation', () => {
    expect(wordCount('My order - #42 - is late !')).toBe(5);
  });
});
