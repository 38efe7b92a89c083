import { describe, expect, it } from 'vitest';
import { tokenize } from './nlp.ts';
import { valenceOf } from './valence.ts';

const v = (text: string) => valenceOf(tokenize(text));

describe('valenceOf', () => {
  it('matches support phrases before single words', () => {
    expect(v('still waiting').sum).toBe(-3);
    expect(v('thank you').sum).toBe(3);
  });

  it('flips negated words within the clause only', () => {
    expect(v('not helpful').sum).toBeLessThan(0);
    expect(v('not sure, but helpful').sum).toBeGreaterThan(0);
  });

  it('splits strong words out of hashtags', () => {
    expect(v('#airlinefail').sum).toBeLessThan(0);
  });

  it('reads "#nothappy" and "#dobetter" as their phrases', () => {
    expect(v('#nothappy').sum).toBeLessThan(0);
    expect(v('#dobetter').sum).toBeLessThan(0);
    expect(v('#happy').sum).toBeGreaterThan(0);
  });

  it('counts a failed action without a feeling word, and only actions that should have worked', () => {
    expect(v("it won't load").negative).toBeLessThan(0);
    expect(v("the parcel didn't arrive").negative).toBeLessThan(0);
    expect(v("I don't live there").negative).toBe(0);
    expect(v("I can't say").negative).toBe(0);
    // the object of a failed action is not negated back into praise
    expect(v("can't get back lost time").positive).toBe(0);
  });

  it('turns ironic praise against the message and keeps honest praise', () => {
    expect(v('thanks for not responding').positive).toBe(0);
    expect(v('thanks for the quick reply').positive).toBeGreaterThan(0);
    expect(v('great, another delay').positive).toBe(0);
    expect(v('great agent, terrible wait').positive).toBeGreaterThan(0);
  });

  it('weighs a thanks that closes a request less than one that stands alone', () => {
    expect(v('can you resend the invoice? thanks').positive).toBeLessThan(v('thanks').positive);
  });

  it('reads stretched words as the word', () => {
    expect(v('soooo bad').sum).toBe(v('so bad').sum);
    expect(v('loooove it').sum).toBe(v('love it').sum);
  });

  it('counts punctuation, shouting and questions', () => {
    const out = v('WHERE IS MY PARCEL??');
    expect(out.questions).toBe(2);
    expect(out.shouted).toBeGreaterThan(0);
    expect(out.isQuestion).toBe(true);
    expect(v('Great!!!').exclamations).toBe(3);
  });

  it('separates positive and negative evidence', () => {
    const out = v('great agent, terrible wait');
    expect(out.positive).toBeGreaterThan(0);
    expect(out.negative).toBeLessThan(0);
    expect(out.evidence).toBeCloseTo(out.positive - out.negative);
  });
});
