import { and, eq } from 'drizzle-orm';
import { type AdminCtx, recordChange } from '../admin/admin-changes.commands.ts';
import { addedFields } from '../admin/changes.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { notFound } from '../http/errors.ts';
import { assertActivePeople } from '../people/people-admin.commands.ts';
import { apiTokens } from './auth.table.ts';
import { hashSecret, newSecret } from './secrets.ts';
import type { NewApiToken } from './tokens.types.ts';

/**
 * An admin issues an API token (for a helpdesk, a script): the token is answered once and only its
 * hash is kept. Logged in the admin change log with its name and roles, never itself.
 */
export async function issueApiToken(db: Db, ctx: AdminCtx, input: NewApiToken) {
  return db.transaction(async (tx) => {
    const personId = input.personId ?? null;
    if (personId) await assertActivePeople(tx, ctx.orgId, [personId], 'personId');
    const token = newSecret('btn');
    const [row] = await tx
      .insert(apiTokens)
      .values({
        id: newId('tok'),
        orgId: ctx.orgId,
        personId,
        name: input.name,
        tokenHash: hashSecret(token),
        roles: input.roles,
        createdAt: ctx.now,
      })
      .returning();
    const detail = addedFields({ roles: input.roles, personId });
    await recordChange(tx, ctx, 'token.issued', { id: row!.id, name: input.name }, detail);
    return { row: row!, token };
  });
}

/**
 * Revokes a token at once (its hash no longer authenticates; this process forgets it now, others
 * within the authentication cache's seconds). Revoking a revoked token changes nothing.
 */
export async function revokeApiToken(db: Db, ctx: AdminCtx, id: string) {
  return db.transaction(async (tx) => {
    const where = and(eq(apiTokens.orgId, ctx.orgId), eq(apiTokens.id, id));
    const [token] = await tx.select().from(apiTokens).where(where).for('update');
    if (!token) throw notFound('api token', id);
    if (token.revokedAt) return token;
    const [revoked] = await tx.update(apiTokens).set({ revokedAt: ctx.now }).where(where).returning();
    await recordChange(
      tx,
      ctx,
      'token.revoked',
      { id, name: token.name },
      {
        revokedAt: { from: null, to: ctx.now.toISOString() },
      },
    );
    return revoked!;
  });
}
