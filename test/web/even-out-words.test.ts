import { describe, expect, it } from 'vitest';
import { evenedOutWords, movesInWords } from '../../web/src/supervisor/even-out-words.ts';

const priya = { id: 'p1', name: 'Priya Raman' };
const tom = { id: 'p2', name: 'Tom Becker' };
const grace = { id: 'p3', name: 'Grace Liu' };

describe('an even-out in words', () => {
  it('groups the moves by giver and receiver, in the order they first come', () => {
    expect(
      movesInWords([
        { from: priya, to: tom },
        { from: priya, to: grace },
        { from: priya, to: tom },
        { from: priya, to: tom },
      ]),
    ).toBe('3 from Priya Raman to Tom Becker, 1 from Priya Raman to Grace Liu');
    expect(movesInWords([])).toBe('');
  });
  it('says what was moved, or that nothing needed to be', () => {
    expect(evenedOutWords(1, 'Finance')).toBe('Moved 1 waiting handoff in Finance.');
    expect(evenedOutWords(4, 'Finance')).toBe('Moved 4 waiting handoffs in Finance.');
    expect(evenedOutWords(0, 'Finance')).toBe('Nothing to move in Finance: its load was already even.');
  });
});
