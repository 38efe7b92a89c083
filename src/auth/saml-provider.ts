// The conversation with an organisation's SAML 2.0 identity provider, through node-saml: the
// authentication request (HTTP-Redirect binding) and the checks of the response it posts back
// (signature by the provider's certificate, issuer, audience, validity window, InResponseTo). No
// database here.
import { randomBytes } from 'node:crypto';
import { type CacheProvider, type Profile, SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import { certificatesIn, emailNameIdFormat, type ServiceProvider } from './saml.ts';

export type SamlProviderSettings = {
  samlSignInUrl: string;
  samlIdpEntityId: string | null;
  samlCertificate: string;
};

/** Clocks of Baton and the identity provider may disagree this much on an assertion's validity window. */
const clockSkewMs = 2 * 60_000;

/** A fresh request ID: an XML name (it starts with `_`) no one can guess. */
export const newSamlRequestId = () => `_${randomBytes(20).toString('hex')}`;

/**
 * The one request a response may answer: the attempt's, asked at `requestedAt`. node-saml keeps
 * requests in a cache of its own by default; Baton keeps them on the attempt instead, in its
 * database, so any process may receive the response.
 */
function onlyRequest(requestId: string, requestedAt: Date): CacheProvider {
  return {
    saveAsync: async (_key, value) => ({ value, createdAt: requestedAt.getTime() }),
    getAsync: async (key) => (key === requestId ? requestedAt.toISOString() : null),
    removeAsync: async (key) => key,
  };
}

function samlFor(p: SamlProviderSettings, sp: ServiceProvider, requestId: string, requestedAt: Date) {
  return new SAML({
    entryPoint: p.samlSignInUrl,
    issuer: sp.entityId,
    audience: sp.entityId,
    callbackUrl: sp.acsUrl,
    idpCert: certificatesIn(p.samlCertificate),
    idpIssuer: p.samlIdpEntityId ?? undefined,
    identifierFormat: emailNameIdFormat,
    // The response or its assertion signed, as providers differ in which they sign by default;
    // node-saml then insists the assertion itself is covered by a valid signature.
    wantAuthnResponseSigned: false,
    wantAssertionsSigned: false,
    validateInResponseTo: ValidateInResponseTo.always,
    generateUniqueId: () => requestId,
    cacheProvider: onlyRequest(requestId, requestedAt),
    acceptedClockSkewMs: clockSkewMs,
    // Asking for a password context makes some providers refuse people who sign in another way.
    disableRequestedAuthnContext: true,
  });
}

/**
 * Where the browser goes to sign in at the provider: the request (its ID `requestId`) deflated in
 * the query, with `relayState` to come back with and the address as a hint (Entra ID honours it).
 */
export async function samlSignInUrl(
  p: SamlProviderSettings,
  sp: ServiceProvider,
  attempt: { requestId: string; requestedAt: Date; relayState: string; email: string | undefined },
): Promise<URL> {
  const saml = samlFor(p, sp, attempt.requestId, attempt.requestedAt);
  const url = await saml.getAuthorizeUrlAsync(attempt.relayState, undefined, {
    additionalParams: attempt.email ? { login_hint: attempt.email } : {},
  });
  return new URL(url);
}

/**
 * The response the provider posted, checked as an answer to the attempt's request: throws saying
 * why when it fails a check (node-saml's words, for the log), or when it signs nobody in.
 */
export async function checkedSamlResponse(
  p: SamlProviderSettings,
  sp: ServiceProvider,
  attempt: { requestId: string; requestedAt: Date },
  samlResponse: string,
): Promise<Profile> {
  const saml = samlFor(p, sp, attempt.requestId, attempt.requestedAt);
  const { profile, loggedOut } = await saml.validatePostResponseAsync({ SAMLResponse: samlResponse });
  if (loggedOut || !profile) throw new Error('the response signs nobody in');
  // node-saml checks the issuer of logout messages only; the signed assertion's is checked here.
  if (p.samlIdpEntityId && profile.issuer !== p.samlIdpEntityId)
    throw new Error(`the assertion is issued by ${profile.issuer ?? 'nobody'}, not by ${p.samlIdpEntityId}`);
  return profile;
}
