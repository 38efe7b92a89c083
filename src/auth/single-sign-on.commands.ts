import { randomBytes } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull, ne, notInArray } from 'drizzle-orm';
import { type AdminCtx, recordChange } from '../admin/admin-changes.commands.ts';
import { type ChangeDetail, replacedFields, settingsSubject } from '../admin/changes.ts';
import type { Db, Queryable, Tx } from '../db/database.ts';
import { uniqueViolation } from '../db/unique.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { people } from '../people/people.table.ts';
import { sessions } from './auth.table.ts';
import { nothingPublished } from './dns-lookup.ts';
import { proofRecord, provedBy, type TxtLookup } from './domain-proof.ts';
import { discover, type ProviderSettings } from './identity-provider.ts';
import { certificateProblem, fingerprintsOf } from './saml.ts';
import { readIdpMetadata } from './saml-metadata.commands.ts';
import { passwordRuleOf, type SsoSettings, ssoSettingsOf } from './single-sign-on.queries.ts';
import { singleSignOn, ssoDomains } from './single-sign-on.table.ts';
import { issuerProblem, passwordAllowed, reservedHost } from './single-sign-on.ts';
import type { SsoSettingsInput } from './single-sign-on.types.ts';

const claimedElsewhere = (domains: string[]) =>
  new ApiError(
    'conflict',
    `${domains.join(', ')} ${domains.length === 1 ? 'is' : 'are'} signed in by another organisation's single sign-on: a domain leads to one identity provider`,
    { field: 'emailDomains', domains },
  );

/** The domains of `domains` another organisation has proved (claims not proved do not count). */
const provedElsewhere = async (q: Pick<Db, 'select'>, orgId: string, domains: string[]) =>
  domains.length === 0
    ? []
    : await q
        .select({ domain: ssoDomains.domain })
        .from(ssoDomains)
        .where(
          and(
            inArray(ssoDomains.domain, domains),
            ne(ssoDomains.orgId, orgId),
            isNotNull(ssoDomains.verifiedAt),
          ),
        );

/** Turning it on proves the issuer answers as an OpenID Connect provider: 422 saying why not. */
async function checkDiscovery(provider: ProviderSettings, allowHttp: boolean) {
  const host = new URL(provider.issuer).hostname;
  const failed = (why: string) =>
    new ApiError('sso_discovery_failed', `${provider.issuer}: ${why}`, { field: 'issuer' });
  if (reservedHost(host))
    throw failed(
      'this name is reserved for examples and tests (RFC 2606): no identity provider answers there',
    );
  try {
    await discover(provider, allowHttp);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw failed(`its discovery document (/.well-known/openid-configuration) could not be read: ${why}`);
  }
}

const invalid = (field: string, why: string) =>
  new ApiError('validation_failed', `${field}: ${why}`, { field });

/** A stored value the request may leave out (a secret, a certificate): refused when none is stored either. */
function givenOrSaved(
  given: string | undefined,
  saved: string | null | undefined,
  field: string,
  what: string,
) {
  const value = given ?? saved;
  if (!value) throw invalid(field, `give ${what} the first time`);
  return value;
}

/**
 * The protocol's columns as the input sets them, checked: an https issuer or sign-in URL, the
 * secret or certificate given now or stored before; OpenID Connect's provider is asked for its
 * discovery document when single sign-on is turned on. The other protocol's columns stay as saved.
 */
