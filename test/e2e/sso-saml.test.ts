import { X509Certificate } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database.ts';
import { describeOnDatabases } from '../support/harness.ts';
import { forgerKey, idpEntityId, idpKey, readRequest } from '../support/saml-identity-provider.ts';
import { samlSignIns } from '../support/saml-sign-in.ts';
import { snapshotAll } from '../support/snapshot.ts';
import { ssoCalls } from '../support/sso-calls.ts';

const domain = 'northwind.example';
const acs = 'http://localhost/api/v1/auth/sso/saml';
const entityId = 'http://localhost/api/v1/auth/sso/saml/metadata';
const signInUrl = 'https://idp.northwind.test/app/baton/sso?tenant=7';

/** `PUT /settings/single-sign-on` for the test identity provider, on, signing in `domain`. */
const samlSettings = {
  enabled: true,
  protocol: 'saml',
  samlSignInUrl: signInUrl,
  samlIdpEntityId: idpEntityId,
  samlCertificate: idpKey.cert,
  emailDomains: [domain],
  passwordSignIn: 'everyone',
};

/**
 * Single sign-on with SAML 2.0: the settings (admins; the certificate checked, bad input refused,
 * nothing changed), Baton's metadata, the whole sign-in (request, signed response posted to the
 * Assertion Consumer Service, the browser's way back with its cookie) to a working session, and
 * every forged, tampered, stale, misdirected or replayed response refused, writing nothing.
 */
