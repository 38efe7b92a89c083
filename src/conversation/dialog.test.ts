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

  it('joins a message cut in two (a thread counter, ">>") so its sentence reads whole', () => {
    const out = dialogSentences([
      { role: 'customer', text: '@ba My flight is delayed.' },
      { role: 'agent', text: '@neil Our colleagues at Heathrow will 1/2' },
      { role: 'agent', text: '@neil be able to rebook you when you arrive. ^Kev 2/2' },
      { role: 'agent', text: '@neil Flight changes carry a fee plus >>' },
      { role: 'agent', text: '@neil >>the fare difference.' },
      { role: 'agent', text: '@neil Anything else?' },
    ]);
    expect(out.filter((s) => s.role === 'agent').map((s) => [s.turn, s.roleTurn, s.text])).toEqual([
      [1, 0, 'Our colleagues at Heathrow will be able to rebook you when you arrive.'],
      [3, 1, 'Flight changes carry a fee plus the fare difference.'],
      [5, 2, 'Anything else?'],
    ]);
  });

  it('counts words, not punctuation', () => {
    expect(wordCount('My order - #42 - is late !')).toBe(5);
  });
});
