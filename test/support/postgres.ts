import { afterAll, inject } from 'vitest';
import { dropPostgresDatabase, freshPostgresUrl } from '../../src/db/testing.ts';

/** One database on the test run's PostgreSQL server; `drop` may come early, and more than once. */
export type ScratchDatabase = { url: string; name: string; drop(): Promise<void> };

/**
 * Databases of their own for tests that need a URL (child processes, several runtimes, restores):
 * a clone of the run's migrated template, or an empty one. Call it where `afterAll` may be called
 * (a file's top level or a describe block): every database it made is dropped after those tests,
 * after the hooks declared below it (so servers are stopped first), whatever the tests did.
 */
export function scratchPostgres() {
  const made = new Set<string>();
  const postgresUrl = inject('postgresUrl');
  const drop = async (name: string) => {
    if (made.delete(name)) await dropPostgresDatabase(postgresUrl!, name);
  };
  afterAll(async () => {
    for (const name of [...made]) await drop(name);
  });
  const create = async (empty: boolean): Promise<ScratchDatabase> => {
    const { url, name } = await freshPostgresUrl(postgresUrl, inject('postgresTemplate'), { empty });
    made.add(name);
    return { url, name, drop: () => drop(name) };
  };
  return {
    /** A migrated database, as every test database starts. */
    migrated: () => create(false),
    /** A database without tables, for restores and migrations run from the start. */
    empty: () => create(true),
  };
}
