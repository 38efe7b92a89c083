import { describe, expect, it } from 'vitest';
import { idleExpired } from './session-idle.ts';

describe('idle sessions', () => {
  const seen = new Date('2026-12-05T09:00:00Z');
  const later = (min: number) => new Date(seen.getTime() + min * 60_000);

  it('ends a session idle past the limit, not one at it or one without a limit', () => {
    expect(idleExpired(seen, 30, later(30))).toBe(false);
    expect(idleExpired(seen, 30, later(30.01))).toBe(true);
    expect(idleExpired(seen, null, later(60 * 24 * 13))).toBe(false);
  });
});
