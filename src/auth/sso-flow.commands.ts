import { and, eq, isNull, sql } from 'drizzle-orm';
import { firstSignInActor } from '../admin/changes.ts';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { people } from '../people/people.table.ts';
import { addPerson } from '../people/people-admin.commands.ts';
import type { ProvisionedRole } from '../provisioning/scim.types.ts';
import { type SignInClient, startSession } from './auth.commands.ts';
import {
  authorizationUrl,
  discoverForSignIn,
  newAttemptSecrets,
  type ProvenIdentity,
  type ProviderSettings,
  provenIdentity,
} from './identity-provider.ts';
import { type ServiceProvider, samlIdentityOf } from './saml.ts';
import {
  checkedSamlResponse,
  newSamlRequestId,
  type SamlProviderSettings,
  samlSignInUrl,
} from './saml-provider.ts';
import { hashSecret, safeEqual } from './secrets.ts';
import { ssoForDomain, ssoForOrganisation, ssoSettingsOf } from './single-sign-on.queries.ts';
import { ssoAttempts } from './single-sign-on.table.ts';
import {
  attemptMinutes,
  domainOf,
  emailVerified,
  nameFromAddress,
  type SsoFailure,
  safeNext,
} from './single-sign-on.ts';

/** A failed single sign-on: the browser is sent back to the sign-in page with `code`; `detail` is for the log. */
export class SsoRefusal extends ApiError {
  constructor(
    code: SsoFailure,
    message: string,
    readonly detail?: unknown,
  ) {
    super(code, message);
  }
}

type Flow = { now: Date; redirectUri: string; allowHttp: boolean; sp: ServiceProvider };

type Settings = NonNullable<Awaited<ReturnType<typeof ssoForDomain>>>;

/** The OpenID Connect provider of settings saved for it (the schema's checks keep these set). */
const oidcProvider = (sso: Pick<Settings, 'issuer' | 'clientId' | 'clientSecret'>): ProviderSettings => ({
  issuer: sso.issuer ?? '',
  clientId: sso.clientId ?? '',
  clientSecret: sso.clientSecret ?? '',
});

/** The SAML provider of settings saved for it (the schema's checks keep these set). */
const samlProvider = (
  sso: Pick<Settings, 'samlSignInUrl' | 'samlIdpEntityId' | 'samlCertificate'>,
): SamlProviderSettings => ({
  samlSignInUrl: sso.samlSignInUrl ?? '',
  samlIdpEntityId: sso.samlIdpEntityId,
  samlCertificate: sso.samlCertificate ?? '',
});

const attemptExpiry = (now: Date) => new Date(now.getTime() + attemptMinutes * 60_000);

/**
 * Starts a sign-in at the identity provider of the organisation whose single sign-on claims the
 * address's domain: the attempt (its state; the nonce and PKCE verifier, or the SAML request's ID;
 * where to go next) is kept for 10 minutes, and the browser is sent to the provider. Nothing is
 * kept when the domain has no single sign-on or the provider cannot be reached.
 */
export async function startSsoSignIn(
  db: Db,
  input: { email?: string; org?: string; next?: string },
  flow: Flow,
) {
  const domain = input.email ? domainOf(input.email) : undefined;
  const sso = input.org
    ? await ssoForOrganisation(db, input.org.toLowerCase())
    : domain
      ? await ssoForDomain(db, domain)
      : undefined;
  if (!sso)
    throw new SsoRefusal(
      'sso_not_configured',
      `no single sign-on for ${input.org ? `organisation ${input.org}` : (domain ?? 'that address')}`,
    );
  // From an app tile no address is known: the provider asks who signs in.
  const email = input.email?.trim();
  const secrets = newAttemptSecrets();
  const attempt = {
    stateHash: hashSecret(secrets.state),
    orgId: sso.orgId,
    next: safeNext(input.next),
    createdAt: flow.now,
    expiresAt: attemptExpiry(flow.now),
  };
  if (sso.protocol === 'saml') {
    const requestId = newSamlRequestId();
    const url = await samlSignInUrl(samlProvider(sso), flow.sp, {
      requestId,
      requestedAt: flow.now,
      relayState: secrets.state,
      email,
    }).catch((error) => {
      throw new SsoRefusal('sso_failed', 'the SAML request could not be made', error);
    });
    await db.insert(ssoAttempts).values({ ...attempt, samlRequestId: requestId });
    return { url, state: secrets.state };
  }
  const config = await discoverForSignIn(oidcProvider(sso), flow.allowHttp, flow.now).catch((error) => {
    throw new SsoRefusal('sso_failed', 'the identity provider could not be reached', error);
  });
  const url = await authorizationUrl(config, flow.redirectUri, secrets, email);
  await db
    .insert(ssoAttempts)
    .values({ ...attempt, nonce: secrets.nonce, codeVerifier: secrets.codeVerifier });
  return { url, state: secrets.state };
}

