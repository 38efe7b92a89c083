import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { people } from '../people/people.table.ts';
import { apiTokens } from './auth.table.ts';

type TokenRow = typeof apiTokens.$inferSelect;

/** A token as the API shows it: never the token or its hash. */
export const tokenView = (t: TokenRow, personName: string | null) => ({
  id: t.id,
  name: t.name,
  roles: t.roles,
  person: t.personId ? { id: t.personId, name: personName } : null,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

const withPerson = (db: Queryable) =>
  db
    .select({ t: apiTokens, personName: people.name })
    .from(apiTokens)
    .leftJoin(people, eq(people.id, apiTokens.personId));

/** The organisation's API tokens, newest first, revoked ones too (they say when). */
export async function listApiTokens(db: Queryable, orgId: string) {
  const rows = await withPerson(db)
    .where(eq(apiTokens.orgId, orgId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map((r) => tokenView(r.t, r.personName));
}

export async function apiTokenView(db: Queryable, orgId: string, id: string) {
  const [r] = await withPerson(db).where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.id, id)));
  return r && tokenView(r.t, r.personName);
}
