import { and, eq, ne } from 'drizzle-orm';
import { type AdminCtx, recordChange } from '../admin/admin-changes.commands.ts';
import type { Db } from '../db/database.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { people } from '../people/people.table.ts';
import { sessions } from './auth.table.ts';
import type { OwnPasswordChange } from './password.types.ts';
import { hashPassword, verifyPassword } from './secrets.ts';

/**
 * A person changes their own password: the current one must be theirs (`wrong_password`, counted
 * as a failed sign-in by the route's rate limit), the new one must differ. Their other sessions end,
 * the one they are using stays; the change is in the admin change log (the password as "set").
 */
export async function changeOwnPassword(
  db: Db,
  ctx: AdminCtx & { personId: string; keepSessionHash: string | null },
  input: OwnPasswordChange,
) {
  const [person] = await db
    .select({ id: people.id, name: people.name, passwordHash: people.passwordHash })
    .from(people)
    .where(and(eq(people.orgId, ctx.orgId), eq(people.id, ctx.personId)));
  if (!person) throw notFound('person', ctx.personId);
  // scrypt is slow by design: checked before the transaction, which then holds nothing while it runs.
  if (!person.passwordHash || !(await verifyPassword(input.currentPassword, person.passwordHash)))
    throw new ApiError('wrong_password', 'that is not your current password', { field: 'currentPassword' });
  if (input.newPassword === input.currentPassword)
    throw new ApiError('validation_failed', 'newPassword: must differ from the current password', {
      field: 'newPassword',
      issues: [{ field: 'newPassword', message: 'must differ from the current password' }],
    });
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    // Another change may have landed meanwhile: only the hash that was checked is replaced.
    const [changed] = await tx
      .update(people)
      .set({ passwordHash })
      .where(and(eq(people.id, person.id), eq(people.passwordHash, person.passwordHash!)))
      .returning({ id: people.id });
    if (!changed) throw new ApiError('conflict', 'your password changed meanwhile: sign in again and retry');
    const ended = await tx
      .delete(sessions)
      .where(
        and(
          eq(sessions.personId, person.id),
          ctx.keepSessionHash ? ne(sessions.idHash, ctx.keepSessionHash) : undefined,
        ),
      )
      .returning({ idHash: sessions.idHash });
    await recordChange(
      tx,
      ctx,
      'person.changed',
      { id: person.id, name: person.name },
      {
        password: { from: null, to: 'set' },
      },
    );
    return { changed: true, sessionsEnded: ended.length };
  });
}
