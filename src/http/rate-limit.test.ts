import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLimiter } from './rate-limit.ts';

describe('token-bucket limiter', () => {
  it('allows a burst of `limit`, then refuses with the seconds until one token is back', () => {
    const l = createLimiter({ limit: 3, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) {
      expect(l.check('a', 0)).toEqual({ allowed: true });
      l.hit('a', 0);
    }
    expect(l.check('a', 0)).toEqual({ allowed: false, retryAfterS: 20 });
    expect(l.check('a', 19_000)).toEqual({ allowed: false, retryAfterS: 1 });
    expect(l.check('a', 20_000)).toEqual({ allowed: true });
  });

  it('keeps keys apart and forgets a key on reset', () => {
    const l = createLimiter({ limit: 1, windowMs: 1000 });
    l.hit('a', 0);
    expect(l.check('a', 0).allowed).toBe(false);
    expect(l.check('b', 0).allowed).toBe(true);
    l.reset('a');
    expect(l.check('a', 0).allowed).toBe(true);
  });

  it('is off with limit 0', () => {
    const l = createLimiter({ limit: 0, windowMs: 1000 });
    for (let i = 0; i < 100; i++) l.hit('a', 0);
    expect(l.check('a', 0)).toEqual({ allowed: true });
  });

  it('never lets more than limit + elapsed/window*limit events through', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 200 }),
        (limit, gaps) => {
          const windowMs = 10_000;
          const l = createLimiter({ limit, windowMs });
          let now = 0;
          let passed = 0;
          for (const gap of gaps) {
            now += gap;
            const v = l.check('k', now);
            if (v.allowed) {
              passed++;
              l.hit('k', now);
            } else expect(v.retryAfterS).toBeGreaterThanOrEqual(1);
          }
          expect(passed).toBeLessThanOrEqual(limit + Math.floor((now / windowMs) * limit) + 1);
        },
      ),
    );
  });

  it('stays bounded under many keys', () => {
    const l = createLimiter({ limit: 2, windowMs: 1000, maxKeys: 100 });
    for (let i = 0; i < 10_000; i++) l.hit(`k${i}`, i);
    // The newest key is still counted after the pruning.
    l.hit('k9999', 9999);
    expect(l.check('k9999', 9999).allowed).toBe(false);
  });
});
