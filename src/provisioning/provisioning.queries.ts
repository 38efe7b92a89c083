import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { scimProvisioning } from './provisioning.table.ts';
import type { ProvisionedRole } from './scim.types.ts';

/** The organisation's provisioning as an admin reads it: whether a token is set, never the token. */
export async function provisioningOf(db: Queryable, orgId: string) {
  const [row] = await db.select().from(scimProvisioning).where(eq(scimProvisioning.orgId, orgId));
  return {
    tokenSet: Boolean(row?.tokenHash),
    tokenCreatedAt: row?.tokenHash ? (row.tokenCreatedAt?.toISOString() ?? null) : null,
    lastUsedAt: row?.lastUsedAt?.toISOString() ?? null,
    defaultRole: (row?.defaultRole ?? 'agent') as ProvisionedRole,
  };
}

/** The organisation a provisioning token belongs to, by the token's hash; none once revoked. */
export async function provisioningByTokenHash(db: Queryable, tokenHash: string) {
  const [row] = await db
    .select({
      orgId: scimProvisioning.orgId,
      lastUsedAt: scimProvisioning.lastUsedAt,
      defaultRole: scimProvisioning.defaultRole,
    })
    .from(scimProvisioning)
    .where(eq(scimProvisioning.tokenHash, tokenHash));
  return row;
}
