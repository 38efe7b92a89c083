import { describe, expect, it } from 'vitest';
import { dayBreaks, dayLabel } from '../../web/src/cases/message-days.ts';

const at = (y: number, m: number, d: number, h: number) => new Date(y, m - 1, d, h).toISOString();
const now = new Date(2026, 11, 7, 23, 30).getTime(); // Monday 7 December 2026, local time

describe('the days of a conversation', () => {
  it('names today, yesterday, and other days with the year only when it is not this one', () => {
    expect(dayLabel(Date.parse(at(2026, 12, 7, 9)), now)).toBe('Today');
    expect(dayLabel(Date.parse(at(2026, 12, 6, 22)), now)).toBe('Yesterday');
    expect(dayLabel(Date.parse(at(2026, 12, 3, 10)), now)).toMatch(/Thursday/);
    expect(dayLabel(Date.parse(at(2026, 12, 3, 10)), now)).not.toMatch(/2026/);
    expect(dayLabel(Date.parse(at(2025, 12, 3, 10)), now)).toMatch(/2025/);
  });

  it('puts a day above the first message and wherever the day changes, nowhere else', () => {
    const breaks = dayBreaks(
      [at(2026, 12, 3, 10), at(2026, 12, 3, 11), at(2026, 12, 7, 23), at(2026, 12, 7, 23)],
      now,
    );
    expect(breaks.map((b) => b !== null)).toEqual([true, false, true, false]);
    expect(breaks[2]).toBe('Today');
    expect(dayBreaks([], now)).toEqual([]);
  });
});
