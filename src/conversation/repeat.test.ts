import { describe, expect, it } from 'vitest';
import { contentTerms, detectRepeat, repeatPhrase, restatement } from './repeat.ts';

const earlier = [
  'Hi, my order 48213 was supposed to arrive on Monday but it never came. The tracking has not moved since Friday.',
  'I also need the invoice for my company.',
];

describe('contentTerms', () => {
  it('keeps lemmas of content words only', () => {
    expect([...contentTerms('Hi, the parcels were delivered to the wrong address!')]).toEqual([
      'parcel',
      'deliver',
      'wrong',
      'address',
    ]);
  });
});

describe('restatement', () => {
  it('is 1 for the same terms and 0 for none shared', () => {
    expect(restatement(new Set(['a', 'b']), new Set(['a', 'b']))).toBe(1);
    expect(restatement(new Set(['a']), new Set(['b']))).toBe(0);
    expect(restatement(new Set(), new Set(['b']))).toBe(0);
  });
});

describe('detectRepeat', () => {
  it('flags a customer restating the problem after a handoff', () => {
    const result = detectRepeat(
      earlier,
      'Hello, order 48213 never arrived, it was supposed to come Monday and tracking has not moved since Friday.',
    );
    expect(result).toMatchObject({ repeated: true, of: 0 });
    expect(result.similarity).toBeGreaterThanOrEqual(0.5);
  });

  it('flags explicit phrases', () => {
    const result = detectRepeat(earlier, 'As I said, I need the invoice for my company.');
    expect(result).toMatchObject({ repeated: true, of: 1, phrase: 'as i said' });
    expect(detectRepeat([], 'For the third time: my card does not work')).toMatchObject({
      repeated: true,
      phrase: 'for the third time',
    });
    expect(detectRepeat([], 'I’ve already explained this to your colleague')).toMatchObject({
      repeated: true,
    });
  });

  it('does not flag a customer politely adding new information', () => {
    const result = detectRepeat(
      earlier,
      'Thanks! One more detail: the courier left a note saying they will try again Wednesday afternoon.',
    );
    expect(result.repeated).toBe(false);
    expect(result.of).toBeUndefined();
  });

  it('does not flag a short acknowledgement that happens to share words', () => {
    expect(detectRepeat(earlier, 'ok, the order').repeated).toBe(false);
  });

  it('does not flag an answer to the agent', () => {
    expect(detectRepeat(earlier, 'My postcode is 10115 and the phone number ends in 442.').repeated).toBe(
      false,
    );
  });
});

describe('repeatPhrase', () => {
  it('finds the phrase or nothing', () => {
    expect(repeatPhrase('How many times do I have to ask?')).toBe('how many times');
    expect(repeatPhrase('Again, my payment failed')).toBe('again, my');
    expect(repeatPhrase('Can you try again tomorrow?')).toBeUndefined();
  });
});
