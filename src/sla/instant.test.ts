import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from './instant.ts';

describe('parseInstant', () => {
  it.each([
    ['2026-03-02T09:00:00Z', '2026-03-02T09:00:00.000Z'],
    ['2026-03-02T09:00Z', '2026-03-02T09:00:00.000Z'],
    ['2026-03-02t09:00:00.5z', '2026-03-02T09:00:00.500Z'],
    ['2026-03-02 09:00:00+01:00', '2026-03-02T08:00:00.000Z'],
    ['2026-03-02T09:00:00.123456-05:30', '2026-03-02T14:30:00.123Z'],
    ['2026-03-02T09:00:00+0545', '2026-03-02T03:15:00.000Z'],
    ['2026-03-02T09:00:00+01', '2026-03-02T08:00:00.000Z'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'],
    ['1969-12-31T23:59:59.999Z', '1969-12-31T23:59:59.999Z'],
    ['0050-06-01T00:00:00Z', '0050-06-01T00:00:00.000Z'],
  ])('%s', (text, iso) => expect(new Date(parseInstant(text)).toISOString()).toBe(iso));

  it.each([
    '2026-03-02T09:00:00', // no offset: a local time, not an instant
    '2026-03-02',
    '2026-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-03-02T24:00:00Z',
    '2026-03-02T09:00:60Z',
    '2026-03-02T09:00:00+01:0',
    '2026-03-02T09:00:00.Z',
    '2026-03-02T09:00:00Zx',
    'yesterday',
  ])('rejects %s', (text) => expect(parseInstant(text)).toBeNaN());
});

describe('formatInstant', () => {
  it('writes UTC with Z, milliseconds only when present', () => {
    expect(formatInstant(Date.parse('2026-12-01T13:00:00Z'))).toBe('2026-12-01T13:00:00Z');
    expect(formatInstant(Date.parse('2026-12-01T13:00:00.05Z'))).toBe('2026-12-01T13:00:00.050Z');
    expect(formatInstant(-1)).toBe('1969-12-31T23:59:59.999Z');
  });
});
