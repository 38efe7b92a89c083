import { and, eq, inArray } from 'drizzle-orm';
import { recordChange } from '../admin/admin-changes.commands.ts';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { organisations } from '../orgs/orgs.table.ts';
import { people } from '../people/people.table.ts';
import { passwordResets, sessions } from './auth.table.ts';
import { type ResetConfirm, resetLinkMinutes } from './password-reset.types.ts';
import { hashPassword, hashSecret, newSecret } from './secrets.ts';

/** A reset link to e-mail: the token is in this answer only; the database keeps its hash. */
export type IssuedReset = { to: string; personName: string; organisation: string; token: string };

/**
 * Issues a reset link to every active person who signs in with this address (one per organisation
 * they belong to, as sign-in tries each); their earlier links stop working. An address nobody uses
 * issues nothing, and the caller is told the same either way.
 */
export async function issuePasswordResets(db: Db, email: string, now: Date): Promise<IssuedReset[]> {
  const found = await db
    .select({
      id: people.id,
      orgId: people.orgId,
      name: people.name,
      email: people.email,
      organisation: organisations.name,
    })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.orgId))
    .where(and(eq(people.email, email), eq(people.active, 'yes')));
  if (found.length === 0) return [];
  const issued = found.map((p) => ({ ...p, token: newSecret('rst') }));
  const expiresAt = new Date(now.getTime() + resetLinkMinutes * 60_000);
  await db.transaction(async (tx) => {
    await tx.delete(passwordResets).where(
      inArray(
        passwordResets.personId,
        found.map((p) => p.id),
      ),
    );
    await tx.insert(passwordResets).values(
      issued.map((p) => ({
        tokenHash: hashSecret(p.token),
        orgId: p.orgId,
        personId: p.id,
        createdAt: now,
        expiresAt,
      })),
    );
  });
  return issued.map((p) => ({
    to: p.email,
    personName: p.name,
    organisation: p.organisation,
    token: p.token,
  }));
}

const invalidLink = () =>
  new ApiError('invalid_reset_link', 'this link has expired or was used already: ask for a new one', {
    field: 'token',
  });

/**
 * Sets a new password from a reset link: the link works once and within its time, for a person who
 * still has access. All of the person's sessions end (whoever had the old password is signed out);
 * the change is in the admin change log, by the person, the password only as "set".
 */
export async function resetPassword(db: Db, input: ResetConfirm, now: Date) {
  const tokenHash = hashSecret(input.token);
  const [link] = await db
    .select({
      personId: passwordResets.personId,
      orgId: passwordResets.orgId,
      expiresAt: passwordResets.expiresAt,
      name: people.name,
      email: people.email,
      active: people.active,
    })
    .from(passwordResets)
    .innerJoin(people, eq(people.id, passwordResets.personId))
    .where(eq(passwordResets.tokenHash, tokenHash));
  if (!link || link.expiresAt.getTime() <= now.getTime() || link.active !== 'yes') throw invalidLink();
  // scrypt is slow by design: hashed before the transaction, which then holds nothing while it runs.
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    // Whoever removes the link first sets the password: a second use finds nothing.
    const used = await tx
      .delete(passwordResets)
      .where(eq(passwordResets.tokenHash, tokenHash))
      .returning({ personId: passwordResets.personId });
    if (used.length === 0) throw invalidLink();
    const [person] = await tx
      .update(people)
      .set({ passwordHash })
      .where(and(eq(people.id, link.personId), eq(people.active, 'yes')))
      .returning({ id: people.id });
    if (!person) throw invalidLink();
    const ended = await tx
      .delete(sessions)
      .where(eq(sessions.personId, link.personId))
      .returning({ idHash: sessions.idHash });
    await recordChange(
      tx,
      { orgId: link.orgId, now, actorId: link.personId },
      'person.changed',
      { id: link.personId, name: link.name },
      { password: { from: null, to: 'set' } },
    );
    return { reset: true as const, email: link.email, sessionsEnded: ended.length };
  });
}
