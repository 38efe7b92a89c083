import { spawn } from 'node:child_process';
import pg from 'pg';
import { BackupError } from './backup-error.ts';

/**
 * The URL without its password, which travels in PGPASSWORD instead: a command line is visible
 * to every user of the machine (ps), the environment is not.
 */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env };
}

/** Runs one of PostgreSQL's client tools; a missing tool or a failure is a BackupError. */
function run(tool: 'pg_dump' | 'pg_restore', args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new BackupError(
              `${tool} was not found on PATH: install PostgreSQL's client tools in the server's major version or later (Debian and Ubuntu: apt-get install postgresql-client)`,
            )
          : error,
      ),
    );
    child.once('close', (code) => {
      if (code === 0) resolve();
      else reject(new BackupError(`${tool} failed (exit ${code}): ${stderr.trim()}`));
    });
  });
}

/** A logical dump in pg_dump's custom format: consistent while Baton runs, restorable with pg_restore. */
export async function backupPostgres(url: string, file: string): Promise<void> {
  const { dbname, env } = connection(url);
  await run(
    'pg_dump',
    ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${dbname}`],
    env,
  );
}

async function tablesIn(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`cannot connect to the database to restore into: ${(error as Error).message}`);
  }
  try {
    const r = await client.query<{ n: string }>(
      `select count(*) as n from information_schema.tables
        where table_schema not in ('pg_catalog', 'information_schema')`,
    );
    return Number(r.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/**
 * Restores in one transaction that stops at the first error, so a failed restore changes nothing.
 * A database that already has tables is refused unless `force` (which drops what the dump holds first).
 */
export async function restorePostgres(
  file: string,
  url: string,
  options: { force?: boolean },
): Promise<void> {
  if ((await tablesIn(url)) > 0 && !options.force)
    throw new BackupError(
      'the database already has tables: restore into an empty database (createdb), or pass --force to replace what the backup holds',
    );
  const { dbname, env } = connection(url);
  await run(
    'pg_restore',
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      ...(options.force ? ['--clean', '--if-exists'] : []),
      `--dbname=${dbname}`,
      file,
    ],
    env,
  );
}