async function protocolColumns(
  input: SsoSettingsInput,
  saved: SsoSettings | undefined,
  allowHttp: boolean,
  now: Date,
) {
  if (input.protocol === 'saml') {
    if (input.samlMetadataUrl) {
      // Outside the transaction, as OpenID Connect's discovery: the provider may take seconds.
      const read = await readIdpMetadata(input.samlMetadataUrl, allowHttp);
      if ('problem' in read)
        throw new ApiError('saml_metadata_unreadable', read.problem, { field: 'samlMetadataUrl' });
      return {
        samlSignInUrl: read.signInUrl,
        samlIdpEntityId: read.entityId || null,
        samlCertificate: read.certificate,
        samlMetadataUrl: input.samlMetadataUrl,
        samlMetadataCheckedAt: now,
        samlMetadataProblem: null,
      };
    }
    const signInUrl = input.samlSignInUrl!;
    const problem = issuerProblem(signInUrl, allowHttp, { query: true });
    if (problem) throw invalid('samlSignInUrl', problem);
    const certificate = givenOrSaved(
      input.samlCertificate,
      saved?.samlCertificate,
      'samlCertificate',
      'the identity provider’s signing certificate',
    );
    const unusable = certificateProblem(certificate);
    if (unusable) throw invalid('samlCertificate', unusable);
    return {
      samlSignInUrl: signInUrl,
      samlIdpEntityId: input.samlIdpEntityId ?? null,
      samlCertificate: certificate,
      samlMetadataUrl: null,
      samlMetadataCheckedAt: null,
      samlMetadataProblem: null,
    };
  }
  const issuer = input.issuer!;
  const problem = issuerProblem(issuer, allowHttp);
  if (problem) throw invalid('issuer', problem);
  const clientSecret = givenOrSaved(
    input.clientSecret,
    saved?.clientSecret,
    'clientSecret',
    'the client secret',
  );
  const provider = { issuer, clientId: input.clientId!, clientSecret };
  // Outside the transaction: the provider may take seconds, and PGlite has one connection.
  if (input.enabled) await checkDiscovery(provider, allowHttp);
  return provider;
}

/**
 * The change as the admin change log keeps it: the secret only as "changed", never itself; the
 * certificate by its fingerprint. Only the saved protocol's fields are compared.
 */
function loggedChange(saved: SsoSettings | undefined, input: SsoSettingsInput): ChangeDetail {
  const view = (s: Omit<SsoSettingsInput, 'clientSecret' | 'samlCertificate'>) => ({
    singleSignOn: s.enabled,
    protocol: s.protocol,
    ...(input.protocol === 'saml'
      ? {
          samlSignInUrl: s.samlSignInUrl ?? null,
          samlIdpEntityId: s.samlIdpEntityId ?? null,
          samlMetadataUrl: s.samlMetadataUrl ?? null,
        }
      : { issuer: s.issuer ?? null, clientId: s.clientId ?? null }),
    emailDomains: [...s.emailDomains].sort(),
    passwordSignIn: s.passwordSignIn,
    addPeopleAs: s.addPeopleAs ?? null,
  });
  const detail = replacedFields(saved ? view(nullsAsUndefined(saved)) : {}, view(input));
  if (input.clientSecret !== undefined && input.clientSecret !== saved?.clientSecret)
    detail.clientSecret = { from: saved?.clientSecret ? 'set' : null, to: 'changed' };
  if (input.samlCertificate !== undefined) {
    const [from, to] = [fingerprintsOf(saved?.samlCertificate), fingerprintsOf(input.samlCertificate)];
    if (from !== to) detail.samlCertificate = { from, to };
  }
  return detail;
}

