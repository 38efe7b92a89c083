import { readFile, rename, rm, stat } from 'node:fs/promises';
import { BackupError } from './backup-error.ts';
import { backupPglite, restorePglite } from './backup-pglite.ts';
import { backupPostgres, restorePostgres } from './backup-postgres.ts';

export { BackupError };

export type BackupTarget = { databaseUrl?: string; dataDir: string };
export type BackupResult = { kind: 'pglite' | 'postgres'; file: string; bytes: number };

/**
 * The two formats: PGlite's data folder as a gzipped tar (dumpDataDir), PostgreSQL's custom
 * format (pg_dump -Fc). A file is recognised by its first bytes, so a restore into the wrong kind of
 * database is refused before anything is touched.
 */
export function formatOf(head: Uint8Array): 'pglite' | 'postgres' | undefined {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  if (Buffer.from(head.subarray(0, 5)).toString('latin1') === 'PGDMP') return 'postgres';
  return undefined;
}

/** Writes a backup of the configured database to `file` (written aside, then renamed: never torn). */
export async function backup(target: BackupTarget, file: string): Promise<BackupResult> {
  const partial = `${file}.partial-${process.pid}`;
  try {
    if (target.databaseUrl) await backupPostgres(target.databaseUrl, partial);
    else await backupPglite(target.dataDir, partial);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { kind: target.databaseUrl ? 'postgres' : 'pglite', file, bytes: (await stat(file)).size };
}

export type RestoreOptions = { force?: boolean };

/** Restores `file` into the configured database, which must be empty unless `force` is given. */
export async function restore(
  file: string,
  target: BackupTarget,
  options: RestoreOptions = {},
): Promise<{ kind: 'pglite' | 'postgres'; replaced?: string }> {
  let head: Uint8Array;
  try {
    head = (await readFile(file)).subarray(0, 8);
  } catch (error) {
    throw new BackupError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const format = formatOf(head);
  if (!format)
    throw new BackupError(`${file} is not a Baton backup (neither a PGlite archive nor a pg_dump file)`);
  const kind = target.databaseUrl ? 'postgres' : 'pglite';
  if (format !== kind)
    throw new BackupError(
      format === 'postgres'
        ? `${file} is a PostgreSQL dump (pg_dump): set DATABASE_URL to the database to restore it into`
        : `${file} is a PGlite data-folder archive: unset DATABASE_URL and set BATON_DATA_DIR to restore it`,
    );
  if (target.databaseUrl) {
    await restorePostgres(file, target.databaseUrl, options);
    return { kind };
  }
  const replaced = await restorePglite(file, target.dataDir, options);
  return { kind, replaced };
}
