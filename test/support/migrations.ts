import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { afterAll, inject } from 'vitest';
import { type Database, pgliteDatabase, postgresDatabase } from '../../src/db/database.ts';
import { createPglite } from '../../src/db/pglite.ts';
import { scratchPostgres } from './postgres.ts';

export const drizzleDir = resolve(import.meta.dirname, '../../drizzle');

/**
 * A migrations folder holding only the first `count` migrations of drizzle/, as committed: a
 * database migrated with it stands where an earlier release left it. Removed after the file's tests.
 */
export function migrationsUpTo(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'baton-migrations-'));
  mkdirSync(join(dir, 'meta'));
  const journal = JSON.parse(readFileSync(join(drizzleDir, 'meta/_journal.json'), 'utf8'));
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  for (const { tag } of journal.entries as { tag: string }[])
    writeFileSync(join(dir, `${tag}.sql`), readFileSync(join(drizzleDir, `${tag}.sql`)));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export type MigrationTarget = {
  name: string;
  /** An empty database. */
  open(): Promise<Database>;
  /** Applies the migrations of `folder` with drizzle's own migrator, as an earlier release did. */
  migrateWith(d: Database, folder: string): Promise<void>;
};

/** The databases a migration test runs on: PGlite, and the run's PostgreSQL server when it has one. */
export function migrationTargets(): MigrationTarget[] {
  const targets: MigrationTarget[] = [
    {
      name: 'pglite',
      open: async () => pgliteDatabase(await createPglite()),
      // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific type
      migrateWith: (d, folder) => migratePglite(d.db as any, { migrationsFolder: folder }),
    },
  ];
  if (inject('postgresUrl')) {
    const postgres = scratchPostgres();
    targets.push({
      name: 'postgres',
      open: async () => postgresDatabase((await postgres.empty()).url, 4),
      // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific type
      migrateWith: (d, folder) => migratePg(d.db as any, { migrationsFolder: folder }),
    });
  }
  return targets;
}
