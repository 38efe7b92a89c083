import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { pgliteDatabase, postgresDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    postgresUrl: string | null;
  }
}

export const templateDb = 'baton_template';

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function preparePostgres(url: string): Promise<string | null> {
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    const message = `PostgreSQL at ${url} does not answer (${(error as Error).message})`;
    if (process.env.CI) throw new Error(`${message}: CI must test on PostgreSQL too`);
    process.stderr.write(
      `\n!!! ${message}: the PostgreSQL pass of the database tests is SKIPPED.\n!!! Start it, or set TEST_DATABASE_URL.\n\n`,
    );
    return null;
  }
  try {
    const stale = await admin.query(
      "select datname from pg_database where datname like 'baton_t_%' or datname = $1",
      [templateDb],
    );
    for (const row of stale.rows)
      await admin.query(`drop database if exists ${pg.escapeIdentifier(row.datname)} with (force)`);
    await admin.query(`create database ${templateDb}`);
  } finally {
    await admin.end();
  }
  const database = postgresDatabase(withDatabase(url, templateDb), 2);
  await migrate(database);
  await database.close();
  return url;
}

/** Migrates once per run: a PGlite data dump and a PostgreSQL template database that each test file clones. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'baton-test-'));
  const client = await PGlite.create();
  const database = pgliteDatabase(client);
  await migrate(database);
  const dump = await client.dumpDataDir('none');
  const file = join(dir, 'pglite.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  project.provide('pgliteDump', file);
  project.provide(
    'postgresUrl',
    await preparePostgres(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'),
  );
  return () => rmSync(dir, { recursive: true, force: true });
}
