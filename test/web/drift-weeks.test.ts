import { describe, expect, it } from 'vitest';
import { weekOf } from '../../src/vocabulary/week.ts';
import { mondayOfWeek, weekDays, weekLabel, weeksUpTo } from '../../web/src/vocabulary/drift-weeks.ts';

describe('the drift week picker', () => {
  it("finds an ISO week's Monday, across year ends and 53-week years", () => {
    expect(new Date(mondayOfWeek('2026-W48')!).toISOString().slice(0, 10)).toBe('2026-11-23');
    expect(new Date(mondayOfWeek('2026-W01')!).toISOString().slice(0, 10)).toBe('2025-12-29');
    expect(new Date(mondayOfWeek('2026-W53')!).toISOString().slice(0, 10)).toBe('2026-12-28');
    expect(mondayOfWeek('2025-W53')).toBeNull();
    expect(mondayOfWeek('next week')).toBeNull();
  });

  it('counts back from the current week as the server does', () => {
    const weeks = weeksUpTo('2027-W02', 4);
    expect(weeks).toEqual(['2027-W02', '2027-W01', '2026-W53', '2026-W52']);
    for (const w of weeks) expect(weekOf(new Date(mondayOfWeek(w)!))).toBe(w);
  });

  it('names this week, last week, and the others by number and Monday', () => {
    expect(weekLabel('2026-W48', '2026-W48')).toBe('This week (2026-W48)');
    expect(weekLabel('2026-W47', '2026-W48')).toBe('Last week (2026-W47)');
    expect(weekLabel('2026-W46', '2026-W48')).toBe('Week 46, from 9 Nov (2026-W46)');
  });

  it("gives a week's days as calendar dates, whatever the browser's zone", () => {
    expect(weekDays('2026-W30')).toBe('Mon 20 Jul to Sun 26 Jul 2026');
    expect(weekDays('2026-W01')).toBe('Mon 29 Dec to Sun 4 Jan 2026');
  });
});
