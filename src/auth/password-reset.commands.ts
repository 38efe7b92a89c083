import { and, eq, inArray, sql } from 'drizzle-orm';
import { type AdminCtx, recordChange } from '../admin/admin-changes.commands.ts';
import type { Db, Tx } from '../db/database.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { organisations } from '../orgs/orgs.table.ts';
import { people } from '../people/people.table.ts';
import { passwordAllowedOf } from './auth.commands.ts';
import { passwordResets, sessions } from './auth.table.ts';
import { inviteLinkMinutes, type ResetConfirm, resetLinkMinutes } from './password-reset.types.ts';
import { hashPassword, hashSecret, newSecret } from './secrets.ts';

/** A link to e-mail: the token is here only; the database keeps its hash. */
export type PasswordLink = {
  personId: string;
  orgId: string;
  to: string;
  personName: string;
  organisation: string;
  token: string;
  /** `invite`: an admin's, to someone who has never had a password (a week); `reset`: 30 minutes. */
  kind: 'invite' | 'reset';
  expiresAt: Date;
};

type LinkFor = { id: string; orgId: string; name: string; email: string; organisation: string };

function planLink(p: LinkFor, kind: PasswordLink['kind'], now: Date): PasswordLink {
  const minutes = kind === 'invite' ? inviteLinkMinutes : resetLinkMinutes;
  return {
    personId: p.id,
    orgId: p.orgId,
    to: p.email,
    personName: p.name,
    organisation: p.organisation,
    token: newSecret('rst'),
    kind,
    expiresAt: new Date(now.getTime() + minutes * 60_000),
  };
}

/** Stores the links (each person's earlier ones stop working), with `alongside` in the same transaction. */
async function storeLinks(db: Db, links: PasswordLink[], now: Date, alongside?: (tx: Tx) => Promise<void>) {
  await db.transaction(async (tx) => {
    await tx.delete(passwordResets).where(
      inArray(
        passwordResets.personId,
        links.map((l) => l.personId),
      ),
    );
    await tx.insert(passwordResets).values(
      links.map((l) => ({
        tokenHash: hashSecret(l.token),
        orgId: l.orgId,
        personId: l.personId,
        createdAt: now,
        expiresAt: l.expiresAt,
      })),
    );
    await alongside?.(tx);
  });
}

const linkColumns = {
  id: people.id,
  orgId: people.orgId,
  roles: people.roles,
  name: people.name,
  email: people.email,
  organisation: organisations.name,
};

/**
 * Issues a reset link to every active person who signs in with this address (one per organisation
 * they belong to, as sign-in tries each); their earlier links stop working. An address nobody uses
 * issues nothing, nor does one whose organisation keeps passwords for admins once single sign-on is
 * on (a password would not sign them in), and the caller is told the same either way.
 */
export async function issuePasswordResets(db: Db, email: string, now: Date): Promise<PasswordLink[]> {
  const found = await db
    .select(linkColumns)
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.orgId))
    .where(and(eq(people.email, email), eq(people.active, 'yes')));
  const resettable = await passwordAllowedOf(db, found);
  if (resettable.length === 0) return [];
  const links = resettable.map((p) => planLink(p, 'reset', now));
  await storeLinks(db, links, now);
  return links;
}

/**
 * The link an admin sends one person to set their password: an invitation (a week) to someone who
 * has never had one, a reset link (30 minutes) otherwise. Nothing is stored yet: the caller e-mails
 * it, then stores it (`storePersonLink`), so a message that could not be sent changes nothing.
 */
export async function planPersonLink(db: Db, ctx: AdminCtx, personId: string): Promise<PasswordLink> {
  const [person] = await db
    .select({
      ...linkColumns,
      active: people.active,
      hasPassword: sql<boolean>`${people.passwordHash} is not null`,
    })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.orgId))
    .where(and(eq(people.orgId, ctx.orgId), eq(people.id, personId)));
  if (!person) throw notFound('person', personId);
  if (person.active !== 'yes')
    throw new ApiError('conflict', `${person.name} has no access: give it back before sending a link`);
  if ((await passwordAllowedOf(db, [person])).length === 0)
    throw new ApiError(
      'conflict',
      `${person.name} signs in with single sign-on, which keeps passwords for admins: no link to send`,
    );
  return planLink(person, person.hasPassword ? 'reset' : 'invite', ctx.now);
}

/** Stores an admin's link, in the admin change log as the kind of link e-mailed (never the link). */
export async function storePersonLink(db: Db, ctx: AdminCtx, link: PasswordLink) {
  await storeLinks(db, [link], ctx.now, (tx) =>
    recordChange(
      tx,
      ctx,
      'person.changed',
      { id: link.personId, name: link.personName },
      { passwordLink: { from: null, to: link.kind } },
    ),
  );
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
      roles: people.roles,
    })
    .from(passwordResets)
    .innerJoin(people, eq(people.id, passwordResets.personId))
    .where(eq(passwordResets.tokenHash, tokenHash));
  if (!link || link.expiresAt.getTime() <= now.getTime() || link.active !== 'yes') throw invalidLink();
  // A link sent before single sign-on took passwords away from this person sets none now.
  if ((await passwordAllowedOf(db, [link])).length === 0) throw invalidLink();
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
