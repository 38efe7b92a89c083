import { describe, expect, it } from 'vitest';
import { emotionFromScore, emotionLevel } from './emotion.ts';

describe('emotionFromScore', () => {
  it('maps scores to the four levels', () => {
    expect(emotionFromScore(0.6)).toBe('calm');
    expect(emotionFromScore(0)).toBe('calm');
    expect(emotionFromScore(-0.3)).toBe('concerned');
    expect(emotionFromScore(-0.6)).toBe('frustrated');
    expect(emotionFromScore(-0.9)).toBe('angry');
  });
});

describe('emotionLevel', () => {
  it('is calm with no messages', () => {
    expect(emotionLevel([])).toBe('calm');
  });

  it('follows the latest messages', () => {
    expect(emotionLevel([-0.8, -0.2, 0.5, 0.6])).toBe('calm');
    expect(emotionLevel([0.2, 0.1, -0.9])).toBe('frustrated');
  });

  it('is angry when the customer ends furious', () => {
    expect(emotionLevel([-0.9, -0.95])).toBe('angry');
  });

  it('is at least frustrated after three clearly negative messages', () => {
    expect(emotionLevel([-0.5, -0.5, -0.5, 0, 0])).toBe('frustrated');
  });
});
