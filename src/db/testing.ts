import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Database, pgliteDatabase, postgresDatabase } from './database.ts';

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
  source: { pgliteDump: string; postgresUrl: string | null },
): Promise<Database> {
  if (kind === 'pglite') {
    const client = await PGlite.create({ loadDataDir: new Blob([readFileSync(source.pgliteDump)]) });
    return pgliteDatabase(client);
  }
  if (!source.postgresUrl) throw new Error('PostgreSQL is not available for tests');
  const name = `baton_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: source.postgresUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template baton_template`);
  } finally {
    await admin.end();
  }
  const database = postgresDatabase(withDatabase(source.postgresUrl, name), 8);
  const close = database.close;
  database.close = async () => {
    await close();
    const a = new pg.Client({ connectionString: source.postgresUrl! });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`).finally(() => a.end());
  };
  return database;
}
