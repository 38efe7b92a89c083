import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { type Database, postgresDatabase, rowsOf } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { drizzleDir } from '../support/migrations.ts';
import { scratchPostgres } from '../support/postgres.ts';

// Several processes may start on one empty PostgreSQL database at once: one migrates while the
// others wait for its advisory lock, then find nothing left to do.

const pgUrl = inject('postgresUrl');

describe.runIf(pgUrl)('migrations started by several processes at once [postgres]', () => {
  const postgres = scratchPostgres();

  it('apply each migration once, with no warning from PostgreSQL', async () => {
    const { url } = await postgres.empty();
    const notices: string[] = [];
    const databases: Database[] = [];
    for (let i = 0; i < 3; i++) {
      const database = postgresDatabase(url, 2);
      const pool = (database.db as unknown as { $client: pg.Pool }).$client;
      pool.on('connect', (client) =>
        // NOTICEs ("already exists, skipping") are the others finding the work done; a WARNING is not.
        client.on('notice', (n) => {
          if (n.severity !== 'NOTICE') notices.push(`${n.severity}: ${n.message}`);
        }),
      );
      databases.push(database);
    }
    try {
      await Promise.all(databases.map((d) => migrate(d)));
      const journal = JSON.parse(readFileSync(join(drizzleDir, 'meta/_journal.json'), 'utf8'));
      const [applied] = rowsOf<{ n: number; distinct: number }>(
        await databases[0]!.db.execute(
          sql`select count(*)::int as n, count(distinct hash)::int as distinct from drizzle.__drizzle_migrations`,
        ),
      );
      expect(applied).toEqual({ n: journal.entries.length, distinct: journal.entries.length });
      expect(notices).toEqual([]);
    } finally {
      for (const d of databases) await d.close();
    }
  });
});
