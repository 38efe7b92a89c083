import { describe, expect, it } from 'vitest';
import { analyze, splitSentences, tokenize, words } from './nlp.ts';

describe('nlp', () => {
  it('splits sentences', () => {
    expect(splitSentences('My order never came. I waited two weeks! Can you help?')).toEqual([
      'My order never came.',
      'I waited two weeks!',
      'Can you help?',
    ]);
  });

  it('returns no sentence for blank text', () => {
    expect(splitSentences('   ')).toEqual([]);
  });

  it('tokenises with normal forms, lemmas and types', () => {
    const tokens = tokenize("@acme I haven't been refunded 😡 https://t.co/x");
    expect(tokens.map((t) => t.type)).toEqual([
      'mention',
      'word',
      'word',
      'word',
      'word',
      'word',
      'emoji',
      'url',
    ]);
    expect(tokens[3].normal).toBe('not');
    expect(tokens[5].lemma).toBe('refund');
  });

  it('lists words without stop words', () => {
    expect(words('The parcel was not delivered to my house', true)).toEqual(['parcel', 'delivered', 'house']);
  });

  it('exposes wink sentiment as one signal', () => {
    expect(analyze('This is great, thank you!').winkSentiment).toBeGreaterThan(0);
    expect(analyze('This is terrible and awful.').winkSentiment).toBeLessThan(0);
  });
});
