import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { isLoopback } from './http.ts';

const run = promisify(execFile);

/** The URL of `name` on the same server as `adminUrl`; refuses anything but this machine. */
export function databaseUrl(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  if (!isLoopback(u.hostname)) throw new Error(`the soak only targets loopback; refusing ${u.hostname}`);
  u.pathname = `/${name}`;
  return u.toString();
}

async function withAdmin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  databaseUrl(adminUrl, 'x');
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end().catch(() => {});
  }
}

/** Drops and creates the soak's own database; answers its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  await withAdmin(adminUrl, async (admin) => {
    await admin.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
    await admin.query(`create database ${pg.escapeIdentifier(name)}`);
  });
  return databaseUrl(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string) {
  await withAdmin(adminUrl, (admin) =>
    admin.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`),
  );
}

/**
 * Restarts the whole PostgreSQL cluster (`pg_ctlcluster VERSION NAME restart`, Debian's tool; needs
 * root or the postgres user). Every other user of that server sees the restart too.
 */
export async function restartCluster(cluster: string): Promise<number> {
  const [version, name] = cluster.split('/');
  if (!version || !name) throw new Error(`--pg-cluster must be VERSION/NAME, e.g. 15/main (got ${cluster})`);
  const started = performance.now();
  await run('pg_ctlcluster', [version, name, 'restart'], { timeout: 120_000 });
  return performance.now() - started;
}
