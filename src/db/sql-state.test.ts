import { describe, expect, it } from 'vitest';
import { lockNotAvailable, sqlStateOf } from './sql-state.ts';

describe('sqlStateOf', () => {
  it("reads the driver's code, through the errors that wrap it", () => {
    expect(sqlStateOf({ code: '55P03' })).toBe('55P03');
    expect(sqlStateOf(new Error('Failed query', { cause: { code: '40P01' } }))).toBe('40P01');
    expect(lockNotAvailable({ message: 'x', cause: { cause: { code: '55P03' } } })).toBe(true);
  });

  it('is null for errors of no database, and for codes that are not SQLSTATEs', () => {
    expect(sqlStateOf(new Error('plain'))).toBeNull();
    expect(sqlStateOf({ code: 'ECONNREFUSED' })).toBeNull();
    expect(sqlStateOf(undefined)).toBeNull();
    expect(lockNotAvailable({ code: '23505' })).toBe(false);
  });
});
