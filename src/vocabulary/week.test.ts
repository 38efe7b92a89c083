import { describe, expect, it } from 'vitest';
import { weekOf, weekRange, weeksBefore } from './week.ts';

describe('ISO weeks', () => {
  it('maps a week to its Monday-to-Monday range in the time zone', () => {
    expect(weekRange('2026-W48', 'Europe/London')).toEqual({
      week: '2026-W48',
      start: new Date('2026-11-23T00:00:00Z'),
      end: new Date('2026-11-30T00:00:00Z'),
    });
    expect(weekRange('2026-W48', 'Europe/Berlin')!.start.toISOString()).toBe('2026-11-22T23:00:00.000Z');
  });

  it('knows the week of an instant, across year ends', () => {
    expect(weekOf(new Date('2026-11-23T10:00:00Z'))).toBe('2026-W48');
    expect(weekOf(new Date('2027-01-01T10:00:00Z'))).toBe('2026-W53');
    expect(weekOf(new Date('2026-11-22T23:30:00Z'), 'Europe/Berlin')).toBe('2026-W48');
  });

  it('refuses weeks that do not exist', () => {
    expect(weekRange('2025-W53')).toBeNull();
    expect(weekRange('2026-W53')).not.toBeNull();
  });

  it('lists the weeks before', () => {
    expect(weeksBefore('2027-W01', 3)).toEqual(['2026-W53', '2026-W52', '2026-W51']);
  });
});
