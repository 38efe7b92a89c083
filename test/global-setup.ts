import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { pgliteDatabase, postgresDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { createPglite } from '../src/db/pglite.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    postgresUrl: string | null;
    postgresTemplate: string;
  }
}

// Databases are named after this run's process, so concurrent runs never drop each other's.
const runTag = `p${process.pid}`;
const templateDb = `baton_tpl_${runTag}`;

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function dropDatabases(admin: pg.Client, keep: (name: string) => boolean) {
  const rows = await admin.query("select datname from pg_database where datname ~ '^baton_(t|tpl)_p[0-9]+'");
  for (const { datname } of rows.rows) {
    if (!keep(datname))
      await admin.query(`drop database if exists ${pg.escapeIdentifier(datname)} with (force)`);
  }
}

const pidOf = (name: string) => Number(/_p(\d+)/.exec(name)?.[1]);

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
    // Left over by runs that died: their process is gone.
    await dropDatabases(admin, (name) => alive(pidOf(name)) && pidOf(name) !== process.pid);
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
  const client = await createPglite();
  await migrate(pgliteDatabase(client));
  const dump = await client.dumpDataDir('none');
  const file = join(dir, 'pglite.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  const postgresUrl = await preparePostgres(
    process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  );
  project.provide('pgliteDump', file);
  project.provide('postgresUrl', postgresUrl);
  project.provide('postgresTemplate', templateDb);
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (!postgresUrl) return;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await dropDatabases(admin, (name) => pidOf(name) !== process.pid).finally(() => admin.end());
  };
}
