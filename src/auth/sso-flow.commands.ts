import { and, eq, sql } from 'drizzle-orm';
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
  provenIdentity,
} from './identity-provider.ts';
import { hashSecret, safeEqual } from './secrets.ts';
import { ssoForDomain, ssoSettingsOf } from './single-sign-on.queries.ts';
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

type Flow = { now: Date; redirectUri: string; allowHttp: boolean };

/**
 * Starts a sign-in at the identity provider of the organisation whose single sign-on claims the
 * address's domain: the attempt (state, nonce, PKCE verifier, where to go next) is kept for 10
 * minutes, and the browser is sent to the provider's authorization URL. Nothing is kept when the
 * domain has no single sign-on or the provider cannot be reached.
 */
export async function startSsoSignIn(db: Db, input: { email: string; next?: string }, flow: Flow) {
  const domain = domainOf(input.email);
  const sso = domain ? await ssoForDomain(db, domain) : undefined;
  if (!sso) throw new SsoRefusal('sso_not_configured', `no single sign-on for ${domain ?? 'that address'}`);
  const config = await discoverForSignIn(sso, flow.allowHttp, flow.now).catch((error) => {
    throw new SsoRefusal('sso_failed', 'the identity provider could not be reached', error);
  });
  const secrets = newAttemptSecrets();
  const url = await authorizationUrl(config, flow.redirectUri, secrets, input.email.trim());
  await db.insert(ssoAttempts).values({
    stateHash: hashSecret(secrets.state),
    orgId: sso.orgId,
    nonce: secrets.nonce,
    codeVerifier: secrets.codeVerifier,
    next: safeNext(input.next),
    createdAt: flow.now,
    expiresAt: new Date(flow.now.getTime() + attemptMinutes * 60_000),
  });
  return { url, state: secrets.state };
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
 * and the ID token checked; the provider must vouch for the address (`email_verified`), which must
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
  const identity = await discoverForSignIn(sso, flow.allowHttp, flow.now)
    .then((config) => provenIdentity(config, flow.callbackUrl, { state: answer.state!, ...attempt }))
    .catch((error) => {
      throw new SsoRefusal('sso_failed', 'the identity provider’s answer did not pass the checks', error);
    });
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
