import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider (panva's oidc-provider) on 127.0.0.1 at a random port, for the
 * single sign-on tests: one client (Baton) registered for the given callback addresses, and
 * accounts whose e-mail claims the test controls. Its development login form takes any account id.
 */
export type TestAccount = {
  email: string;
  email_verified: boolean;
  name?: string;
  given_name?: string;
  family_name?: string;
};

export const testClient = { clientId: 'baton', clientSecret: 'baton-client-secret-0123456789' };

/** `PUT /settings/single-sign-on`'s body for the test provider at `issuer`, on, signing in `domain`. */
export const providerSettings = (issuer: string, domain: string): Record<string, unknown> => ({
  enabled: true,
  issuer,
  clientId: testClient.clientId,
  clientSecret: testClient.clientSecret,
  emailDomains: [domain],
  passwordSignIn: 'everyone',
});

export async function startIdentityProvider(redirectUris: string[], accounts: Record<string, TestAccount>) {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: testClient.clientId,
        client_secret: testClient.clientSecret,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    async findAccount(_ctx, id) {
      const account = accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name'],
    },
    // Baton is the organisation's own application: no consent screen, as a provider's admin would set it.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    cookies: { keys: ['identity-provider-test-cookie-key'] },
  });
  const handle = provider.callback();
  // How often Baton read the discovery document (its cache is under test).
  const fetched = { discovery: 0 };
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/.well-known/openid-configuration')) fetched.discovery++;
    return handle(req, res);
  });
  return {
    issuer,
    provider,
    fetched,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Cookies as a browser keeps them for one site: enough for the provider's login steps. */
function keepCookies(jar: Map<string, string>, res: Response) {
  for (const line of res.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (!value || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
}

/**
 * Follows the provider's authorization URL as a browser would, signing in as `accountId` on its
 * login form (or aborting there), and returns the address it sends the browser back to.
 */
export async function signInAtProvider(
  authorizeUrl: string,
  accountId: string,
  opts: { abort?: boolean } = {},
) {
  const issuer = new URL(authorizeUrl).origin;
  const jar = new Map<string, string>();
  let url = authorizeUrl;
  let form: string | undefined;
  for (let step = 0; step < 12; step++) {
    const res = await fetch(url, {
      method: form ? 'POST' : 'GET',
      body: form,
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
    });
    keepCookies(jar, res);
    form = undefined;
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get('location')!, url);
      if (next.origin !== issuer) return next;
      url = next.href;
      continue;
    }
    const page = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (res.status !== 200 || !action)
      throw new Error(`the provider answered ${res.status}: ${page.slice(0, 500)}`);
    if (opts.abort) {
      url = new URL(`${new URL(action, url).pathname}/abort`, url).href;
      continue;
    }
    url = new URL(action.replaceAll('&amp;', '&'), url).href;
    form = new URLSearchParams({ prompt: 'login', login: accountId, password: 'any password' }).toString();
  }
  throw new Error('the provider never sent the browser back');
}
