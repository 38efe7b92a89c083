import { and, eq, inArray, ne } from 'drizzle-orm';
import { type AdminCtx, recordChange } from '../admin/admin-changes.commands.ts';
import { type ChangeDetail, replacedFields, settingsSubject } from '../admin/changes.ts';
import type { Db, Queryable } from '../db/database.ts';
import { uniqueViolation } from '../db/unique.ts';
import { ApiError } from '../http/errors.ts';
import { people } from '../people/people.table.ts';
import { sessions } from './auth.table.ts';
import { discover } from './identity-provider.ts';
import { type SsoSettings, ssoSettingsOf } from './single-sign-on.queries.ts';
import { singleSignOn, ssoDomains } from './single-sign-on.table.ts';
import { issuerProblem, passwordAllowed, reservedHost } from './single-sign-on.ts';
import type { SsoSettingsInput } from './single-sign-on.types.ts';

const claimedElsewhere = (domains: string[]) =>
  new ApiError(
    'conflict',
    `${domains.join(', ')} ${domains.length === 1 ? 'is' : 'are'} signed in by another organisation's single sign-on: a domain leads to one identity provider`,
    { field: 'emailDomains', domains },
  );

/** Turning it on proves the issuer answers as an OpenID Connect provider: 422 saying why not. */
async function checkDiscovery(input: SsoSettingsInput, clientSecret: string, allowHttp: boolean) {
  const host = new URL(input.issuer).hostname;
  const failed = (why: string) =>
    new ApiError('sso_discovery_failed', `${input.issuer}: ${why}`, { field: 'issuer' });
  if (reservedHost(host))
    throw failed(
      'this name is reserved for examples and tests (RFC 2606): no identity provider answers there',
    );
  try {
    await discover({ issuer: input.issuer, clientId: input.clientId, clientSecret }, allowHttp);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw failed(`its discovery document (/.well-known/openid-configuration) could not be read: ${why}`);
  }
}

/** The change as the admin change log keeps it: the secret only as "changed", never itself. */
function loggedChange(saved: SsoSettings | undefined, input: SsoSettingsInput): ChangeDetail {
  const view = (s: Omit<SsoSettingsInput, 'clientSecret'>) => ({
    singleSignOn: s.enabled,
    issuer: s.issuer,
    clientId: s.clientId,
    emailDomains: [...s.emailDomains].sort(),
    passwordSignIn: s.passwordSignIn,
    addPeopleAs: s.addPeopleAs ?? null,
  });
  const detail = replacedFields(saved ? view(saved) : {}, view(input));
  if (input.clientSecret !== undefined && input.clientSecret !== saved?.clientSecret)
    detail.clientSecret = { from: saved ? 'set' : null, to: 'changed' };
  return detail;
}

/**
 * Ends the password sessions of everyone the rule no longer lets sign in with a password: turning
 * on `admins_only` (or claiming another domain) would otherwise leave them signed in for up to two
 * weeks on a password they may no longer use. Single sign-on sessions and API tokens stay.
 */
async function endRefusedPasswordSessions(
  tx: Queryable,
  orgId: string,
  rule: NonNullable<Parameters<typeof passwordAllowed>[0]>,
) {
  if (!rule.enabled || rule.passwordSignIn === 'everyone') return 0;
  const signedIn = await tx
    .selectDistinct({ id: people.id, roles: people.roles, email: people.email })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .where(and(eq(sessions.orgId, orgId), eq(sessions.signedInWith, 'password')));
  const refused = signedIn.filter((p) => !passwordAllowed(rule, p)).map((p) => p.id);
  if (refused.length === 0) return 0;
  const ended = await tx
    .delete(sessions)
    .where(
      and(
        eq(sessions.orgId, orgId),
        eq(sessions.signedInWith, 'password'),
        inArray(sessions.personId, refused),
      ),
    )
    .returning({ personId: sessions.personId });
  return ended.length;
}

/**
 * An admin saves the organisation's identity provider: checked first (issuer, secret, domains free,
 * discovery when it is on), then saved with its domains and logged in one transaction, ending the
 * password sessions the rule now refuses. A refusal changes nothing. Answers how many sessions ended.
 */
export async function saveSsoSettings(db: Db, ctx: AdminCtx, input: SsoSettingsInput, allowHttp: boolean) {
  const problem = issuerProblem(input.issuer, allowHttp);
  if (problem) throw new ApiError('validation_failed', `issuer: ${problem}`, { field: 'issuer' });
  const saved = await ssoSettingsOf(db, ctx.orgId);
  const clientSecret = input.clientSecret ?? saved?.clientSecret;
  if (!clientSecret)
    throw new ApiError('validation_failed', 'clientSecret: give the client secret the first time', {
      field: 'clientSecret',
    });
  const domains = [...new Set(input.emailDomains)].sort();
  const taken = async (q: Pick<Db, 'select'>) =>
    domains.length === 0
      ? []
      : await q
          .select({ domain: ssoDomains.domain })
          .from(ssoDomains)
          .where(and(inArray(ssoDomains.domain, domains), ne(ssoDomains.orgId, ctx.orgId)));
  const elsewhere = await taken(db);
  if (elsewhere.length) throw claimedElsewhere(elsewhere.map((d) => d.domain));
  // Outside the transaction: the provider may take seconds, and PGlite has one connection.
  if (input.enabled) await checkDiscovery(input, clientSecret, allowHttp);
  const row = {
    enabled: input.enabled,
    issuer: input.issuer,
    clientId: input.clientId,
    clientSecret,
    passwordSignIn: input.passwordSignIn,
    addPeopleAs: input.addPeopleAs ?? null,
    updatedAt: ctx.now,
  };
  try {
    return await db.transaction(async (tx) => {
      await tx
        .insert(singleSignOn)
        .values({ orgId: ctx.orgId, ...row })
        .onConflictDoUpdate({ target: singleSignOn.orgId, set: row });
      await tx.delete(ssoDomains).where(eq(ssoDomains.orgId, ctx.orgId));
      if (domains.length)
        await tx.insert(ssoDomains).values(domains.map((domain) => ({ domain, orgId: ctx.orgId })));
      const ended = await endRefusedPasswordSessions(tx, ctx.orgId, { ...input, emailDomains: domains });
      const detail = loggedChange(saved, input);
      if (ended) detail.passwordSessionsEnded = { from: null, to: ended };
      await recordChange(tx, ctx, 'settings.changed', settingsSubject.singleSignOn, detail);
      return { passwordSessionsEnded: ended };
    });
  } catch (error) {
    // Another organisation claimed one of the domains meanwhile.
    if (uniqueViolation(error)) throw claimedElsewhere((await taken(db)).map((d) => d.domain));
    throw error;
  }
}
