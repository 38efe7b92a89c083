import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import type { Role } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { people } from '../people/people.table.ts';
import { apiTokens, sessions } from './auth.table.ts';
import { storedUserAgent } from './device.ts';
import { hashSecret, newSecret, verifyPassword } from './secrets.ts';

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

export async function signIn(db: Db, email: string, password: string, now: Date, client: SignInClient = {}) {
  const candidates = await db.select().from(people).where(eq(people.email, email.trim().toLowerCase()));
  for (const person of candidates) {
    if (
      person.passwordHash &&
      person.active === 'yes' &&
      (await verifyPassword(password, person.passwordHash))
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
      });
      return { session, expiresAt, person: { id: person.id, name: person.name, roles: person.roles } };
    }
  }
  throw new ApiError('invalid_credentials', 'unknown email or wrong password');
}

export async function signOut(db: Db, session: string) {
  await db.delete(sessions).where(and(eq(sessions.idHash, hashSecret(session))));
}
