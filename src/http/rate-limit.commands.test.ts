import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, rowsOf } from '../db/database.ts';
import { type DatabaseKind, freshDatabase } from '../db/testing.ts';
import { resetShared, takeShared } from './rate-limit.commands.ts';
import { readShared } from './rate-limit.queries.ts';
import { type Bucket, refill, take } from './rate-limit.ts';

const kinds: DatabaseKind[] = inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite'];
let serial = 0;
const freshKey = () => ({ limiter: 'test', key: `k${++serial}` });

for (const kind of kinds) {
  describe(`shared rate-limit buckets in SQL [${kind}]`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await freshDatabase(kind, {
        pgliteDump: inject('pgliteDump'),
        postgresUrl: inject('postgresUrl'),
      });
    });
    afterAll(async () => {
      await database?.close();
    });

    it('prunes full buckets of other keys on write, and keeps the ones still counting', async () => {
      const rate = { limit: 2, windowMs: 10_000 };
      const start = 1_796_000_000_000;
      const old = Array.from({ length: 3 }, freshKey);
      for (const k of old) await takeShared(database.db, k, start, rate);
      const live = freshKey();
      // Before the first three are full again (at start + 5 s), and emptied: full only at start + 14 s.
      await takeShared(database.db, live, start + 4_000, rate);
      await takeShared(database.db, live, start + 4_000, rate);
      const count = async () =>
        rowsOf<{ n: number | string }>(
          await database.db.execute(
            sql`select count(*) as n from rate_limits where key in (${sql.join(
              [...old, live].map((k) => sql`${k.key}`),
              sql`, `,
            )})`,
          ),
        )[0]!.n;
      expect(Number(await count())).toBe(4);
      // The first three were full again 5 s after their take (the same as no row): gone. The live one stays.
      await takeShared(database.db, freshKey(), start + 10_000, rate);
      expect(Number(await count())).toBe(1);
      expect(await readShared(database.db, live)).toEqual({ tokens: 0, at: start + 4_000 });
    });

    it('computes exactly what the pure bucket computes, step by step', async () => {
      const op = fc.record({
        gap: fc.oneof(
          fc.constant(0),
          fc.integer({ min: 1, max: 4_000 }),
          fc.integer({ min: 0, max: 40_000 }),
        ),
        what: fc.constantFrom('take', 'take', 'take', 'read', 'reset'),
      });
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 6 }),
          fc.integer({ min: 1_000, max: 30_000 }),
          fc.array(op, { minLength: 1, maxLength: 25 }),
          async (limit, windowMs, ops) => {
            const rate = { limit, windowMs };
            const k = freshKey();
            let pure: Bucket | undefined;
            let now = 1_795_000_000_000;
            for (const { gap, what } of ops) {
              now += gap;
              if (what === 'reset') {
                pure = undefined;
                await resetShared(database.db, k);
              } else if (what === 'read') {
                const stored = await readShared(database.db, k);
                expect(refill(stored, now, rate)).toBe(refill(pure, now, rate));
              } else {
                const expected = take(pure, now, rate);
                const got = await takeShared(database.db, k, now, rate);
                expect(got.taken).toBe(expected.taken);
                expect(refill(got.bucket, now, rate)).toBe(refill(expected.bucket, now, rate));
                pure = expected.bucket;
              }
            }
          },
        ),
        { numRuns: 25, seed: 20261123 },
      );
    });

    it('lets exactly `limit` of many simultaneous takes through', async () => {
      const k = freshKey();
      const rate = { limit: 5, windowMs: 60_000 };
      const now = 1_795_000_000_000;
      const results = await Promise.all(
        Array.from({ length: 20 }, () => takeShared(database.db, k, now, rate)),
      );
      expect(results.filter((r) => r.taken)).toHaveLength(5);
      expect((await readShared(database.db, k))?.tokens).toBe(0);
    });
  });
}
