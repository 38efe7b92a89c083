import { describe, expect, it } from 'vitest';
import { evenedOutWords, movesInWords, stayingInWords } from '../../web/src/supervisor/even-out-words.ts';

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
  it('says why what stays stays, per holder and reason', () => {
    const kenji = { id: 'k', name: 'Kenji Tanaka' };
    expect(
      stayingInWords([
        { holder: kenji, reason: 'skills', skills: ['mobile'] },
        { holder: tom, reason: 'nobody_free' },
        { holder: kenji, reason: 'skills', skills: ['api', 'mobile'] },
        { holder: priya, reason: 'limit' },
        { holder: priya, reason: 'limit' },
        { holder: priya, reason: 'kept' },
      ]),
    ).toEqual([
      '2 stay with Kenji Tanaka: nobody else with room knows api or mobile.',
      '1 stays with Tom Becker, away or off shift: nobody who can take work has room.',
      '1 kept with Priya Raman, as you chose.',
      '2 more could move: one run moves at most 100, so even out again afterwards.',
    ]);
    expect(stayingInWords([])).toEqual([]);
  });
});
