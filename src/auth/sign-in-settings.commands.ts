import { and, eq } from 'drizzle-orm';
import { type AdminCtx, recordChange } from '../admin/admin-changes.commands.ts';
import { replacedFields, settingsSubject } from '../admin/changes.ts';
import type { Db } from '../db/database.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { organisations } from '../orgs/orgs.table.ts';
import { people } from '../people/people.table.ts';
import type { SignInSettingsInput } from './sign-in-settings.types.ts';
import { requiredFor } from './two-step-policy.ts';

/**
 * An admin sets who must sign in in two steps, and after how many idle minutes a session ends (its
 * next request is refused and the session forgotten), either or both. An admin acting as themselves
 * cannot require a second step of a group they belong to before turning their own on
 * (`own_two_step_off`): it would stop them at their next request. Everyone it covers without one is
 * stopped at their next request (`two_step_setup_required`) until they set it up; nobody is signed out.
 */
export async function saveSignInSettings(db: Db, ctx: AdminCtx, input: SignInSettingsInput) {
  const { twoStepRequired } = input;
  if (ctx.actorId && twoStepRequired) {
    const [actor] = await db
      .select({ roles: people.roles, totpSecret: people.totpSecret })
      .from(people)
      .where(and(eq(people.orgId, ctx.orgId), eq(people.id, ctx.actorId)));
    if (actor && !actor.totpSecret && requiredFor(twoStepRequired, actor.roles))
      throw new ApiError(
        'own_two_step_off',
        'turn on your own two-step sign-in first (your account menu > Two-step sign-in): requiring it now would stop you too',
        { field: 'twoStepRequired' },
      );
  }
  return db.transaction(async (tx) => {
    const [saved] = await tx
      .select({
        twoStepRequired: organisations.twoStepRequired,
        sessionIdleMinutes: organisations.sessionIdleMinutes,
      })
      .from(organisations)
      .where(eq(organisations.id, ctx.orgId))
      .for('update');
    if (!saved) throw notFound('organisation', ctx.orgId);
    const next = { ...saved, ...input };
    await tx.update(organisations).set(next).where(eq(organisations.id, ctx.orgId));
    await recordChange(tx, ctx, 'settings.changed', settingsSubject.signIn, replacedFields(saved, next));
    return next;
  });
}
