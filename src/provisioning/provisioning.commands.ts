import { eq } from 'drizzle-orm';
import { type AdminCtx, recordChange } from '../admin/admin-changes.commands.ts';
import { settingsSubject } from '../admin/changes.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';
import type { Db } from '../db/database.ts';
import { scimProvisioning } from './provisioning.table.ts';
import type { ProvisionedRole } from './scim.types.ts';

const byOrg = (orgId: string) => eq(scimProvisioning.orgId, orgId);

/**
 * An admin creates the organisation's provisioning token, or replaces it (the old one stops at
 * once: there is one per organisation). Answered once, kept as a hash; the log says only that it
 * was set or replaced.
 */
export async function createProvisioningToken(db: Db, ctx: AdminCtx) {
  const token = newSecret('scim');
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(scimProvisioning).where(byOrg(ctx.orgId)).for('update');
    const row = {
      tokenHash: hashSecret(token),
      tokenCreatedAt: ctx.now,
      lastUsedAt: null,
      updatedAt: ctx.now,
    };
    await tx
      .insert(scimProvisioning)
      .values({ orgId: ctx.orgId, ...row })
      .onConflictDoUpdate({ target: scimProvisioning.orgId, set: row });
    await recordChange(tx, ctx, 'settings.changed', settingsSubject.provisioning, {
      scimToken: { from: before?.tokenHash ? 'set' : null, to: before?.tokenHash ? 'replaced' : 'set' },
    });
  });
  return token;
}

/** Revokes the token: the provider is refused from its next call. Revoking none changes nothing. */
export async function revokeProvisioningToken(db: Db, ctx: AdminCtx) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(scimProvisioning).where(byOrg(ctx.orgId)).for('update');
    if (!before?.tokenHash) return;
    await tx
      .update(scimProvisioning)
      .set({ tokenHash: null, tokenCreatedAt: null, updatedAt: ctx.now })
      .where(byOrg(ctx.orgId));
    await recordChange(tx, ctx, 'settings.changed', settingsSubject.provisioning, {
      scimToken: { from: 'set', to: null },
    });
  });
}

/** The role of the people the provider adds from now on (people already added keep theirs). */
export async function setProvisionedRole(db: Db, ctx: AdminCtx, defaultRole: ProvisionedRole) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(scimProvisioning).where(byOrg(ctx.orgId)).for('update');
    const was = before?.defaultRole ?? 'agent';
    await tx
      .insert(scimProvisioning)
      .values({ orgId: ctx.orgId, defaultRole, updatedAt: ctx.now })
      .onConflictDoUpdate({ target: scimProvisioning.orgId, set: { defaultRole, updatedAt: ctx.now } });
    await recordChange(tx, ctx, 'settings.changed', settingsSubject.provisioning, {
      ...(was === defaultRole ? {} : { defaultRole: { from: was, to: defaultRole } }),
    });
  });
}

/** How stale `last used` may be: the provider's calls cost no write each. */
const lastUsedEveryMs = 60_000;

/** Notes that the provider called, at most once a minute (Settings > Security shows it). */
export async function noteProvisioningUse(db: Db, orgId: string, lastUsedAt: Date | null, now: Date) {
  if (lastUsedAt && now.getTime() - lastUsedAt.getTime() < lastUsedEveryMs) return;
  await db.update(scimProvisioning).set({ lastUsedAt: now }).where(byOrg(orgId));
}
