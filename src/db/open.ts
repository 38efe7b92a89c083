import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Database, pgliteDatabase, postgresDatabase } from './database.ts';
import { lockDataDir } from './lock.ts';
import { migrate } from './migrate.ts';
import { createPglite } from './pglite.ts';

export type OpenOptions = { databaseUrl?: string; dataDir: string; migrate?: boolean };

/** PostgreSQL when a URL is given, otherwise PGlite in the data folder (locked to this process). */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  let database: Database;
  if (options.databaseUrl) {
    database = postgresDatabase(options.databaseUrl);
  } else {
    const release = lockDataDir(options.dataDir);
    try {
      const folder = join(options.dataDir, 'pgdata');
      mkdirSync(folder, { recursive: true });
      const client = await createPglite(folder);
      database = pgliteDatabase(client, async () => release());
    } catch (error) {
      release();
      throw error;
    }
  }
  if (options.migrate !== false) await migrate(database);
  return database;
}