/** What a SAML identity provider posted through the browser. */
export type SamlPost = { SAMLResponse?: string; RelayState?: string };

/**
 * Takes a SAML response the identity provider posted (HTTP-POST binding) for a sign-in Baton
 * started (its `RelayState` is the attempt's state): checked as the answer to that attempt's request
 * (signature by the organisation's certificate, issuer, audience, validity, InResponseTo), its
 * identity is kept on the attempt, and the browser is to come back to the callback with the state,
 * where the cookie that binds the sign-in to it is sent (it is not sent with another site's post).
 * A sign-in the provider started (no RelayState) is refused. A refusal uses the attempt up.
 */
export async function acceptSamlResponse(db: Db, post: SamlPost, flow: { now: Date; sp: ServiceProvider }) {
  const invalid = (why: string) => new SsoRefusal('sso_state_invalid', why);
  if (!post.RelayState)
    throw new SsoRefusal(
      'sso_unsolicited',
      'the identity provider sent a response nobody asked for (its app tile should open /api/v1/auth/sso/start?org=<short name>)',
    );
  const stateHash = hashSecret(post.RelayState);
  const [attempt] = await db.select().from(ssoAttempts).where(eq(ssoAttempts.stateHash, stateHash));
  if (!attempt?.samlRequestId || attempt.samlIdentity)
    throw invalid('no such sign-in, or it was used already');
  const usedUp = async (refusal: SsoRefusal) => {
    await db.delete(ssoAttempts).where(eq(ssoAttempts.stateHash, stateHash));
    return refusal;
  };
  if (attempt.expiresAt.getTime() <= flow.now.getTime())
    throw await usedUp(invalid('the sign-in took longer than 10 minutes'));
  const sso = await ssoSettingsOf(db, attempt.orgId);
  if (!sso?.enabled || sso.protocol !== 'saml')
    throw await usedUp(new SsoRefusal('sso_not_configured', 'SAML single sign-on was turned off meanwhile'));
  if (!post.SAMLResponse)
    throw await usedUp(new SsoRefusal('sso_failed', 'the identity provider posted no SAMLResponse'));
  const request = { requestId: attempt.samlRequestId, requestedAt: attempt.createdAt };
  const profile = await checkedSamlResponse(samlProvider(sso), flow.sp, request, post.SAMLResponse).catch(
    async (error) => {
      throw await usedUp(
        new SsoRefusal('sso_failed', 'the identity provider’s response did not pass the checks', error),
      );
    },
  );
  const identity = samlIdentityOf(profile);
  if (!identity)
    throw await usedUp(
      new SsoRefusal('sso_no_account', 'the identity provider’s response gives no e-mail address', {
        nameIDFormat: profile.nameIDFormat,
      }),
    );
  const [kept] = await db
    .update(ssoAttempts)
    .set({ samlIdentity: identity })
    .where(and(eq(ssoAttempts.stateHash, stateHash), isNull(ssoAttempts.samlIdentity)))
    .returning({ orgId: ssoAttempts.orgId });
  // The same response posted twice at once: the first one counts.
  if (!kept) throw invalid('no such sign-in, or it was used already');
  return { state: post.RelayState };
}

/** What the identity provider sent the browser back with. */
export type ProviderAnswer = { code?: string; state?: string; error?: string; error_description?: string };

/** The attempt the answer's state names, used up whatever follows: a state works once. */
async function takeAttempt(db: Db, answer: ProviderAnswer, browserState: string | undefined, now: Date) {
  const invalid = (why: string) => new SsoRefusal('sso_state_invalid', why);
  if (!answer.state) throw invalid('the answer names no sign-in');
  const [attempt] = await db
    .delete(ssoAttempts)
    .where(eq(ssoAttempts.stateHash, hashSecret(answer.state)))
    .returning();
  if (!attempt) throw invalid('no such sign-in, or it was used already');
  if (attempt.expiresAt.getTime() <= now.getTime()) throw invalid('the sign-in took longer than 10 minutes');
  // Bound to the browser that started it: a link with someone else's sign-in signs nobody in here.
  if (!browserState || !safeEqual(browserState, answer.state))
    throw invalid('this sign-in was started in another browser');
  return attempt;
}

/**
 * Who the provider says signed in: for SAML, the identity its response gave, checked when it was
 * posted (the address is vouched for by the signed assertion); for OpenID Connect, the code
 * exchanged and the ID token checked now.
 */
