import { describe, expect, it } from 'vitest';
import { detectRepeats } from './repeats-after.ts';

describe('repeated explanations after a handoff', () => {
  const before = [
    {
      id: 'm1',
      text: 'I was charged twice for my October invoice and I need the duplicate payment refunded.',
    },
  ];
  it('flags a customer explaining the same problem again', () => {
    const r = detectRepeats(before, [
      {
        id: 'm2',
        text: 'Again: I was charged twice for the October invoice, please refund the duplicate payment.',
      },
    ]);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ messageId: 'm2', of: 'm1' });
  });
  it('lets new information pass', () => {
    expect(
      detectRepeats(before, [{ id: 'm3', text: 'Thanks. My bank reference is 4471, if that helps.' }]),
    ).toEqual([]);
  });
  it('has nothing to compare without earlier messages', () => {
    expect(detectRepeats([], [{ id: 'm4', text: 'As I said, charged twice.' }])).toEqual([]);
  });
});
