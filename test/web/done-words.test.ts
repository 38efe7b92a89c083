import { describe, expect, it } from 'vitest';
import { doneWords } from '../../web/src/queue/done-words.ts';

describe('what the queue says after an action', () => {
  const owner = { name: 'Amara Okafor' };
  it('names the new state and the case', () => {
    expect(doneWords({ state: 'accepted', owner }, '“Charged twice”', 'accept')).toBe(
      'Accepted “Charged twice”: it is yours now.',
    );
    expect(doneWords({ state: 'resolved', owner }, '“Charged twice”', 'resolve')).toBe(
      'Resolved “Charged twice”.',
    );
    expect(doneWords({ state: 'bounced', owner }, '“Charged twice”', 'bounce')).toBe(
      'Bounced “Charged twice” back to Amara Okafor.',
    );
    expect(doneWords({ state: 'sent', owner }, '“Charged twice”', 'reassign')).toBe(
      'Reassigned “Charged twice” to Amara Okafor.',
    );
  });
});