const nullsAsUndefined = (saved: SsoSettings) => ({
  ...saved,
  issuer: saved.issuer ?? undefined,
  clientId: saved.clientId ?? undefined,
  samlSignInUrl: saved.samlSignInUrl ?? undefined,
});

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
export async function saveSsoSettings(
  db: Db,
  ctx: AdminCtx,
  input: SsoSettingsInput,
  opts: { allowHttp: boolean; proofAsked: boolean },
) {
  const saved = await ssoSettingsOf(db, ctx.orgId);
  const domains = [...new Set(input.emailDomains)].sort();
  const taken = (q: Pick<Db, 'select'>) => provedElsewhere(q, ctx.orgId, domains);
  const elsewhere = await taken(db);
  if (elsewhere.length) throw claimedElsewhere(elsewhere.map((d) => d.domain));
  const columns = await protocolColumns(input, saved, opts.allowHttp, ctx.now);
  // What was saved, for the log: read from the provider's metadata, or as given.
  const effective = { ...input, ...columns };
  const row = {
    enabled: input.enabled,
    protocol: input.protocol,
    ...columns,
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
      await saveDomains(tx, ctx, domains, opts.proofAsked);
      // Only a proved domain signs in, so only its people lose their password sessions.
      const rule = await passwordRuleOf(tx, ctx.orgId);
      const ended = rule ? await endRefusedPasswordSessions(tx, ctx.orgId, rule) : 0;
      const detail = loggedChange(saved, effective);
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

/**
 * The organisation's claimed domains become `domains`: one no longer named is dropped, a new one is
 * claimed with its own token, proved at once where no proof is asked (so is one saved before, still
 * unproved, when proof is no longer asked). A domain kept keeps its token and its proof.
 */
async function saveDomains(tx: Tx, ctx: AdminCtx, domains: string[], proofAsked: boolean) {
  await tx
    .delete(ssoDomains)
    .where(
      and(
        eq(ssoDomains.orgId, ctx.orgId),
        domains.length ? notInArray(ssoDomains.domain, domains) : undefined,
      ),
    );
  if (domains.length === 0) return;
  const proved = proofAsked ? {} : { verifiedAt: ctx.now, verifiedBy: 'unchallenged' as const };
  await tx
    .insert(ssoDomains)
    .values(
      domains.map((domain) => ({
        orgId: ctx.orgId,
        domain,
        verificationToken: randomBytes(16).toString('hex'),
        ...proved,
      })),
    )
    // A domain this organisation claims already keeps its row; one another organisation proved
    // meanwhile still breaks the unique index of proved domains (answered 409 by the caller).
    .onConflictDoNothing({ target: [ssoDomains.orgId, ssoDomains.domain] });
  if (!proofAsked)
    await tx
      .update(ssoDomains)
      .set(proved)
      .where(and(eq(ssoDomains.orgId, ctx.orgId), isNull(ssoDomains.verifiedAt)));
}

/**
 * An admin asks Baton to check the TXT record that proves the organisation owns `domain`. Found:
 * the domain is proved (by DNS, now) and signs its addresses in; in the admin change log. Not found
 * or not matching: `domain_unproved` saying what was expected and what DNS answers, nothing changed.
 * Proved already: answered as it is. Proved meanwhile by another organisation: `conflict`.
 */
export async function proveSsoDomain(db: Db, ctx: AdminCtx, domain: string, lookup: TxtLookup) {
  const [claim] = await db
    .select()
    .from(ssoDomains)
    .where(and(eq(ssoDomains.orgId, ctx.orgId), eq(ssoDomains.domain, domain)));
  if (!claim) throw notFound('e-mail domain', domain);
  // Proved and its record in place: answered as it is. Proved but its record found missing by the
  // daily check: looked up now, so an admin who put it back sees the warning go at once.
  if (claim.verifiedAt && !claim.missingSince) return { ...claim, passwordSessionsEnded: 0 };
  const record = proofRecord(domain, claim.verificationToken);
  let found: string[][] = [];
  try {
    found = await lookup(record.name);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!nothingPublished.has(code))
      throw new ApiError(
        'domain_unproved',
        `DNS could not be asked about ${record.name} (${code || String(error)}): try again`,
        {
          domain,
          record,
          found: [],
        },
      );
  }
  if (!provedBy(found, claim.verificationToken))
    throw new ApiError(
      'domain_unproved',
      found.length === 0
        ? claim.verifiedAt
          ? // Proved before, its record gone since: it is to be put back, not published for the first time.
            `the TXT record at ${record.name} is still missing: put it back (DNS changes can take a while to spread), then check again`
          : `no TXT record at ${record.name} yet: publish it (DNS changes can take a while to spread), then check again`
        : `the TXT records at ${record.name} do not hold ${record.value}`,
      { domain, record, found: found.map((chunks) => chunks.join('')) },
    );
  if (claim.verifiedAt) {
    await db
      .update(ssoDomains)
      .set({ checkedAt: ctx.now, missingSince: null })
      .where(and(eq(ssoDomains.orgId, ctx.orgId), eq(ssoDomains.domain, domain)));
    return { ...claim, passwordSessionsEnded: 0 };
  }
  try {
    return await db.transaction(async (tx) => {
      const [proved] = await tx
        .update(ssoDomains)
        .set({ verifiedAt: ctx.now, verifiedBy: 'dns', checkedAt: ctx.now, missingSince: null })
        .where(and(eq(ssoDomains.orgId, ctx.orgId), eq(ssoDomains.domain, domain)))
        .returning();
      if (!proved) throw notFound('e-mail domain', domain);
      // Its people now sign in with single sign-on: where only admins keep passwords, theirs end.
      const rule = await passwordRuleOf(tx, ctx.orgId);
      const ended = rule ? await endRefusedPasswordSessions(tx, ctx.orgId, rule) : 0;
      await recordChange(tx, ctx, 'settings.changed', settingsSubject.singleSignOn, {
        domainProved: { from: null, to: domain },
        ...(ended ? { passwordSessionsEnded: { from: null, to: ended } } : {}),
      });
      return { ...proved, passwordSessionsEnded: ended };
    });
  } catch (error) {
    if (uniqueViolation(error)) throw claimedElsewhere([domain]);
    throw error;
  }
}
