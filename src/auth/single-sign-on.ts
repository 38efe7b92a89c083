// Single sign-on's rules (OpenID Connect and SAML 2.0): pure, no request to the identity provider,
// no clock.

/** How the organisation's identity provider signs people in. */
export const ssoProtocols = ['oidc', 'saml'] as const;
export type SsoProtocol = (typeof ssoProtocols)[number];

/** Who may still sign in with a password while single sign-on is on. */
export const passwordSignInChoices = ['everyone', 'admins_only'] as const;
export type PasswordSignIn = (typeof passwordSignInChoices)[number];

/** Where the identity provider sends the browser back: what an admin registers there. */
export const callbackPath = '/api/v1/auth/sso/callback';

/** How long a started sign-in may take at the identity provider. */
export const attemptMinutes = 10;

/** The failures a browser is sent back to the sign-in page with (`/sign-in?sso_error=<code>`). */
export const ssoFailures = [
  'sso_not_configured',
  'sso_state_invalid',
  'sso_email_unverified',
  'sso_no_account',
  'sso_failed',
  'sso_rate_limited',
  'sso_unsolicited',
] as const;
export type SsoFailure = (typeof ssoFailures)[number];

/** The sign-in page with the failure it explains. */
export const signInPageWith = (failure: SsoFailure) => `/sign-in?sso_error=${failure}`;

/** The callback address: on the public address when one is configured, else where the request came in. */
export const redirectUriOf = (publicUrl: string | undefined, requestOrigin: string) =>
  `${publicUrl ?? requestOrigin}${callbackPath}`;

/** The domain of an e-mail address, lower case; none when it has no `@` or nothing after it. */
export function domainOf(email: string): string | undefined {
  const at = email.trim().toLowerCase().lastIndexOf('@');
  const domain =
    at < 0
      ? ''
      : email
          .trim()
          .toLowerCase()
          .slice(at + 1);
  return domain ? domain : undefined;
}

/**
 * Where to go after signing in: only a path of this site (`/cases/1?tab=log`), never another site
 * (`//evil.example`, `/\evil.example`, `https://…`); anything else is the start page.
 */
export function safeNext(next: string | undefined): string {
  if (!next || next.length > 500 || !next.startsWith('/') || /^\/[/\\]/.test(next)) return '/';
  if ([...next].some((ch) => ch.charCodeAt(0) < 32 || ch === '\u007f' || ch === '\\')) return '/';
  const base = 'http://baton.invalid';
  const url = new URL(next, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : '/';
}

const loopbackHost = (host: string) =>
  host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '[::1]';

/**
 * Names reserved for documentation and tests (RFC 2606, RFC 6761): no identity provider lives
 * there, so no request is sent to them (the fuzz tests use such names).
 */
export const reservedHost = (host: string) =>
  /(^|\.)(example|invalid|test)$/.test(host) || /(^|\.)example\.(com|net|org)$/.test(host);

/**
 * Why an issuer (or a SAML sign-in URL) cannot be used, or undefined: it must be https, except plain
 * http on this very machine when `allowHttp` (BATON_SSO_ALLOW_HTTP=1, for tests and a local identity
 * provider). A SAML sign-in URL may carry a query (Google Workspace's names the provider there).
 */
export function issuerProblem(
  issuer: string,
  allowHttp: boolean,
  allow: { query?: boolean } = {},
): string | undefined {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'must be an https URL';
  }
  if (url.hash || (url.search && !allow.query))
    return allow.query ? 'must have no fragment' : 'must have no query or fragment';
  if (url.username || url.password) return 'must not hold a user name or password';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && allowHttp && loopbackHost(url.hostname)) return undefined;
  return url.protocol === 'http:' && loopbackHost(url.hostname)
    ? 'must be an https URL (plain http on this machine needs BATON_SSO_ALLOW_HTTP=1)'
    : 'must be an https URL';
}

/**
 * Whether a person may sign in with a password while their organisation's single sign-on is as
 * given: always when it is off or leaves passwords to everyone; else only admins (their way in when
 * the identity provider is down) and people whose address is of no domain it signs in (it could not
 * sign them in: they would be locked out).
 */
export function passwordAllowed(
  sso: { enabled: boolean; passwordSignIn: PasswordSignIn; emailDomains: readonly string[] } | undefined,
  person: { roles: Iterable<string>; email: string },
): boolean {
  if (!sso?.enabled || sso.passwordSignIn === 'everyone') return true;
  const domain = domainOf(person.email);
  return [...person.roles].includes('admin') || !domain || !sso.emailDomains.includes(domain);
}

/**
 * A name for someone added on their first sign-in whose provider sent none: the address's local
 * part in words (`jo.smith-lee@acme.com` is "Jo Smith Lee"), for an admin to correct.
 */
export function nameFromAddress(email: string): string {
  const local = email.slice(0, Math.max(0, email.indexOf('@'))) || email;
  const words = local
    .split(/[._+-]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return (words.join(' ') || email).slice(0, 200);
}

/** An `email_verified` claim that says yes: `true`, or the string some providers send. */
export const emailVerified = (claim: unknown) => claim === true || claim === 'true';
