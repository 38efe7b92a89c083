import { describe, expect, it } from 'vitest';
import { freshdeskRating, ratingComment, ratingTime, starRating, zendeskRating } from './vendor-rating.ts';

describe('helpdesk satisfaction ratings', () => {
  it("reads Zendesk's current rating text as good or bad, and offered or unoffered as no rating yet", () => {
    expect(
      ['Good', "Good, I'm satisfied", 'bad', "Bad, I'm unsatisfied", ' BAD '].map(zendeskRating),
    ).toEqual(['good', 'good', 'bad', 'bad', 'bad']);
    expect(['Offered', 'unoffered', '', '  '].map(zendeskRating)).toEqual([null, null, null, null]);
    // Neither a rating nor "not yet": unreadable, not guessed.
    expect(['Goodish', 'Gut', 'satisfied', '5'].map(zendeskRating)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
  it('reads whole stars from 1 to 5 only', () => {
    expect([1, 3, 5].map(starRating)).toEqual(['1', '3', '5']);
    expect([0, 6, 4.5, '4', null, undefined, Number.NaN].map(starRating)).toEqual(Array(7).fill(undefined));
  });
  it('keeps a comment trimmed, none when empty, at most as long as the API takes', () => {
    expect(ratingComment('  Quick and kind \n')).toBe('Quick and kind');
    expect(ratingComment('   ')).toBeUndefined();
    expect(ratingComment(undefined)).toBeUndefined();
    expect(ratingComment('x'.repeat(2500))).toHaveLength(2000);
  });

  it("reads Freshdesk's survey values as stars that keep its happy / neutral / unhappy split", () => {
    expect([103, 102, 101, 100, -101, -102, -103].map(freshdeskRating)).toEqual([
      '5',
      '4',
      '4',
      '3',
      '2',
      '2',
      '1',
    ]);
    expect(freshdeskRating('103')).toBe('5');
    for (const odd of [104, 0, 3, -100, '', 'happy', null, undefined, 101.5])
      expect(freshdeskRating(odd)).toBeUndefined();
  });

  it('reads a rating time a placeholder rendered, and nothing from a blank or unreadable one', () => {
    expect(ratingTime(' 2026-12-01T09:15:00+01:00 ')).toBe('2026-12-01T08:15:00.000Z');
    for (const odd of [undefined, '', '2026-12-01', 'yesterday', '2026-13-45T99:99:00Z'])
      expect(ratingTime(odd)).toBeUndefined();
  });
});
