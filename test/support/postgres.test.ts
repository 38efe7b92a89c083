import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { type ScratchDatabase, scratchPostgres } from './postgres.ts';

const pgUrl = inject('postgresUrl');

async function query<T>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}
const exists = async (name: string) =>
  (await query(pgUrl!, 'select 1 from pg_database where datname = $1', [name])).length === 1;
const tables = async (url: string) =>
  (
    await query<{ n: number }>(
      url,
      "select count(*)::int as n from information_schema.tables where table_schema = 'public'",
    )
  )[0]!.n;

describe.runIf(pgUrl)('scratch PostgreSQL databases', () => {
  const made: ScratchDatabase[] = [];
  describe('while their tests run', () => {
    const postgres = scratchPostgres();
    it('clones the migrated template, or makes an empty database, each with its own name', async () => {
      const [migrated, empty] = await Promise.all([postgres.migrated(), postgres.empty()]);
      made.push(migrated, empty);
      expect(migrated.name).not.toBe(empty.name);
      expect(await tables(migrated.url)).toBeGreaterThan(10);
      expect(await tables(empty.url)).toBe(0);
      // Left open on purpose: the drop must not wait for (or fail on) a connection still in use.
      const held = new pg.Client({ connectionString: migrated.url });
      held.on('error', () => {});
      await held.connect();
    });
    it('drops one early when asked, and a second drop is harmless', async () => {
      const early = await postgres.migrated();
      made.push(early);
      await early.drop();
      expect(await exists(early.name)).toBe(false);
      await early.drop();
      expect(await exists(made[0]!.name)).toBe(true);
    });
  });
  it('drops every database it made once those tests are over, with connections still open', async () => {
    expect(made).toHaveLength(3);
    for (const d of made) expect(await exists(d.name), d.name).toBe(false);
  });
});
