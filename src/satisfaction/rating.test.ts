import { describe, expect, it } from 'vitest';
import { isSatisfied, newlyUnsatisfied, ratedHandoff, ratingInWords, worthTelling } from './rating.ts';

const at = (s: string) => new Date(s);

describe('satisfaction ratings', () => {
  it('counts 4 and 5 stars and good as satisfied, 3 stars and below and bad as not', () => {
    expect(['1', '2', '3', '4', '5', 'good', 'bad'].map((r) => isSatisfied(r as never))).toEqual([
      false,
      false,
      false,
      true,
      true,
      true,
      false,
    ]);
  });

  it('says a rating in words', () => {
    expect(ratingInWords('4')).toBe('4 of 5');
    expect(ratingInWords('bad')).toBe('bad');
  });

  it('attributes a rating to the last handoff sent before it, never a draft or a cancelled one', () => {
    const handoffs = [
      { id: 'h1', state: 'resolved', sentAt: at('2026-11-02T10:00:00Z') },
      { id: 'h2', state: 'bounced', sentAt: at('2026-11-03T10:00:00Z') },
      { id: 'h3', state: 'cancelled', sentAt: at('2026-11-03T11:00:00Z') },
      { id: 'h4', state: 'draft', sentAt: null },
      { id: 'h5', state: 'sent', sentAt: at('2026-11-05T10:00:00Z') },
    ];
    expect(ratedHandoff(handoffs, at('2026-11-04T00:00:00Z'))?.id).toBe('h2');
    expect(ratedHandoff(handoffs, at('2026-11-05T10:00:00Z'))?.id).toBe('h5');
    expect(ratedHandoff(handoffs, at('2026-11-01T00:00:00Z'))).toBeNull();
    expect(ratedHandoff([], at('2026-11-01T00:00:00Z'))).toBeNull();
  });
});

describe('newlyUnsatisfied: a rating worth telling the team about', () => {
  it('is an unhappy first rating, or unhappy after a happy one; never a happy one or the same complaint again', () => {
    expect(newlyUnsatisfied('2')).toBe(true);
    expect(newlyUnsatisfied('3')).toBe(true);
    expect(newlyUnsatisfied('bad', '5')).toBe(true);
    expect(newlyUnsatisfied('1', 'good')).toBe(true);
    expect(newlyUnsatisfied('bad', '2')).toBe(false);
    expect(newlyUnsatisfied('4')).toBe(false);
    expect(newlyUnsatisfied('good', 'bad')).toBe(false);
  });

  it('is told only while it is fresh: given at most a week before Baton learned of it', () => {
    const now = at('2026-12-10T10:00:00Z');
    expect(worthTelling('1', undefined, now, now)).toBe(true);
    expect(worthTelling('1', undefined, at('2026-12-03T10:00:00Z'), now)).toBe(true);
    expect(worthTelling('1', undefined, at('2026-12-03T09:59:59Z'), now)).toBe(false);
    expect(worthTelling('5', undefined, now, now)).toBe(false);
    expect(worthTelling('bad', '2', now, now)).toBe(false);
  });
});
