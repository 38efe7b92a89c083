import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import { openDatabase } from '../src/db/open.ts';
import { demoOrganisation } from '../src/demo/organisation.ts';
import { createOrganisation } from '../src/orgs/orgs.commands.ts';
import { startRuntime } from '../src/runtime.ts';

export const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));

export function machine() {
  return {
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    at: new Date().toISOString(),
  };
}

/** Writes one benchmark's results as bench/results/<name>.json, with the machine it ran on. */
export function record(name: string, results: Record<string, unknown>) {
  mkdirSync(resultsDir, { recursive: true });
  const out = { benchmark: name, machine: machine(), ...results };
  writeFileSync(`${resultsDir}${name}.json`, `${JSON.stringify(out, null, 2)}\n`);
  return out;
}

let ticksPerSecond: number | undefined;

/** CPU time (ms, user + system) of each of this machine's processes named `name` (Linux /proc), by pid; null without /proc. */
export function processesCpu(name: string): Map<string, number> | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  ticksPerSecond ??= (() => {
    try {
      return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      return 100;
    }
  })();
  const cpu = new Map<string, number>();
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // gone since the listing
    }
    // "pid (comm) state ...": the name may hold spaces, so the fields are counted after its ')'.
    const close = stat.lastIndexOf(')');
    if (stat.slice(stat.indexOf('(') + 1, close) !== name) continue;
    const fields = stat.slice(close + 2).split(' ');
    // utime and stime, fields 14 and 15 of stat
    cpu.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond);
  }
  return cpu;
}

/**
 * CPU time (ms) the processes named `name` used since `before` (from `processesCpu`): the share of a
 * run that a local database server spent, which `process.cpuUsage()` cannot see. A process started
 * since counts from zero; one that exited takes its time with it (a pool's connections live through
 * a run, so little is lost). Null without /proc or without such processes.
 */
export function processesCpuSince(name: string, before: Map<string, number> | null): number | null {
  const now = processesCpu(name);
  if (!before || !now || now.size === 0) return null;
  let ms = 0;
  for (const [pid, used] of now) ms += used - (before.get(pid) ?? 0);
  return ms;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Runs one measurement on a fresh PGlite folder, then on a fresh PostgreSQL database at
 * TEST_DATABASE_URL (reported as skipped, with the reason, when no server answers).
 */
export async function onBothDatabases<T>(name: string, measure: (database: Database) => Promise<T>) {
  const dir = mkdtempSync(join(tmpdir(), `baton-${name}-`));
  const lite = await openDatabase({ dataDir: dir });
  const pglite = await measure(lite);
  await lite.close();
  rmSync(dir, { recursive: true, force: true });
  let postgres: T | string = 'skipped';
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const dbName = `baton_bench_${name.replace(/\W/g, '_')}`;
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.query(`create database ${dbName}`);
    const u = new URL(url);
    u.pathname = `/${dbName}`;
    const database = await openDatabase({ databaseUrl: u.toString(), dataDir: '' });
    postgres = await measure(database);
    await database.close();
    await admin.query(`drop database if exists ${dbName} with (force)`);
  } catch (error) {
    postgres = `skipped: ${(error as Error).message}`;
  } finally {
    await admin.end().catch(() => {});
  }
  return { pglite, postgres };
}

/**
 * The demo organisation on `database` (without passwords: scrypt is slow by design) and a silent
 * Baton on it that takes `token` as its admin token; `env` adds settings.
 */
export async function demoRuntime(database: Database, token: string, env: Record<string, string> = {}) {
  await createOrganisation(
    database.db,
    { ...demoOrganisation, people: demoOrganisation.people.map((p) => ({ ...p, password: undefined })) },
    new Date(),
  );
  return startRuntime(loadConfig({ BATON_ADMIN_TOKEN: token, BATON_LOG_LEVEL: 'silent', ...env }), {
    database,
    logger: pino({ level: 'silent' }),
  });
}