describeOnDatabases('single sign-on with SAML 2.0', (h) => {
  beforeAll(async () => {
    // node-saml judges an assertion's validity by the real clock, as the test provider signs them.
    h().setNow(new Date());
    h().runtime.services.config.ssoAllowHttp = true;
    h().runtime.services.config.ssoDomainProof = 'off';
  });

  const calls = ssoCalls(h, 'Mozilla/5.0 (saml test)');
  const { app, put, cookieOf, count } = calls;

  const { started, post, answer, signIn } = samlSignIns(h, calls);

  it('refuses bad settings and a non-admin, changing nothing', async () => {
    const agentToken = await h().tokenFor('amara');
    const before = await snapshotAll(h().database);
    const refusals: [Record<string, unknown>, number, string, string][] = [
      [{ samlSignInUrl: undefined }, 400, 'validation_failed', 'samlSignInUrl'],
      [{ samlSignInUrl: 'http://idp.acme.com/sso' }, 400, 'validation_failed', 'samlSignInUrl'],
      [{ samlSignInUrl: 'https://idp.acme.com/sso#here' }, 400, 'validation_failed', 'samlSignInUrl'],
      [{ samlCertificate: undefined }, 400, 'validation_failed', 'samlCertificate'],
      [{ samlCertificate: 'not a certificate' }, 400, 'validation_failed', 'samlCertificate'],
      [{ samlCertificate: idpKey.key }, 400, 'validation_failed', 'samlCertificate'],
      [{ protocol: 'ws-fed' }, 400, 'validation_failed', 'protocol'],
      [{ emailDomains: [] }, 400, 'validation_failed', 'emailDomains'],
    ];
    for (const [change, status, code, field] of refusals) {
      const res = await put({ ...samlSettings, ...change });
      expect([res.status, res.body.error?.code, res.body.error?.field], JSON.stringify(change)).toEqual([
        status,
        code,
        field,
      ]);
    }
    const agent = await put(samlSettings, agentToken);
    expect([agent.status, agent.body.error.code]).toEqual([403, 'forbidden']);
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it('saves the provider, showing its certificate and what to register at it, and logs the change', async () => {
    const saved = await put(samlSettings);
    expect(saved.status).toBe(200);
    const cert = new X509Certificate(idpKey.cert);
    expect(saved.body).toMatchObject({
      enabled: true,
      protocol: 'saml',
      samlSignInUrl: signInUrl,
      samlIdpEntityId: idpEntityId,
      samlCertificates: [
        {
          subject: 'CN=Baton test identity provider (idp)',
          validTo: new Date(cert.validTo).toISOString(),
          fingerprint: cert.fingerprint256,
        },
      ],
      serviceProvider: { entityId, acsUrl: acs, metadataUrl: entityId },
      issuer: null,
      clientSecretSet: false,
      emailDomains: [domain],
    });
    const log = await h().request('GET', '/api/v1/admin/changes?area=policies');
    const change = log.body.items.find((c: { subject: string }) => c.subject === 'single-sign-on');
    expect(change.detail).toMatchObject({
      singleSignOn: { from: null, to: true },
      protocol: { from: null, to: 'saml' },
      samlSignInUrl: { from: null, to: signInUrl },
      samlCertificate: { from: null, to: cert.fingerprint256 },
    });
    // The certificate as consoles show it, base64 without the armour, is the same certificate.
    const body = idpKey.cert.replace(/-----[A-Z ]+-----|\s/g, '');
    const bare = await put({ ...samlSettings, samlCertificate: body });
    expect(bare.body.samlCertificates[0].fingerprint).toBe(cert.fingerprint256);
    // Left out, the stored certificate stays.
    const { samlCertificate: _, ...without } = samlSettings;
    expect((await put(without)).body.samlCertificates).toHaveLength(1);
  });

  it("publishes Baton's metadata for the provider to import", async () => {
    const res = await app('/api/v1/auth/sso/saml/metadata');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/samlmetadata+xml');
    const xml = await res.text();
    expect(xml).toContain(`entityID="${entityId}"`);
    expect(xml).toContain(`Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${acs}"`);
    expect(xml).toContain('nameid-format:emailAddress');
  });

  it('asks the provider to sign the person in, keeping the sign-in for the response', async () => {
    const { url, request, cookie } = await started();
    expect(`${url.origin}${url.pathname}`).toBe('https://idp.northwind.test/app/baton/sso');
    expect(url.searchParams.get('tenant')).toBe('7');
    expect(url.searchParams.get('login_hint')).toBe('amara@northwind.example');
    expect(request.id).toMatch(/^_[0-9a-f]{40}$/);
    expect([request.acsUrl, request.issuer]).toEqual([acs, entityId]);
    expect(request.xml).toContain('nameid-format:emailAddress');
    expect(cookie).toMatch(/^baton_sso_state=/);
    expect(cookie.split('=')[1]).toBe(request.relayState);
  });

  it("starts from the provider's app tile by the organisation's short name, the link in the settings", async () => {
    const settings = await h().request('GET', '/api/v1/settings/single-sign-on');
    expect(settings.body.signInLink).toBe('http://localhost/api/v1/auth/sso/start?org=demo');
    const start = await app('/api/v1/auth/sso/start?org=demo');
    const url = new URL(start.headers.get('location')!);
    expect(url.searchParams.get('login_hint')).toBeNull();
    const request = readRequest(url);
    const posted = await post(answer(request), request.relayState);
    const res = await app(posted.headers.get('location')!, { cookie: cookieOf(start, 'baton_sso_state')! });
    expect(res.headers.get('location')).toBe('/');
  });

  it('signs a person in: the response posted, then the browser back with its cookie', async () => {
    const attempts = await count('sso_attempts');
    const { request, cookie } = await started();
    const posted = await post(answer(request), request.relayState);
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe(
      `/api/v1/auth/sso/callback?state=${encodeURIComponent(request.relayState!)}`,
    );
    expect(cookieOf(posted, 'baton_session')).toBeUndefined();
    const res = await app(posted.headers.get('location')!, { cookie });
    expect([res.status, res.headers.get('location')]).toEqual([302, '/cases']);
    const session = cookieOf(res, 'baton_session')!;
    const me = await h().runtime.app.request('/api/v1/me', { headers: { cookie: session } });
    expect((await me.json()).person.id).toBe(h().org.personIds.get('amara'));
    const sessions = await h().runtime.app.request('/api/v1/me/sessions', { headers: { cookie: session } });
    const current = (await sessions.json()).items.find((s: { current: boolean }) => s.current);
    expect(current.signedInWith).toBe('sso');
    expect(await count('sso_attempts')).toBe(attempts);
    // Providers that sign the whole response rather than the assertion are taken too.
    expect((await signIn({ signed: 'response' })).location).toBe('/cases');
    // The address in an attribute (as Entra ID sends it) when the NameID is an opaque identifier.
    const entra = await signIn({
      nameId: 'a1b2c3d4',
      nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
      attributes: {
        'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress': 'Amara@Northwind.example',
      },
    });
    expect(entra.location).toBe('/cases');
  });

  it('refuses forged, tampered, unsigned, stale or misdirected responses, writing nothing', async () => {
    const tampered = (request: ReturnType<typeof readRequest>) =>
      Buffer.from(
        Buffer.from(answer(request), 'base64')
          .toString()
          .replaceAll('amara@northwind.example', 'ines@northwind.example'),
      ).toString('base64');
    const cases: [string, (request: ReturnType<typeof readRequest>) => string, string][] = [
      ['signed by another key', (r) => answer(r, { signer: forgerKey }), 'sso_failed'],
      ['unsigned', (r) => answer(r, { signed: 'none' }), 'sso_failed'],
      ['changed after signing', tampered, 'sso_failed'],
      ['for another service', (r) => answer(r, { audience: 'https://other.example/sp' }), 'sso_failed'],
      ['from another provider', (r) => answer(r, { issuer: 'https://evil.example/idp' }), 'sso_failed'],
      ['expired', (r) => answer(r, { validForS: -600 }), 'sso_failed'],
      ['answering another request', (r) => answer(r, { inResponseTo: '_someone-else' }), 'sso_failed'],
      [
        'without an address',
        (r) =>
          answer(r, { nameId: 'x9', nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent' }),
        'sso_no_account',
      ],
      ['not base64 XML', () => 'PGh0bWw+', 'sso_failed'],
    ];
    for (const [what, make, code] of cases) {
      const before = await snapshotAll(h().database);
      const { request } = await started();
      const posted = await post(make(request), request.relayState);
      expect([posted.status, posted.headers.get('location')], what).toEqual([
        303,
        `/sign-in?sso_error=${code}`,
      ]);
      expect(await snapshotAll(h().database), what).toEqual(before);
    }
  });

  it('takes a response once, only for a sign-in started at Baton, in the browser that started it, within 10 minutes', async () => {
    const sessions = await count('sessions');
    const attempts = await count('sso_attempts');
    // Replayed: the first post counts, the second is refused; so is the callback a second time.
    const { request, cookie } = await started();
    const response = answer(request);
    const first = await post(response, request.relayState);
    const again = await post(response, request.relayState);
    expect(again.headers.get('location')).toBe('/sign-in?sso_error=sso_state_invalid');
    const signedIn = await app(first.headers.get('location')!, { cookie });
    expect(signedIn.headers.get('location')).toBe('/cases');
    const twice = await app(first.headers.get('location')!, { cookie });
    expect(twice.headers.get('location')).toBe('/sign-in?sso_error=sso_state_invalid');
    // Started at the provider (no RelayState), or naming a sign-in Baton never started.
    const before = await snapshotAll(h().database);
    const unsolicited = await started();
    const provider = await post(answer(unsolicited.request), undefined);
    expect(provider.headers.get('location')).toBe('/sign-in?sso_error=sso_unsolicited');
    const unknown = await post(answer(unsolicited.request), 'made-up-state');
    expect(unknown.headers.get('location')).toBe('/sign-in?sso_error=sso_state_invalid');
    // The response lands, but another browser follows the link: no cookie, no session.
    const landed = await post(answer(unsolicited.request), unsolicited.request.relayState);
    const elsewhere = await app(landed.headers.get('location')!);
    expect(elsewhere.headers.get('location')).toBe('/sign-in?sso_error=sso_state_invalid');
    expect(await snapshotAll(h().database)).toEqual(before);
    // Posted after 10 minutes.
    const late = await started();
    h().advance(10 * 60_000 + 1);
    try {
      const expired = await post(answer(late.request), late.request.relayState);
      expect(expired.headers.get('location')).toBe('/sign-in?sso_error=sso_state_invalid');
    } finally {
      h().advance(-(10 * 60_000 + 1));
    }
    expect(await count('sessions')).toBe(sessions + 1);
    expect(await count('sso_attempts')).toBe(attempts);
  });

  it('refuses an address of no domain it signs in, or of nobody, unless it adds people on their first sign-in', async () => {
    const before = await snapshotAll(h().database);
    expect((await signIn({ email: 'amara@elsewhere.example' })).location).toBe(
      '/sign-in?sso_error=sso_no_account',
    );
    expect((await signIn({ email: 'nia@northwind.example' }, 'nia@northwind.example')).location).toBe(
      '/sign-in?sso_error=sso_no_account',
    );
    expect(await snapshotAll(h().database)).toEqual(before);
    expect((await put({ ...samlSettings, addPeopleAs: 'agent' })).status).toBe(200);
    try {
      const added = await signIn(
        { email: 'nia@northwind.example', attributes: { givenName: 'Nia', surname: 'Newcomer' } },
        'nia@northwind.example',
      );
      expect(added.location).toBe('/cases');
      const [nia] = rowsOf<{ name: string; roles: string[] }>(
        await h().database.db.execute(
          sql`select name, roles from people where email = 'nia@northwind.example'`,
        ),
      );
      expect(nia).toEqual({ name: 'Nia Newcomer', roles: ['agent'] });
    } finally {
      expect((await put({ ...samlSettings, addPeopleAs: null })).status).toBe(200);
    }
  });

  it('refuses a response once the organisation turned SAML off, and keeps OpenID Connect’s fields apart', async () => {
    const attempts = await count('sso_attempts');
    const { request } = await started();
    const oidc = await put({
      ...samlSettings,
      enabled: false,
      protocol: 'oidc',
      issuer: 'https://login.northwind.test',
      clientId: 'baton',
      clientSecret: 'a client secret',
    });
    expect([oidc.status, oidc.body.protocol, oidc.body.samlSignInUrl]).toEqual([200, 'oidc', signInUrl]);
    try {
      const posted = await post(answer(request), request.relayState);
      expect(posted.headers.get('location')).toBe('/sign-in?sso_error=sso_not_configured');
    } finally {
      const back = await put(samlSettings);
      expect([back.status, back.body.protocol, back.body.issuer]).toEqual([
        200,
        'saml',
        'https://login.northwind.test',
      ]);
    }
    expect(await count('sso_attempts')).toBe(attempts);
  });
});
