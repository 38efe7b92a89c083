// Single sign-on's failures in words for the sign-in page: pure, tested apart from it. The server
// sends the browser back to `/sign-in?sso_error=<code>` (src/auth/single-sign-on.ts names the codes).

const words: Record<string, string> = {
  sso_not_configured:
    'Single sign-on is not set up for that address. Check the address, or sign in with your password.',
  sso_state_invalid:
    'That single sign-on took too long, was used already, or was started in another browser. Start again.',
  sso_email_unverified:
    'Your identity provider does not confirm that e-mail address belongs to you. Ask your IT team to verify it, then try again.',
  sso_no_account:
    'You signed in at your identity provider, but that address has no active Baton account here. Ask an admin of your organisation to add you.',
  sso_failed:
    'Single sign-on did not complete: your identity provider refused or failed the sign-in. Try again, or ask your IT team.',
  sso_rate_limited:
    'Too many single sign-on attempts came from this network just now. Wait a minute, then try again.',
  sso_unsolicited:
    'Your identity provider opened Baton without a sign-in started here. Sign in below; your IT team can point the Baton tile at the sign-in link in Baton’s single sign-on settings.',
  sso_required: 'Your organisation signs you in with single sign-on: continue with your work e-mail below.',
};

/** What went wrong with single sign-on, in words; an unknown code still says it failed. */
export const ssoErrorInWords = (code: string): string => words[code] ?? (words.sso_failed as string);

/**
 * Where single sign-on starts: the server finds the organisation from the address's domain and
 * sends the browser on to its identity provider; `next` is where to come back to.
 */
export function ssoStartUrl(email: string, next: string): string {
  const q = new URLSearchParams({ email: email.trim() });
  // The sign-in page itself is no place to come back to.
  if (next && next !== '/' && !/^\/sign-?in\b/.test(next)) q.set('next', next);
  return `/api/v1/auth/sso/start?${q}`;
}
