import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import type { Role } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { people } from '../people/people.table.ts';
import { apiTokens, sessions } from './auth.table.ts';
import { storedUserAgent } from './device.ts';
import { hashSecret, newSecret, verifyPassword } from './secrets.ts';
import { twoStepRequirementOf } from './sign-in-settings.queries.ts';
import { passwordRuleOf } from './single-sign-on.queries.ts';
import { passwordAllowed } from './single-sign-on.ts';
import { passSecondStep } from './two-step.commands.ts';
import { setupDue } from './two-step-policy.ts';

export const sessionDays = 14;

/** Creates an API token; the token itself is returned once and only its hash is kept. */
export async function createApiToken(
  db: Db,
  input: { orgId: string; name: string; roles: Role[]; personId?: string | null },
) {
  const token = newSecret('btn');
  const id = newId('tok');
  await db.insert(apiTokens).values({
    id,
    orgId: input.orgId,
    personId: input.personId ?? null,
    name: input.name,
    tokenHash: hashSecret(token),
    roles: input.roles,
  });
  return { id, token };
}

/** Where a sign-in comes from: the browser's User-Agent and the client's address, as they arrived. */
export type SignInClient = { userAgent?: string | null; clientAddress?: string | null };

/**
 * Signs in with e-mail and password, and for a person with two-step sign-in on, the code from their
 * authenticator app or a recovery code: without one the answer is `two_step_required` (401, no
 * session), with a wrong one `invalid_code` (401, a failed sign-in for the rate limit). A code sent
 * for someone without two-step sign-in is ignored. A person whose organisation keeps passwords for
 * admins once single sign-on is on is told `sso_required` (401, no session), only after the password
 * was found right, so that a guesser cannot learn which addresses sign in with single sign-on (a
 * right password is no way in for them either).
 */
export async function signIn(
  db: Db,
  email: string,
  password: string,
  now: Date,
  client: SignInClient = {},
  code?: string,
) {
  const candidates = await db.select().from(people).where(eq(people.email, email.trim().toLowerCase()));
  const matched = [];
  for (const person of candidates) {
    if (
      person.passwordHash &&
      person.active === 'yes' &&
      (await verifyPassword(password, person.passwordHash))
    )
      matched.push(person);
  }
  if (matched.length === 0) throw new ApiError('invalid_credentials', 'unknown email or wrong password');
  const allowed = await passwordAllowedOf(db, matched);
  if (allowed.length === 0)
    throw new ApiError(
      'sso_required',
      'your organisation signs you in with single sign-on: use "Sign in with single sign-on" with your work e-mail',
    );
  return passSecondStepOf(db, allowed, now, client, code);
}

/** Those whose organisation still lets them sign in with a password (single sign-on may not). */
export async function passwordAllowedOf<P extends { orgId: string; roles: string[]; email: string }>(
  db: Db,
  matched: P[],
) {
  const out: P[] = [];
  for (const person of matched)
    if (passwordAllowed(await passwordRuleOf(db, person.orgId), person)) out.push(person);
  return out;
}

/** The second step of those whose password was right, then their session. */
async function passSecondStepOf(
  db: Db,
  matched: (typeof people.$inferSelect)[],
  now: Date,
  client: SignInClient,
  code?: string,
) {
  const twoStep = matched.filter((p) => p.totpSecret !== null);
  let person = code === undefined ? matched.find((p) => p.totpSecret === null) : undefined;
  if (!person && code !== undefined && twoStep.length === 0) person = matched[0];
  if (!person && code === undefined)
    throw new ApiError('two_step_required', 'enter the 6-digit code from your authenticator app', {
      field: 'code',
    });
  if (!person && code !== undefined) {
    for (const p of twoStep) {
      if (
        await passSecondStep(
          db,
          { id: p.id, totpSecret: p.totpSecret!, totpLastStep: p.totpLastStep },
          code,
          now,
        )
      ) {
        person = p;
        break;
      }
    }
    if (!person)
      throw new ApiError('invalid_code', 'that code is wrong, was used already, or has expired', {
        field: 'code',
      });
  }
  return startSession(db, person!, now, client, 'password');
}

/**
 * Starts a signed-in session for a person whose sign-in passed (a password and its second step, or
 * the organisation's identity provider): the cookie's value is returned once, only its hash is kept.
 */
export async function startSession(
  db: Db,
  person: { id: string; orgId: string; name: string; roles: string[]; totpSecret: string | null },
  now: Date,
  client: SignInClient,
  signedInWith: 'password' | 'sso',
) {
  const session = newSecret('ses');
  const expiresAt = new Date(now.getTime() + sessionDays * 86_400_000);
  await db.insert(sessions).values({
    idHash: hashSecret(session),
    orgId: person.orgId,
    personId: person.id,
    createdAt: now,
    expiresAt,
    userAgent: storedUserAgent(client.userAgent),
    clientAddress: client.clientAddress ?? null,
    lastSeenAt: now,
    signedInWith,
  });
  const requirement = await twoStepRequirementOf(db, person.orgId);
  return {
    session,
    expiresAt,
    person: { id: person.id, name: person.name, roles: person.roles },
    // The identity provider was the second step: a requirement asks nothing more of such a session.
    twoStepSetupDue:
      signedInWith === 'password' && setupDue(requirement, person.roles, person.totpSecret !== null),
  };
}

export async function signOut(db: Db, session: string) {
  await db.delete(sessions).where(and(eq(sessions.idHash, hashSecret(session))));
}
