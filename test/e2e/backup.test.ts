// `baton backup` / `baton restore` round trip on both databases, through the real command line:
// a database with cases, handoffs, clocks and events is backed up, restored into a fresh folder or
// an empty database, and every table of the copy matches the original row for row. Refusals (a
// folder in use, a database not empty, a missing pg_dump, a file of the wrong kind) change nothing.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { type Database, pgliteDatabase, postgresDatabase, rowsOf } from '../../src/db/database.ts';
import { createPglite } from '../../src/db/pglite.ts';
import { demoOrganisation } from '../../src/demo/organisation.ts';
import { createOrganisation } from '../../src/orgs/orgs.commands.ts';
import { startRuntime } from '../../src/runtime.ts';
import { fullPacket, newCase } from '../support/harness.ts';
import { scratchPostgres } from '../support/postgres.ts';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'baton-backup-'));
const pgUrl = inject('postgresUrl');
const token = 'backup-admin-token';
const postgres = scratchPostgres();

afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Target = { dataDir?: string; url?: string };

async function baton(target: Target, args: string[], env: Record<string, string> = {}) {
  try {
    const { stderr } = await promisify(execFile)(process.execPath, ['bin/baton.js', ...args], {
      cwd: root,
      env: {
        ...process.env,
        BATON_DATA_DIR: target.dataDir ?? join(dir, 'unused'),
        DATABASE_URL: target.url ?? '',
        ...env,
      },
    });
    return { code: 0, stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

/** A small but real history written through the API: cases, a sent, an accepted and a bounced handoff. */
async function seed(database: Database) {
  await createOrganisation(
    database.db,
    { ...demoOrganisation, people: demoOrganisation.people.map((p) => ({ ...p, password: undefined })) },
    new Date(),
  );
  const config = loadConfig({ BATON_ADMIN_TOKEN: token, BATON_LOG_LEVEL: 'silent' });
  const runtime = await startRuntime(config, {
    database,
    logger: pino({ level: 'silent' }),
    scheduler: false,
  });
  let n = 0;
  const post = async (path: string, body: unknown) => {
    const res = await runtime.app.request(path, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': `seed-${n++}`,
      },
      body: JSON.stringify(body),
    });
    expect(res.status, path).toBeLessThan(300);
    return (await res.json()) as { id: string };
  };
  try {
    for (let i = 0; i < 3; i++) {
      const kase = await post('/api/v1/cases', newCase({ subject: `Backup case ${i}` }));
      const handoff = await post(`/api/v1/cases/${kase.id}/handoffs`, {
        scenario: 'billing-to-finance',
        packet: fullPacket,
      });
      if (i === 1) await post(`/api/v1/handoffs/${handoff.id}/accept`, {});
      if (i === 2) await post(`/api/v1/handoffs/${handoff.id}/bounce`, { reason: 'wrong_team' });
    }
  } finally {
    await runtime.close();
  }
}

/** Every table of every schema Baton writes (its own and the migrator's): row count and a hash of all rows. */
async function contents(database: Database): Promise<Record<string, string>> {
  const tables = rowsOf<{ s: string; t: string }>(
    await database.db.execute(sql`
      select table_schema as s, table_name as t from information_schema.tables
       where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1, 2`),
  );
  const out: Record<string, string> = {};
  for (const { s, t } of tables) {
    const [row] = rowsOf<{ n: number; h: string }>(
      await database.db.execute(
        sql.raw(
          `select count(*)::int as n, md5(coalesce(string_agg(x::text, ',' order by x::text), '')) as h from "${s}"."${t}" x`,
        ),
      ),
    );
    out[`${s}.${t}`] = `${row!.n}:${row!.h}`;
  }
  return out;
}

type Kind = {
  name: 'pglite' | 'postgres';
  /** A database with history, ready to be backed up. */
  source(): Promise<Target>;
  /** Where a restore goes: an empty folder, or an empty database. */
  empty(): Promise<Target>;
  open(target: Target): Promise<Database>;
  extension: string;
};

const pgliteKind: Kind = {
  name: 'pglite',
  extension: 'tar.gz',
  async source() {
    const dataDir = join(dir, 'pglite-source');
    const folder = join(dataDir, 'pgdata');
    mkdirSync(folder, { recursive: true });
    const client = await createPglite(folder, {
      loadDataDir: new Blob([readFileSync(inject('pgliteDump'))]),
    });
    const database = pgliteDatabase(client);
    try {
      await seed(database);
    } finally {
      await database.close();
    }
    return { dataDir };
  },
  async empty() {
    return { dataDir: mkdtempSync(join(dir, 'pglite-restore-')) };
  },
  async open(target) {
    return pgliteDatabase(await createPglite(join(target.dataDir!, 'pgdata')));
  },
};

const postgresKind: Kind = {
  name: 'postgres',
  extension: 'dump',
  async source() {
    const fresh = await postgres.migrated();
    const database = postgresDatabase(fresh.url, 2);
    try {
      await seed(database);
    } finally {
      await database.close();
    }
    return { url: fresh.url };
  },
  async empty() {
    return { url: (await postgres.empty()).url };
  },
  async open(target) {
    return postgresDatabase(target.url!, 2);
  },
};

async function contentsOf(kind: Kind, target: Target) {
  const database = await kind.open(target);
  try {
    return await contents(database);
  } finally {
    await database.close();
  }
}

for (const kind of pgUrl ? [pgliteKind, postgresKind] : [pgliteKind]) {
  describe(`baton backup / restore [${kind.name}]`, () => {
    let source: Target;
    let original: Record<string, string>;
    const file = join(dir, `backup-${kind.name}.${kind.extension}`);

    beforeAll(async () => {
      source = await kind.source();
      original = await contentsOf(kind, source);
    }, 60_000);

    it('restores a backup into a fresh database with every row of every table', async () => {
      const backup = await baton(source, ['backup', file]);
      expect(backup.stderr).toContain(`backup of the ${kind.name} database written to ${file}`);
      expect(backup.code).toBe(0);
      const target = await kind.empty();
      const restored = await baton(target, ['restore', file]);
      expect(restored.code, restored.stderr).toBe(0);
      const copy = await contentsOf(kind, target);
      expect(copy).toEqual(original);
      // Not vacuous: the history is there, with its handoffs, clocks, events and migrations.
      for (const table of ['public.cases', 'public.handoffs', 'public.sla_clocks', 'public.case_events'])
        expect(Number(copy[table]!.split(':')[0])).toBeGreaterThanOrEqual(3);
      expect(Number(copy['drizzle.__drizzle_migrations']!.split(':')[0])).toBeGreaterThan(0);
      // And the copy is a working Baton database: the migrator finds nothing to do and the rows read back.
      const database = await kind.open(target);
      try {
        const states = rowsOf<{ state: string }>(
          await database.db.execute(sql`select state from handoffs order by state`),
        ).map((r) => r.state);
        expect(states).toEqual(['accepted', 'bounced', 'sent']);
      } finally {
        await database.close();
      }
      // The source was only read.
      expect(await contentsOf(kind, source)).toEqual(original);
    }, 120_000);

    it('refuses to restore over a database that is not empty, and changes nothing', async () => {
      const again = await baton(source, ['restore', file]);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/already (holds a database|has tables).*--force/);
      expect(await contentsOf(kind, source)).toEqual(original);
    }, 60_000);

    it('refuses a file of the other database kind or no backup at all', async () => {
      const other = join(dir, `other-${kind.name}`);
      writeFileSync(other, kind.name === 'pglite' ? 'PGDMP\x01\x0e\x00' : Buffer.from([0x1f, 0x8b, 8, 0]));
      const wrongKind = await baton(source, ['restore', other]);
      expect(wrongKind.code).toBe(2);
      expect(wrongKind.stderr).toMatch(kind.name === 'pglite' ? /PostgreSQL dump.*DATABASE_URL/ : /PGlite/);
      writeFileSync(other, 'hello');
      const junk = await baton(source, ['restore', other]);
      expect(junk.code).toBe(2);
      expect(junk.stderr).toContain('is not a Baton backup');
      expect(await contentsOf(kind, source)).toEqual(original);
    }, 60_000);

    if (kind.name === 'pglite') {
      it('refuses to back up a folder a running Baton holds', async () => {
        // This test process stands in for the server: the lock file names a live process.
        writeFileSync(join(source.dataDir!, 'baton.lock'), String(process.pid));
        try {
          const held = await baton(source, ['backup', join(dir, 'held.tar.gz')]);
          expect(held.code).toBe(2);
          expect(held.stderr).toContain(`held by a running Baton (process ${process.pid}): stop it first`);
          expect(readdirSync(dir).filter((f) => f.startsWith('held'))).toEqual([]);
        } finally {
          rmSync(join(source.dataDir!, 'baton.lock'));
        }
      }, 60_000);

      it('restores over a folder with --force, keeping the previous database aside', async () => {
        const target = await kind.empty();
        expect((await baton(target, ['restore', file])).code).toBe(0);
        const forced = await baton(target, ['restore', '--force', file]);
        expect(forced.code, forced.stderr).toBe(0);
        expect(forced.stderr).toContain('the previous database was moved to');
        expect(
          readdirSync(target.dataDir!).filter((f) => f.startsWith('pgdata.before-restore-')),
        ).toHaveLength(1);
        expect(await contentsOf(kind, target)).toEqual(original);
      }, 120_000);
    } else {
      it('says what to install when pg_dump is missing, and writes nothing', async () => {
        const out = join(dir, 'no-tools.dump');
        const missing = await baton(source, ['backup', out], { PATH: '/nonexistent' });
        expect(missing.code).toBe(2);
        expect(missing.stderr).toContain('pg_dump was not found on PATH');
        expect(missing.stderr).toContain('postgresql-client');
        expect(readdirSync(dir).filter((f) => f.startsWith('no-tools'))).toEqual([]);
      }, 60_000);

      it('restores over a database with --force', async () => {
        const forced = await baton(source, ['restore', '--force', file]);
        expect(forced.code, forced.stderr).toBe(0);
        expect(await contentsOf(kind, source)).toEqual(original);
      }, 120_000);
    }
  });
}
