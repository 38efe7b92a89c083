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
 * for someone without two-step sign-in is ignored.
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
  const session = newSecret('ses');
  const expiresAt = new Date(now.getTime() + sessionDays * 86_400_000);
  await db.insert(sessions).values({
    idHash: hashSecret(session),
    orgId: person!.orgId,
    personId: person!.id,
    createdAt: now,
    expiresAt,
    userAgent: storedUserAgent(client.userAgent),
    clientAddress: client.clientAddress ?? null,
    lastSeenAt: now,
  });
  const requirement = await twoStepRequirementOf(db, person!.orgId);
  return {
    session,
    expiresAt,
    person: { id: person!.id, name: person!.name, roles: person!.roles },
    twoStepSetupDue: setupDue(requirement, person!.roles, person!.totpSecret !== null),
  };
}

export async function signOut(db: Db, session: string) {
  await db.delete(sessions).where(and(eq(sessions.idHash, hashSecret(session))));
}
