import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, pgliteDatabase, postgresDatabase } from './database.ts';
import { createPglite } from './pglite.ts';

export type DatabaseKind = 'pglite' | 'postgres';

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh, migrated database for one test file: PGlite loaded from the run's dump, or a PostgreSQL
 * database cloned from the run's template. `close` drops it.
 */
export async function freshDatabase(
  kind: DatabaseKind,
  source: { pgliteDump: string; postgresUrl: string | null; postgresTemplate?: string },
): Promise<Database> {
  if (kind === 'pglite') {
    const client = await createPglite(undefined, {
      loadDataDir: new Blob([readFileSync(source.pgliteDump)]),
    });
    return pgliteDatabase(client);
  }
  const { url, name } = await freshPostgresUrl(
    source.postgresUrl,
    source.postgresTemplate ?? inject('postgresTemplate'),
  );
  const database = postgresDatabase(url, 8);
  const close = database.close;
  database.close = async () => {
    await close();
    await dropPostgresDatabase(source.postgresUrl!, name);
  };
  return database;
}

/**
 * A new PostgreSQL database cloned from the run's migrated template (or, with `empty`, one without
 * tables, named after the same run); the caller drops it.
 */
export async function freshPostgresUrl(
  postgresUrl: string | null,
  template = 'baton_template',
  opts: { empty?: boolean } = {},
): Promise<{ url: string; name: string }> {
  if (!postgresUrl) throw new Error('PostgreSQL is not available for tests');
  const run = /_(p\d+)$/.exec(template)?.[1] ?? 'p0';
  const name = `baton_t_${run}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    // Clones of one template cannot start at the same instant: retry while another is copying.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(
          opts.empty ? `create database ${name}` : `create database ${name} template ${template}`,
        );
        break;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((r) => setTimeout(r, 100 + attempt * 50));
      }
    }
  } finally {
    await admin.end();
  }
  return { url: withDatabase(postgresUrl, name), name };
}

/** Drops a database of the test run, closing whatever connections it still has. */
export async function dropPostgresDatabase(postgresUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin
    .query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`)
    .finally(() => admin.end());
}
