// The conversation with an organisation's OpenID Connect identity provider, through openid-client:
// discovery, the authorization URL (PKCE, state, nonce), the code exchange and the ID token's
// checks (issuer, audience, signature, nonce, expiry). No database here.
import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';

export type ProviderSettings = { issuer: string; clientId: string; clientSecret: string };

/** The provider's requests may take this long (seconds) before the sign-in or the save fails. */
const timeoutS = 10;

/**
 * What single sign-on asks the provider for: who the person is, their address, and their name
 * (`profile`), which names someone added on their first sign-in. Nothing more.
 */
const scope = 'openid email profile';

/**
 * The provider's configuration from its discovery document: throws when it cannot be fetched or
 * does not describe the issuer. Plain http only for a loopback issuer Baton was told to allow
 * (single-sign-on.ts's `issuerProblem` decided that before).
 */
export async function discover(p: ProviderSettings, allowHttp: boolean): Promise<oidc.Configuration> {
  const server = new URL(p.issuer);
  const insecure = allowHttp && server.protocol === 'http:';
  const options = { timeout: timeoutS, execute: insecure ? [oidc.allowInsecureRequests] : [] };
  const found = await oidc.discovery(
    server,
    p.clientId,
    undefined,
    oidc.ClientSecretBasic(p.clientSecret),
    options,
  );
  // Basic is OpenID Connect's default; a provider that says it takes only a posted secret gets that.
  const methods = found.serverMetadata().token_endpoint_auth_methods_supported;
  if (!methods || methods.includes('client_secret_basic')) return found;
  const posted = new oidc.Configuration(
    found.serverMetadata(),
    p.clientId,
    undefined,
    oidc.ClientSecretPost(p.clientSecret),
  );
  posted.timeout = timeoutS;
  if (insecure) oidc.allowInsecureRequests(posted);
  return posted;
}

/** How long a provider's discovery document is reused by sign-ins (its keys: openid-client's own 5 minutes). */
const discoveryTtlMs = 5 * 60_000;
/** Organisations on this server with single sign-on, and then some: the oldest entry goes first. */
const discoveryCacheSize = 200;
const discovered = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

/**
 * The provider's configuration for a sign-in, reused for five minutes: a start and its callback
 * (and every colleague signing in at nine) would each fetch the discovery document otherwise, and
 * a fresh Configuration also forgets the signing keys openid-client caches on it. Keyed by the
 * settings themselves (the secret hashed), so an admin's change counts at once; a failed discovery
 * is not kept. Saving the settings checks with `discover`, never with this.
 */
export function discoverForSignIn(
  p: ProviderSettings,
  allowHttp: boolean,
  now: Date,
): Promise<oidc.Configuration> {
  const secret = createHash('sha256').update(p.clientSecret).digest('base64url');
  const key = JSON.stringify([p.issuer, p.clientId, secret, allowHttp]);
  const hit = discovered.get(key);
  const at = now.getTime();
  if (hit && at >= hit.at && at - hit.at < discoveryTtlMs) return hit.config;
  const config = discover(p, allowHttp);
  discovered.delete(key);
  discovered.set(key, { at, config });
  if (discovered.size > discoveryCacheSize) discovered.delete(discovered.keys().next().value!);
  config.catch(() => {
    if (discovered.get(key)?.config === config) discovered.delete(key);
  });
  return config;
}

/** Fresh secrets for one sign-in: state, nonce and the PKCE verifier. */
export const newAttemptSecrets = () => ({
  state: oidc.randomState(),
  nonce: oidc.randomNonce(),
  codeVerifier: oidc.randomPKCECodeVerifier(),
});
export type AttemptSecrets = ReturnType<typeof newAttemptSecrets>;

/** Where the browser goes to sign in at the provider, with the address as a hint when known. */
export async function authorizationUrl(
  config: oidc.Configuration,
  redirectUri: string,
  secrets: AttemptSecrets,
  email: string | undefined,
): Promise<URL> {
  return oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope,
    state: secrets.state,
    nonce: secrets.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(secrets.codeVerifier),
    code_challenge_method: 'S256',
    ...(email ? { login_hint: email } : {}),
  });
}

/** Who the provider says signed in: the subject, their address with whether it checked it, and their name. */
export type ProvenIdentity = { subject: string; email?: string; emailVerified: unknown; name?: string };

/** A person's name from OpenID Connect's standard claims: `name`, else the given and family names. */
function nameOf(claims: Record<string, unknown>): string | undefined {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const parts = [text(claims.given_name), text(claims.family_name)].filter(Boolean);
  return text(claims.name) ?? (parts.length ? parts.join(' ') : undefined);
}

/**
 * Exchanges the code the browser brought back (`callbackUrl`: the redirect URI with the answer's
 * query) and checks the ID token. The address comes from the ID token, or from the userinfo
 * endpoint for the same subject when the token leaves it out (as providers may for the code flow).
 */
export async function provenIdentity(
  config: oidc.Configuration,
  callbackUrl: URL,
  secrets: AttemptSecrets,
): Promise<ProvenIdentity> {
  const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: secrets.codeVerifier,
    expectedState: secrets.state,
    expectedNonce: secrets.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('the provider answered without an ID token');
  const inToken = typeof claims.email === 'string' && claims.email_verified !== undefined;
  if (inToken && nameOf(claims))
    return {
      subject: claims.sub,
      email: claims.email as string,
      emailVerified: claims.email_verified,
      name: nameOf(claims),
    };
  // Providers may leave the address or the name to the userinfo endpoint (the same subject's). The
  // name is a nicety: with the address in the token, a userinfo that fails costs only the name.
  let info: Record<string, unknown> = {};
  try {
    info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
  } catch (error) {
    if (!inToken) throw error;
  }
  const email = inToken ? claims : info;
  return {
    subject: claims.sub,
    email: typeof email.email === 'string' ? email.email : undefined,
    emailVerified: email.email_verified,
    name: nameOf(claims) ?? nameOf(info),
  };
}
