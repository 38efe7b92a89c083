import { describe, expect, it } from 'vitest';
import { EMOJI, INTENSIFIERS, LEXICON, NEGATORS, PHRASES } from './sentiment-lexicon.ts';

describe('sentiment lexicon', () => {
  it('keeps valences in [-4, 4]', () => {
    for (const [, v] of [...LEXICON, ...PHRASES, ...EMOJI]) {
      expect(Math.abs(v)).toBeLessThanOrEqual(4);
    }
  });

  it('holds support words', () => {
    expect(LEXICON.get('unacceptable')).toBeLessThan(-2);
    expect(LEXICON.get('ridiculous')).toBeLessThan(-2);
    expect(LEXICON.get('refund')).toBeLessThan(0);
    expect(LEXICON.get('thanks')).toBeGreaterThan(0);
    expect(NEGATORS.has('never')).toBe(true);
    expect(INTENSIFIERS.get('extremely')).toBeGreaterThan(1);
  });

  it('writes phrases in lower case, one space apart, each once', () => {
    const keys = PHRASES.map(([p]) => p);
    expect(new Set(keys).size).toBe(keys.length);
    for (const p of keys) expect(p).toMatch(/^[a-z0-9]+(?: [a-z0-9]+)+$/);
  });
});
