import { describe, expect, it } from 'vitest';
import { weekName, weekParts, weekTick } from '../../web/src/analytics/figures.ts';
import { dayOf, signalWord, weekWords } from '../../web/src/reviews/review-words.ts';

describe('weeks and days as a review meeting reads them', () => {
  it('names ISO weeks in words, and leaves what is not one as it is', () => {
    expect(weekParts('2026-W09')).toEqual({ year: 2026, week: 9 });
    expect(weekTick('2026-W42')).toBe('W42');
    expect(weekName('2026-W42')).toBe('Week 42, 2026');
    expect(weekWords('2026-W49')).toBe('week 49 of 2026');
    expect(weekName('last week')).toBe('last week');
    expect(weekParts('2026-42')).toBeNull();
  });

  it('reads a calendar day as the same day in any zone, and signals in words', () => {
    expect(dayOf('2026-11-30')).toMatch(/30/);
    expect(dayOf('2026-11-30')).not.toMatch(/2026-11-30/);
    expect(signalWord('repeat_explanation')).toBe('customer explained again');
    expect(signalWord('something_new')).toBe('something new');
  });
});
