import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import { type AdminCtx, recordChange } from '../admin/admin-changes.commands.ts';
import type { Db, Tx } from '../db/database.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { people } from '../people/people.table.ts';
import { recoveryCodes } from './auth.table.ts';
import { hashSecret, verifyPassword } from './secrets.ts';
import { twoStepRequirementOf } from './sign-in-settings.queries.ts';
import {
  acceptedStep,
  isTotpCode,
  newRecoveryCodes,
  newTotpSecret,
  normalRecoveryCode,
  totpUri,
} from './two-step.ts';
import { requiredFor } from './two-step-policy.ts';

export type OwnCtx = AdminCtx & { personId: string };

async function personOf(db: Db, orgId: string, personId: string) {
  const [person] = await db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      passwordHash: people.passwordHash,
      totpSecret: people.totpSecret,
      totpEnabledAt: people.totpEnabledAt,
      totpPendingSecret: people.totpPendingSecret,
      roles: people.roles,
    })
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.id, personId)));
  if (!person) throw notFound('person', personId);
  return person;
}

const alreadyOn = () =>
  new ApiError('two_step_on', 'two-step sign-in is on already: turn it off first to set it up again');

/** Whether the organisation requires two-step sign-in of this person (Settings > Security). */
const requiredOf = async (db: Db, orgId: string, person: { roles: string[] }) =>
  requiredFor(await twoStepRequirementOf(db, orgId), person.roles);

/**
 * `GET /me/two-step`: whether it is on, since when, how many recovery codes are left, and whether
 * the organisation requires it of them.
 */
export async function twoStepStatus(db: Db, orgId: string, personId: string) {
  const person = await personOf(db, orgId, personId);
  const [left] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.personId, personId), isNull(recoveryCodes.usedAt)));
  return {
    enabled: person.totpSecret !== null,
    enabledAt: person.totpEnabledAt?.toISOString() ?? null,
    recoveryCodesLeft: person.totpSecret ? Number(left?.n ?? 0) : 0,
    required: await requiredOf(db, orgId, person),
  };
}

/** A new secret to set up, replacing one set up before and never confirmed; 409 while it is on. */
export async function setUpTwoStep(db: Db, ctx: OwnCtx) {
  const person = await personOf(db, ctx.orgId, ctx.personId);
  if (person.totpSecret) throw alreadyOn();
  const secret = newTotpSecret();
  const [set] = await db
    .update(people)
    .set({ totpPendingSecret: secret })
    .where(and(eq(people.id, person.id), isNull(people.totpSecret)))
    .returning({ id: people.id });
  if (!set) throw alreadyOn();
  return { secret, uri: totpUri(secret, person.email) };
}

/**
 * Turns it on with a code from the pending secret: the 10 recovery codes are returned once (only
 * their hashes are kept); in the admin change log as `twoStep: off -> on`, never the secret.
 */
export async function enableTwoStep(db: Db, ctx: OwnCtx, code: string) {
  const person = await personOf(db, ctx.orgId, ctx.personId);
  if (person.totpSecret) throw alreadyOn();
  const pending = person.totpPendingSecret;
  if (!pending)
    throw new ApiError('two_step_not_set_up', 'set two-step sign-in up first (POST /me/two-step/setup)');
  const step = acceptedStep(pending, code, ctx.now, null);
  if (step === null)
    throw new ApiError('wrong_code', 'that is not the code your authenticator app shows now', {
      field: 'code',
    });
  const codes = newRecoveryCodes();
  return db.transaction(async (tx) => {
    const [on] = await tx
      .update(people)
      .set({ totpSecret: pending, totpPendingSecret: null, totpEnabledAt: ctx.now, totpLastStep: step })
      .where(and(eq(people.id, person.id), eq(people.totpPendingSecret, pending), isNull(people.totpSecret)))
      .returning({ id: people.id });
    if (!on) throw new ApiError('conflict', 'two-step sign-in changed meanwhile: set it up again');
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.personId, person.id));
    await tx.insert(recoveryCodes).values(
      codes.map((c) => ({
        orgId: ctx.orgId,
        personId: person.id,
        codeHash: hashSecret(c),
        createdAt: ctx.now,
      })),
    );
    await recordChange(tx, ctx, 'person.changed', person, { twoStep: { from: 'off', to: 'on' } });
    return { enabled: true as const, recoveryCodes: codes };
  });
}

async function turnOff(tx: Tx, ctx: AdminCtx, person: { id: string; name: string }) {
  const [off] = await tx
    .update(people)
    .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null })
    .where(eq(people.id, person.id))
    .returning({ id: people.id });
  if (!off) throw notFound('person', person.id);
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.personId, person.id));
  await recordChange(tx, ctx, 'person.changed', person, { twoStep: { from: 'on', to: 'off' } });
}

/**
 * The person turns it off, proving their password (`wrong_password`, counted as a failed sign-in);
 * not while the organisation requires it of them (`two_step_enforced`: only an admin turns it off).
 */
export async function disableOwnTwoStep(db: Db, ctx: OwnCtx, password: string) {
  const person = await personOf(db, ctx.orgId, ctx.personId);
  if (!person.passwordHash || !(await verifyPassword(password, person.passwordHash)))
    throw new ApiError('wrong_password', 'that is not your current password', { field: 'password' });
  if (person.totpSecret && (await requiredOf(db, ctx.orgId, person)))
    throw new ApiError(
      'two_step_enforced',
      'your organisation requires two-step sign-in: if you lost your phone, sign in with a recovery code or ask an admin',
    );
  if (person.totpSecret) await db.transaction((tx) => turnOff(tx, ctx, person));
  else if (person.totpPendingSecret)
    await db.update(people).set({ totpPendingSecret: null }).where(eq(people.id, person.id));
  return { enabled: false as const };
}

/** An admin turns it off for someone who lost their phone; logged with the admin as actor. */
export async function disableTwoStepOf(db: Db, ctx: AdminCtx, personId: string) {
  const person = await personOf(db, ctx.orgId, personId);
  if (person.totpSecret) await db.transaction((tx) => turnOff(tx, ctx, person));
  return { enabled: false as const };
}

/**
 * The second step of a sign-in: a 6-digit code newer than the last one used, or an unused recovery
 * code, which is used up. Each check-and-use is one conditional write, so two requests with the
 * same code cannot both pass.
 */
export async function passSecondStep(
  db: Db,
  person: { id: string; totpSecret: string; totpLastStep: number | null },
  code: string,
  now: Date,
): Promise<boolean> {
  if (isTotpCode(code)) {
    const step = acceptedStep(person.totpSecret, code.replace(/\s/g, ''), now, person.totpLastStep);
    if (step === null) return false;
    const [used] = await db
      .update(people)
      .set({ totpLastStep: step })
      .where(
        and(
          eq(people.id, person.id),
          eq(people.totpSecret, person.totpSecret),
          or(isNull(people.totpLastStep), lt(people.totpLastStep, step)),
        ),
      )
      .returning({ id: people.id });
    return Boolean(used);
  }
  const [used] = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.personId, person.id),
        eq(recoveryCodes.codeHash, hashSecret(normalRecoveryCode(code))),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ personId: recoveryCodes.personId });
  return Boolean(used);
}
