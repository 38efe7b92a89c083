import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { asCliError } from './backup.ts';

/** `baton restore <file>`: the reverse of `baton backup`, into an empty database unless --force. */
export function registerRestore(program: Command): void {
  program
    .command('restore')
    .description(
      'restore a backup written by `baton backup` into the database (BATON_DATA_DIR or DATABASE_URL)',
    )
    .argument('<file>', 'the backup to restore')
    .option('--force', 'replace a database that is not empty (a PGlite folder is moved aside, not deleted)')
    .action(async (file: string, o: { force?: boolean }) => {
      const config = loadConfig();
      const { restore } = await import('../db/backup.ts');
      const done = await restore(file, { databaseUrl: config.databaseUrl, dataDir: config.dataDir }, o).catch(
        asCliError,
      );
      if (done.replaced) process.stderr.write(`the previous database was moved to ${done.replaced}\n`);
      process.stderr.write(
        `restored ${file} into the ${done.kind} database; \`baton serve\` (or \`baton migrate\`) brings it to this version's schema\n`,
      );
    });
}
