import { describe, expect, it } from 'vitest';
import { count, duration } from './stats.ts';

describe('the audit’s numbers in words', () => {
  it('groups thousands and keeps at most one decimal', () => {
    expect(count(11839)).toBe('11,839');
    expect(count(21422.64)).toBe('21,422.6');
    expect(count(3)).toBe('3');
  });

  it('reads a duration in the unit that fits it', () => {
    expect(duration(0.5)).toBe('30 min');
    expect(duration(5.25)).toBe('5.3 h');
    expect(duration(70)).toBe('2.9 days');
    expect(duration(null)).toBe('n/a');
  });

  it('reads two durations side by side in one unit, the longer one’s', () => {
    expect([duration(70, 70), duration(48, 70)]).toEqual(['2.9 days', '2 days']);
    expect([duration(30, 30), duration(0.5, 30)]).toEqual(['30 h', '0.5 h']);
  });
});
