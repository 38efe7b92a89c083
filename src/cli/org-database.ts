import { loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { CliError } from './jsonl.ts';

/**
 * Opens the configured database for a one-off command. A PGlite folder held by a running Baton is
 * refused with `whenLocked`: what to ask the running server instead. Database modules load here, so
 * that the line-oriented commands start fast.
 */
export async function openForCommand(whenLocked: string): Promise<Database> {
  const config = loadConfig();
  const { openDatabase } = await import('../db/open.ts');
  const { DataDirLockedError } = await import('../db/lock.ts');
  try {
    return await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    if (error instanceof DataDirLockedError)
      throw new CliError(
        `the data folder ${error.dataDir} is held by a running Baton (process ${error.pid}), and opening it ` +
          `twice would corrupt it. ${whenLocked}`,
      );
    throw error;
  }
}

/** The organisation named by id or slug, or the first one created when none is named. */
export async function organisationFor(database: Database, ref: string | undefined, noneYet: string) {
  const { asc, eq, or } = await import('drizzle-orm');
  const { organisations } = await import('../orgs/orgs.table.ts');
  const [org] = await database.db
    .select()
    .from(organisations)
    .where(ref ? or(eq(organisations.id, ref), eq(organisations.slug, ref)) : undefined)
    .orderBy(asc(organisations.createdAt))
    .limit(1);
  if (!org) throw new CliError(ref ? `no organisation ${ref}` : noneYet);
  return org;
}
