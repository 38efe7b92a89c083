import { describe, expect, it } from 'vitest';
import {
  isoWeek,
  localDate,
  PeriodError,
  parsePeriod,
  periodOf,
  previousWeekId,
  spanOf,
  weekIdOf,
} from './period.ts';

const at = (iso: string) => Date.parse(iso);

describe('periods', () => {
  it('reads dates as whole local days, the end date included', () => {
    expect(parsePeriod('2026-10-01/2026-10-31', 'Europe/London')).toEqual({
      from: at('2026-09-30T23:00:00Z'), // BST
      to: at('2026-11-01T00:00:00Z'), // GMT again
    });
    expect(parsePeriod('2026-11-01/2026-11-30', 'UTC')).toEqual({
      from: at('2026-11-01T00:00:00Z'),
      to: at('2026-12-01T00:00:00Z'),
    });
  });

  it('reads instants exactly', () => {
    expect(parsePeriod('2026-11-02T10:00:00Z/2026-11-02T12:00:00+01:00', 'Europe/London')).toEqual({
      from: at('2026-11-02T10:00:00Z'),
      to: at('2026-11-02T11:00:00Z'),
    });
  });

  it('refuses what it cannot read', () => {
    expect(() => parsePeriod('2026-10-01', 'UTC')).toThrow(PeriodError);
    expect(() => parsePeriod('2026-10-31/2026-10-01', 'UTC')).toThrow(/ends before it starts/);
    expect(() => parsePeriod('yesterday/today', 'UTC')).toThrow(/neither a date/);
  });

  it('defaults to the last 30 days', () => {
    const now = at('2026-11-30T12:00:00Z');
    expect(periodOf({}, 'UTC', now)).toEqual({ from: now - 30 * 86_400_000, to: now });
    expect(periodOf({ from: '2026-11-01' }, 'UTC', now)).toEqual({
      from: at('2026-11-01T00:00:00Z'),
      to: now,
    });
  });

  it('names the field at fault', () => {
    const now = at('2026-11-30T12:00:00Z');
    const fieldOf = (q: { from?: string; to?: string }) => {
      try {
        periodOf(q, 'UTC', now);
      } catch (error) {
        return (error as PeriodError).field;
      }
    };
    expect(fieldOf({ from: '2026-11-01', to: 'soon' })).toBe('to');
    expect(fieldOf({ from: 'then' })).toBe('from');
    expect(fieldOf({ from: '2026-12-01' })).toBe('from');
  });
});

describe('open spans', () => {
  it('reads only the ends given, dates as whole local days, and refuses crossed ends naming from', () => {
    expect(spanOf({}, 'Europe/Paris')).toEqual({ from: undefined, to: undefined });
    expect(spanOf({ from: '2026-03-01' }, 'Europe/Paris')).toEqual({
      from: at('2026-02-28T23:00:00Z'),
      to: undefined,
    });
    expect(spanOf({ to: '2026-03-01' }, 'Europe/Paris')).toEqual({
      from: undefined,
      to: at('2026-03-01T23:00:00Z'),
    });
    const fieldOf = (q: { from?: string; to?: string }) => {
      try {
        spanOf(q, 'UTC');
        return null;
      } catch (error) {
        return (error as PeriodError).field;
      }
    };
    expect(fieldOf({ from: '2026-03-02', to: '2026-03-01' })).toBe('from');
    expect(fieldOf({ to: 'soon' })).toBe('to');
    expect(fieldOf({ from: '2026-03-01', to: '2026-03-01' })).toBeNull();
  });
});

describe('ISO weeks', () => {
  it('spans Monday to Monday in the time zone', () => {
    const w = isoWeek('2026-W48', 'Europe/Berlin');
    expect(w.start).toBe(at('2026-11-22T23:00:00Z'));
    expect(w.end).toBe(at('2026-11-29T23:00:00Z'));
    expect(w.previous).toEqual({ id: '2026-W47', start: at('2026-11-15T23:00:00Z'), end: w.start });
  });

  it('crosses years as ISO weeks do', () => {
    const w = isoWeek('2027-W01', 'UTC');
    expect(new Date(w.start).toISOString()).toBe('2027-01-04T00:00:00.000Z');
    expect(w.previous.id).toBe('2026-W53');
    expect(() => isoWeek('2027-W53', 'UTC')).toThrow(PeriodError);
    expect(() => isoWeek('2026-48', 'UTC')).toThrow(PeriodError);
  });

  it('finds the week of an instant and the one before', () => {
    expect(weekIdOf(at('2026-11-29T22:59:00Z'), 'Europe/Berlin')).toBe('2026-W48');
    expect(weekIdOf(at('2026-11-29T23:00:00Z'), 'Europe/Berlin')).toBe('2026-W49');
    expect(previousWeekId(at('2026-11-30T08:00:00Z'), 'Europe/London')).toBe('2026-W48');
    expect(localDate(at('2026-11-29T23:30:00Z'), 'Europe/Berlin')).toBe('2026-11-30');
  });
});
