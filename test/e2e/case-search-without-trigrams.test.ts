import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { listCases } from '../../src/cases/cases.queries.ts';
import { postgresDatabase, rowsOf } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { scratchPostgres } from '../support/postgres.ts';

// A PostgreSQL server where pg_trgm cannot be created (a managed service that does not offer it, a
// role that may not create it): migration 0030 says so and goes on, and case
// search gives the same answers without the trigram indexes.

const pgUrl = inject('postgresUrl');

describe.runIf(pgUrl)('case search on a server without pg_trgm [postgres]', () => {
  const postgres = scratchPostgres();

  it('migrates without the trigram indexes and still finds by text, folded', async () => {
    const scratch = await postgres.empty();
    // pg_trgm cannot be created where one of its functions' names is taken: the server refuses it
    // as a managed service that does not offer it would.
    const admin = new pg.Client({ connectionString: scratch.url });
    await admin.connect();
    await admin
      .query(`create function public.show_trgm(text) returns text[] language sql as 'select array[]::text[]'`)
      .finally(() => admin.end());
    const database = postgresDatabase(scratch.url, 2);
    const notices: string[] = [];
    const pool = (database.db as unknown as { $client: pg.Pool }).$client;
    pool.on('connect', (client) => client.on('notice', (n) => notices.push(n.message ?? '')));
    try {
      await migrate(database);
      expect(
        notices.some((n) => /pg_trgm is not available/.test(n)),
        notices.join('\n'),
      ).toBe(true);
      const { db } = database;
      const extensions = rowsOf(await db.execute(sql`select 1 from pg_extension where extname = 'pg_trgm'`));
      expect(extensions).toEqual([]);
      const trigramIndexes = rowsOf(
        await db.execute(sql`select indexname from pg_indexes where indexdef like '%gin_trgm_ops%'`),
      );
      expect(trigramIndexes).toEqual([]);

      await db.execute(sql`insert into organisations (id, slug, name) values ('org_t', 'trgm', 'T')`);
      await db.execute(
        sql`insert into customers (id, org_id, external_id, name) values ('cu_1', 'org_t', 'zx-77', 'Søren Quist')`,
      );
      await db.execute(sql`
        insert into cases (id, org_id, customer_id, subject, channel)
        values ('cas_a', 'org_t', 'cu_1', 'Refund 100% overdue', 'chat'),
               ('cas_b', 'org_t', 'cu_1', 'Façade repair', 'email')`);
      const found = async (q: string) =>
        (await listCases(db, 'org_t', { limit: 10, q })).items.map((c) => c.id).sort();
      expect(await found('00%')).toEqual(['cas_a']);
      expect(await found('facade')).toEqual(['cas_b']);
      expect(await found('soren')).toEqual(['cas_a', 'cas_b']);
      expect(await found('zx-77')).toEqual(['cas_a', 'cas_b']);
      expect(await found('cas_b')).toEqual(['cas_b']);
      expect(await found('nothing-like-it')).toEqual([]);
    } finally {
      await database.close();
      await scratch.drop();
    }
  });
});
