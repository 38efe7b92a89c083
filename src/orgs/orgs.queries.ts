import { count } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { organisations } from './orgs.table.ts';

/** Whether this database holds any organisation (a new Baton has none until it is set up). */
export async function anyOrganisation(db: Queryable): Promise<boolean> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).limit(1);
  return Boolean(row);
}

/** How many organisations this database holds (single sign-on asks domains for proof once there are several). */
export async function organisationCount(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(organisations);
  return row?.n ?? 0;
}
