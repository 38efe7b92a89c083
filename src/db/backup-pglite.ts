import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BackupError } from './backup-error.ts';
import { lockDataDir } from './lock.ts';
import { createPglite } from './pglite.ts';

const pgdata = (dataDir: string) => join(dataDir, 'pgdata');
const holdsDatabase = (folder: string) => existsSync(join(folder, 'PG_VERSION'));

/**
 * PGlite's whole database is its data folder. The folder's lock is taken first: a running server
 * refuses the backup (a copy of a folder in use may be torn) instead of both opening it.
 */
export async function backupPglite(dataDir: string, file: string): Promise<void> {
  const release = lockDataDir(dataDir);
  try {
    if (!holdsDatabase(pgdata(dataDir))) throw new BackupError(`no Baton database in ${dataDir}`);
    const client = await createPglite(pgdata(dataDir));
    try {
      const archive = await client.dumpDataDir('gzip');
      await writeFile(file, Buffer.from(await archive.arrayBuffer()));
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

/**
 * Loads an archive into `dataDir`. A folder that already holds a database is refused unless
 * `force`, which moves it aside (returned) rather than deleting it; a failed load puts it back.
 */
export async function restorePglite(
  file: string,
  dataDir: string,
  options: { force?: boolean },
): Promise<string | undefined> {
  const release = lockDataDir(dataDir);
  const folder = pgdata(dataDir);
  let aside: string | undefined;
  try {
    if (holdsDatabase(folder)) {
      if (!options.force)
        throw new BackupError(
          `${dataDir} already holds a database: restore into an empty BATON_DATA_DIR, or pass --force to move the current one aside`,
        );
      aside = `${folder}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await rename(folder, aside);
    }
    await rm(folder, { recursive: true, force: true });
    try {
      const client = await createPglite(folder, { loadDataDir: new Blob([await readFile(file)]) });
      try {
        // The archive opened as a database: it is a real one, not just a tar of something else.
        await client.query('select 1 from pg_catalog.pg_class limit 1');
      } finally {
        await client.close();
      }
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      if (aside) await rename(aside, folder);
      throw new BackupError(`cannot load ${file} as a PGlite data folder: ${(error as Error).message}`);
    }
    return aside;
  } finally {
    release();
  }
}
