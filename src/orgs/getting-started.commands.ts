import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { organisations } from './orgs.table.ts';

/** An admin puts the getting-started guide away, or asks for it again. */
export async function showGettingStarted(db: Db, orgId: string, shown: boolean) {
  await db.update(organisations).set({ gettingStarted: shown }).where(eq(organisations.id, orgId));
}
