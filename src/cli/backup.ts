import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { CliError } from './jsonl.ts';

/** `baton backup <file>`: the PGlite data folder as an archive, or a pg_dump of DATABASE_URL. */
export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('write a backup of the database (PGlite in BATON_DATA_DIR, or DATABASE_URL) to FILE')
    .argument('<file>', 'where to write the backup')
    .action(async (file: string) => {
      const config = loadConfig();
      // Database modules load here, so that the line-oriented commands start fast.
      const { backup } = await import('../db/backup.ts');
      const written = await backup({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }, file).catch(
        asCliError,
      );
      process.stderr.write(
        `backup of the ${written.kind} database written to ${file} (${written.bytes} bytes)\n`,
      );
    });
}

/** A refusal an operator can act on (folder in use, tool missing, wrong file) exits 2 with its message. */
export async function asCliError(error: unknown): Promise<never> {
  const { BackupError } = await import('../db/backup.ts');
  const { DataDirLockedError } = await import('../db/lock.ts');
  if (error instanceof DataDirLockedError)
    throw new CliError(
      `the data folder ${error.dataDir} is held by a running Baton (process ${error.pid}): stop it first ` +
        '(a copy of a PGlite folder in use may be torn); it starts again in seconds',
    );
  if (error instanceof BackupError) throw new CliError(error.message);
  throw error;
}