async function identityOf(
  attempt: typeof ssoAttempts.$inferSelect,
  sso: Settings,
  answer: ProviderAnswer,
  flow: Flow & { callbackUrl: URL },
): Promise<ProvenIdentity> {
  if (attempt.samlRequestId) {
    if (!attempt.samlIdentity)
      throw new SsoRefusal('sso_state_invalid', 'the identity provider’s response has not arrived');
    if (sso.protocol !== 'saml')
      throw new SsoRefusal('sso_not_configured', 'SAML single sign-on was turned off meanwhile');
    return { ...attempt.samlIdentity, emailVerified: true };
  }
  if (sso.protocol !== 'oidc' || !attempt.nonce || !attempt.codeVerifier)
    throw new SsoRefusal('sso_not_configured', 'OpenID Connect single sign-on was turned off meanwhile');
  const secrets = { state: answer.state!, nonce: attempt.nonce, codeVerifier: attempt.codeVerifier };
  return await discoverForSignIn(oidcProvider(sso), flow.allowHttp, flow.now)
    .then((config) => provenIdentity(config, flow.callbackUrl, secrets))
    .catch((error) => {
      throw new SsoRefusal('sso_failed', 'the identity provider’s answer did not pass the checks', error);
    });
}

/** The organisation's person with that address, active or not (the address matched without regard to case). */
async function personOf(db: Db, orgId: string, email: string) {
  const [person] = await db
    .select()
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(sql`lower(${people.email})`, email)))
    .limit(1);
  return person;
}

/**
 * Someone the provider vouches for whom Baton does not know: added with the organisation's role for
 * first sign-ins (no team, no password), logged as added by single sign-on; refused when it adds
 * nobody. A deactivated person is known: their access was taken on purpose, not waiting to be added.
 */
async function addedOnFirstSignIn(
  db: Db,
  orgId: string,
  email: string,
  name: string | undefined,
  role: ProvisionedRole | null,
  now: Date,
) {
  if (!role) throw new SsoRefusal('sso_no_account', `${email} is no person of the organisation`);
  const input = { name: name ?? nameFromAddress(email), email, roles: [role], skills: [], teams: [] };
  try {
    await addPerson(db, input, { orgId, now, actorId: firstSignInActor.id });
  } catch (error) {
    // The same person's first sign-in in another tab got there first.
    if (!(error instanceof ApiError) || error.code !== 'conflict') throw error;
  }
  const added = await personOf(db, orgId, email);
  if (!added) throw new SsoRefusal('sso_no_account', `${email} could not be added`);
  return added;
}

/**
 * Finishes a sign-in the identity provider sends back: the attempt is used up, the code exchanged
 * and the ID token checked (OpenID Connect) or the identity of the response posted before taken
 * (SAML); the provider must vouch for the address (`email_verified`), which must
 * be of a domain the organisation's single sign-on claims and proved, and belong to an active person of the
 * organisation, or to nobody when the organisation adds people on their first sign-in. Then a session starts as a password sign-in's does,
 * without a second step (the provider was it). A refusal writes nothing but the used-up attempt.
 */
export async function finishSsoSignIn(
  db: Db,
  answer: ProviderAnswer,
  browserState: string | undefined,
  flow: Flow & { callbackUrl: URL; client: SignInClient },
) {
  const attempt = await takeAttempt(db, answer, browserState, flow.now);
  if (answer.error)
    throw new SsoRefusal('sso_failed', 'the identity provider refused the sign-in', {
      error: answer.error,
      description: answer.error_description,
    });
  const sso = await ssoSettingsOf(db, attempt.orgId);
  if (!sso?.enabled) throw new SsoRefusal('sso_not_configured', 'single sign-on was turned off meanwhile');
  const identity = await identityOf(attempt, sso, answer, flow);
  if (!emailVerified(identity.emailVerified))
    throw new SsoRefusal('sso_email_unverified', 'the identity provider does not vouch for the address');
  const email = identity.email?.trim().toLowerCase();
  const domain = email ? domainOf(email) : undefined;
  if (!email || !domain || !sso.provedDomains.includes(domain))
    throw new SsoRefusal(
      'sso_no_account',
      `${email ?? 'no address'} is not of a domain this single sign-on signs in`,
    );
  const person =
    (await personOf(db, attempt.orgId, email)) ??
    (await addedOnFirstSignIn(db, attempt.orgId, email, identity.name, sso.addPeopleAs, flow.now));
  if (person.active !== 'yes')
    throw new SsoRefusal('sso_no_account', `${email} was deactivated in Baton: an admin gives access back`);
  const signedIn = await startSession(db, person, flow.now, flow.client, 'sso');
  return { ...signedIn, next: attempt.next, orgId: attempt.orgId, subject: identity.subject };
}
