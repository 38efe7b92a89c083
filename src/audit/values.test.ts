import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { known, parseBool, parseNumber, parseTime } from './values.ts';

describe('cell values', () => {
  it('treats empty cells and ? as unknown', () => {
    expect(known('?')).toBeNull();
    expect(known(' ? ')).toBeNull();
    expect(known('')).toBeNull();
    expect(known(null)).toBeNull();
    expect(known(' Group 5 ')).toBe('Group 5');
    expect(known(42)).toBe('42');
  });

  it('reads true/false in any case', () => {
    expect(parseBool('TRUE')).toBe(true);
    expect(parseBool('true')).toBe(true);
    expect(parseBool('False')).toBe(false);
    expect(parseBool('FALSE')).toBe(false);
    expect(parseBool(false)).toBe(false);
    expect(parseBool('?')).toBeNull();
    expect(parseBool('maybe')).toBeNull();
  });

  it('reads numbers, refusing text', () => {
    expect(parseNumber('10')).toBe(10);
    expect(parseNumber(' 2 ')).toBe(2);
    expect(parseNumber('?')).toBeNull();
    expect(parseNumber('x1')).toBeNull();
    expect(parseNumber(3)).toBe(3);
  });
});

describe('parseTime', () => {
  const utc = (s: string) => Date.parse(s);

  it('reads ServiceNow day-first dates in their usual spellings', () => {
    expect(parseTime('29-02-2016 01:16')).toBe(utc('2016-02-29T01:16:00Z'));
    expect(parseTime('29/2/2016 1:16')).toBe(utc('2016-02-29T01:16:00Z'));
    expect(parseTime('05.03.2016 12:00:30')).toBe(utc('2016-03-05T12:00:30Z'));
    expect(parseTime('5/3/2016 1:05 PM')).toBe(utc('2016-03-05T13:05:00Z'));
    expect(parseTime('5/3/2016')).toBe(utc('2016-03-05T00:00:00Z'));
  });

  it('reads a date month-first only when day-first is impossible', () => {
    expect(parseTime('2/29/2016 01:16')).toBe(utc('2016-02-29T01:16:00Z'));
    expect(parseTime('02-03-2016 09:47')).toBe(utc('2016-03-02T09:47:00Z'));
  });

  it('reads ISO 8601 and epoch numbers', () => {
    expect(parseTime('2024-05-01T10:00:00Z')).toBe(utc('2024-05-01T10:00:00Z'));
    expect(parseTime('2024-05-01T12:00:00+02:00')).toBe(utc('2024-05-01T10:00:00Z'));
    expect(parseTime('2024-05-01 10:00:00')).toBe(utc('2024-05-01T10:00:00Z'));
    expect(parseTime(1714557600)).toBe(utc('2024-05-01T10:00:00Z'));
    expect(parseTime('1714557600000')).toBe(utc('2024-05-01T10:00:00Z'));
  });

  it('reads every minute written day-first or as toISOString writes it back to the same instant', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1) / 60_000, max: Date.UTC(2060, 0, 1) / 60_000 }),
        (m) => {
          const d = new Date(m * 60_000);
          const dayFirst = `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
          expect(parseTime(dayFirst)).toBe(m * 60_000);
          expect(parseTime(dayFirst.replaceAll('-', '/'))).toBe(m * 60_000);
          expect(parseTime(d.toISOString())).toBe(m * 60_000);
          expect(parseTime(d.toISOString().replace('.000Z', 'Z'))).toBe(m * 60_000);
        },
      ),
    );
    expect(parseTime('12-31-2016 10:00')).toBe(utc('2016-12-31T10:00:00Z'));
    expect(parseTime('31-04-2016 10:00')).toBeNaN();
    expect(parseTime('00-04-2016 10:00')).toBeNaN();
  });

  it('gives NaN for unknown or impossible dates', () => {
    expect(parseTime('?')).toBeNaN();
    expect(parseTime('')).toBeNaN();
    expect(parseTime('31-02-2016 10:00')).toBeNaN();
    expect(parseTime('29-02-2016 25:00')).toBeNaN();
    expect(parseTime('yesterday')).toBeNaN();
  });
});
