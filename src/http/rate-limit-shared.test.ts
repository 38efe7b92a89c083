import { describe, expect, inject, it } from 'vitest';
import { type Database, postgresDatabase } from '../db/database.ts';
import { freshDatabase } from '../db/testing.ts';
import { createSharedLimiter } from './rate-limit-shared.ts';

/** Databases that cannot answer: a PostgreSQL port nobody listens on, and a closed PGlite. */
const unreachable: [string, () => Promise<Database>][] = [
  ['postgres, connection refused', async () => postgresDatabase('postgresql://baton@127.0.0.1:9/none', 1)],
  [
    'pglite, closed',
    async () => {
      const d = await freshDatabase('pglite', { pgliteDump: inject('pgliteDump'), postgresUrl: null });
      await d.close();
      return d;
    },
  ],
];

describe.each(unreachable)('a shared limit whose database is unreachable (%s)', (_, open) => {
  it('judges in this process instead of failing, and says so in the log', async () => {
    const database = await open();
    const warnings: unknown[] = [];
    const limiter = createSharedLimiter('login.account', { limit: 2, windowMs: 60_000 }, database, {
      warn: (obj: unknown) => void warnings.push(obj),
    });
    try {
      // An unblocked key is answered from memory: no statement, so nothing to fail.
      expect(await limiter.check('acct:a', 0)).toEqual({ allowed: true });
      expect(warnings).toEqual([]);

      expect(await limiter.take('acct:a', 0)).toEqual({ allowed: true });
      expect(await limiter.take('acct:a', 0)).toEqual({ allowed: true });
      expect(warnings).toHaveLength(2);
      expect(await limiter.take('acct:a', 0)).toEqual({ allowed: false, retryAfterS: 30 });
      expect(await limiter.check('acct:a', 10_000)).toEqual({ allowed: false, retryAfterS: 20 });
      expect(await limiter.check('acct:b', 10_000)).toEqual({ allowed: true });
      await limiter.reset('acct:a');
      expect(await limiter.check('acct:a', 10_000)).toEqual({ allowed: true });
      expect(warnings).toHaveLength(5);
    } finally {
      if (database.kind === 'postgres') await database.close();
    }
  });

  it('is off with a limit of 0, without a statement', async () => {
    const database = await open();
    const warnings: unknown[] = [];
    const limiter = createSharedLimiter('token.address', { limit: 0, windowMs: 60_000 }, database, {
      warn: (obj: unknown) => void warnings.push(obj),
    });
    for (let i = 0; i < 5; i++) expect(await limiter.take('ip:x', 0)).toEqual({ allowed: true });
    await limiter.reset('ip:x');
    expect(warnings).toEqual([]);
    if (database.kind === 'postgres') await database.close();
  });
});
