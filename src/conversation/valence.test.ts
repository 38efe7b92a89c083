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
