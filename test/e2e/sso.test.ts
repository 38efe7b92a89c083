import { createServer } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiToken } from '../../src/auth/auth.commands.ts';
import { issuePasswordResets } from '../../src/auth/password-reset.commands.ts';
import { rowsOf } from '../../src/db/database.ts';
import { createApp } from '../../src/http/app.ts';
import { describeOnDatabases } from '../support/harness.ts';
import {
  providerSettings,
  signInAtProvider,
  startIdentityProvider,
  testClient,
} from '../support/identity-provider.ts';
import { snapshotAll } from '../support/snapshot.ts';
import { ssoCalls } from '../support/sso-calls.ts';

const password = 'a long enough password 42';
const callback = 'http://localhost/api/v1/auth/sso/callback';
const domain = 'northwind.example';
/** What the settings answer of SAML while the provider speaks OpenID Connect (sso-saml.test.ts for SAML). */
const oidcOnly = {
  samlSignInUrl: null,
  samlIdpEntityId: null,
  samlMetadataUrl: null,
  samlMetadataCheckedAt: null,
  samlMetadataProblem: null,
  samlCertificate: null,
  samlCertificates: [],
  serviceProvider: {
    entityId: 'http://localhost/api/v1/auth/sso/saml/metadata',
    acsUrl: 'http://localhost/api/v1/auth/sso/saml',
    metadataUrl: 'http://localhost/api/v1/auth/sso/saml/metadata',
  },
  signInLink: 'http://localhost/api/v1/auth/sso/start?org=demo',
};

/** What the provider knows: each account's address, and whether it checked it. */
const accounts = {
  amara: { email: 'Amara@Northwind.example', email_verified: true },
  unchecked: { email: 'priya@northwind.example', email_verified: false },
  stranger: { email: 'stranger@northwind.example', email_verified: true },
  newcomer: {
    email: 'Nia.Newcomer@northwind.example',
    email_verified: true,
    given_name: 'Nia',
    family_name: 'Newcomer',
  },
  nameless: { email: 'jo.smith-lee@northwind.example', email_verified: true },
  leaver: { email: 'leaver@northwind.example', email_verified: true },
  outsider: { email: 'amara@elsewhere.example', email_verified: true },
};

/** A port nothing listens on: an identity provider that is down. */
async function closedPort() {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Single sign-on with a real OpenID Connect provider: the organisation's settings (admins, the
 * secret never shown, bad input refused), the whole sign-in through the provider to a working
 * session, every refusal back to the sign-in page writing nothing, and passwords kept for admins.
 */
describeOnDatabases('single sign-on with OpenID Connect', (h) => {
  let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
  let settings: Record<string, unknown>;

  beforeAll(async () => {
    idp = await startIdentityProvider([callback], accounts);
    h().runtime.services.config.ssoAllowHttp = true;
    // The sign-in itself: domains need no DNS proof here (sso-domain-proof.test.ts asks for it).
    h().runtime.services.config.ssoDomainProof = 'off';
    settings = providerSettings(idp.issuer, domain);
  });
  afterAll(async () => {
    await idp?.close();
  });

  const { app, put, cookieOf, count } = ssoCalls(h, 'Mozilla/5.0 (sso test)');

  /** Starts at Baton, signs in at the provider as `account`, and returns what the callback answers. */
  async function signInWith(account: string, opts: { email?: string; next?: string; abort?: boolean } = {}) {
    const query = new URLSearchParams({ email: opts.email ?? 'amara@northwind.example' });
    if (opts.next) query.set('next', opts.next);
    const start = await app(`/api/v1/auth/sso/start?${query}`);
    expect(start.status).toBe(302);
    const authorize = start.headers.get('location')!;
    expect(authorize.startsWith(`${idp.issuer}/`), authorize).toBe(true);
    const state = cookieOf(start, 'baton_sso_state')!;
    expect(state).toBeTruthy();
    const back = await signInAtProvider(authorize, account, { abort: opts.abort });
    expect(`${back.origin}${back.pathname}`).toBe(callback);
    const callbackPath = `${back.pathname}${back.search}`;
    const res = await app(callbackPath, { cookie: state });
    return { res, location: res.headers.get('location'), callbackPath, state };
  }

  it('reads nothing before an admin saves one, to admins only, and the sign-in page offers none', async () => {
    const read = await h().request('GET', '/api/v1/settings/single-sign-on');
    expect(read.status).toBe(200);
    expect(read.body).toEqual({
      enabled: false,
      protocol: 'oidc',
      issuer: null,
      clientId: null,
      clientSecretSet: false,
      emailDomains: [],
      domains: [],
      domainProofAsked: false,
      passwordSignIn: 'everyone',
      addPeopleAs: null,
      redirectUri: callback,
      ...oidcOnly,
    });
    const lead = await h().request('GET', '/api/v1/settings/single-sign-on', undefined, {
      token: await h().tokenFor('grace'),
    });
    expect([lead.status, lead.body.error.code]).toEqual([403, 'forbidden']);
    const session = await app('/api/v1/auth/session');
    expect(await session.json()).toEqual({ signedIn: false, passwordReset: false, twoStepSetupDue: false });
  });

  it('refuses bad input, a provider that does not answer, and a non-admin, changing nothing', async () => {
    const agentToken = await h().tokenFor('amara');
    const before = await snapshotAll(h().database);
    const refusals: [Record<string, unknown>, number, string, string][] = [
      [{ issuer: 'ftp://idp.acme.com' }, 400, 'validation_failed', 'issuer'],
      [{ issuer: 'http://idp.acme.com' }, 400, 'validation_failed', 'issuer'],
      [{ emailDomains: ['Northwind.example'] }, 400, 'validation_failed', 'emailDomains.0'],
      [{ emailDomains: ['not a domain'] }, 400, 'validation_failed', 'emailDomains.0'],
      [{ emailDomains: [] }, 400, 'validation_failed', 'emailDomains'],
      [{ clientSecret: undefined }, 400, 'validation_failed', 'clientSecret'],
      [{ passwordSignIn: 'nobody' }, 400, 'validation_failed', 'passwordSignIn'],
      [{ issuer: `${idp.issuer}/nowhere` }, 422, 'sso_discovery_failed', 'issuer'],
      [{ issuer: `http://127.0.0.1:${await closedPort()}` }, 422, 'sso_discovery_failed', 'issuer'],
      [{ issuer: 'https://login.example.com' }, 422, 'sso_discovery_failed', 'issuer'],
    ];
    for (const [change, status, code, field] of refusals) {
      const res = await put({ ...settings, ...change });
      expect([res.status, res.body.error?.code, res.body.error?.field], JSON.stringify(change)).toEqual([
        status,
        code,
        field,
      ]);
    }
    const missing = await put({ ...settings, issuer: `${idp.issuer}/nowhere` });
    expect(missing.body.error.message).toMatch(/discovery document .* could not be read/);
    const agent = await put(settings, agentToken);
    expect([agent.status, agent.body.error.code]).toEqual([403, 'forbidden']);
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it('saves the provider once its discovery document answers, never showing or logging the secret', async () => {
    const saved = await put(settings);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({
      enabled: true,
      protocol: 'oidc',
      issuer: idp.issuer,
      clientId: testClient.clientId,
      clientSecretSet: true,
      emailDomains: [domain],
      domains: [
        {
          domain,
          proved: true,
          provedAt: expect.any(String),
          provedBy: 'unchallenged',
          record: {
            type: 'TXT',
            name: `_baton-challenge.${domain}`,
            value: expect.stringMatching(/^baton-domain-verification=[0-9a-f]{32}$/),
          },
          // Saved where no proof is asked: no DNS record to look up again.
          checkedAt: null,
          missingSince: null,
          stopsSigningInAt: null,
        },
      ],
      domainProofAsked: false,
      passwordSignIn: 'everyone',
      addPeopleAs: null,
      redirectUri: callback,
      ...oidcOnly,
      passwordSessionsEnded: 0,
    });
    // Saved again without the secret: the stored one stays.
    const { clientSecret: _, ...withoutSecret } = settings;
    const again = await put(withoutSecret);
    expect([again.status, again.body.clientSecretSet]).toEqual([200, true]);
    const log = await h().request('GET', '/api/v1/admin/changes?area=policies');
    const change = log.body.items.find((c: { subject: string }) => c.subject === 'single-sign-on');
    expect(change.detail).toMatchObject({
      singleSignOn: { from: null, to: true },
      issuer: { from: null, to: idp.issuer },
      emailDomains: { from: null, to: [domain] },
      clientSecret: { from: null, to: 'changed' },
    });
    expect(JSON.stringify(log.body)).not.toContain(testClient.clientSecret);
    expect(JSON.stringify((await h().request('GET', '/api/v1/settings/single-sign-on')).body)).not.toContain(
      testClient.clientSecret,
    );
    const session = await app('/api/v1/auth/session');
    expect((await session.json()).singleSignOn).toBe(true);
  });

  it("refuses a domain another organisation's single sign-on claims, changing nothing", async () => {
    const { token } = await createApiToken(h().database.db, {
      orgId: h().other.orgId,
      name: 'other admin',
      roles: ['admin'],
    });
    const before = await snapshotAll(h().database);
    const taken = await put({ ...settings, enabled: false, emailDomains: ['other.example', domain] }, token);
    expect([taken.status, taken.body.error?.code, taken.body.error?.field]).toEqual([
      409,
      'conflict',
      'emailDomains',
    ]);
    expect(taken.body.error.message).toContain(domain);
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it('signs a person in through the provider: the session cookie works as a password sign-in’s', async () => {
    const { res, location } = await signInWith('amara', { next: '/cases?state=open' });
    expect([res.status, location]).toEqual([302, '/cases?state=open']);
    const cookie = cookieOf(res, 'baton_session')!;
    expect(res.headers.getSetCookie().find((c) => c.startsWith('baton_session='))).toMatch(
      /HttpOnly.*SameSite=Lax|SameSite=Lax.*HttpOnly/,
    );
    const me = await h().runtime.app.request('/api/v1/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect((await me.json()).person.id).toBe(h().org.personIds.get('amara'));
    const sessions = await h().runtime.app.request('/api/v1/me/sessions', { headers: { cookie } });
    const current = (await sessions.json()).items.find((s: { current: boolean }) => s.current);
    expect([current.userAgent, current.signedInWith]).toEqual(['Mozilla/5.0 (sso test)', 'sso']);
    expect(await count('sso_attempts')).toBe(0);
  });

  it('reads the discovery document once for sign-ins within five minutes, afresh once the settings change', async () => {
    h().advance(6 * 60_000); // past what earlier tests' sign-ins kept
    try {
      const from = idp.fetched.discovery;
      expect((await signInWith('amara')).location).toBe('/');
      expect((await signInWith('amara')).location).toBe('/');
      expect(idp.fetched.discovery - from).toBe(1);
      // Saving checks the provider afresh, and the changed secret is a different provider's setting.
      expect((await put({ ...settings, clientSecret: `${testClient.clientSecret}-rotated` })).status).toBe(
        200,
      );
      const saved = idp.fetched.discovery;
      const refused = await signInWith('amara');
      expect(refused.location).toBe('/sign-in?sso_error=sso_failed');
      expect(idp.fetched.discovery - saved).toBe(1);
    } finally {
      expect((await put(settings)).status).toBe(200);
      h().advance(-6 * 60_000);
    }
  });

  it("starts from an identity provider's app tile by the organisation's short name, without an address", async () => {
    const start = await app('/api/v1/auth/sso/start?org=demo');
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.href.startsWith(`${idp.issuer}/`)).toBe(true);
    expect(authorize.searchParams.get('login_hint')).toBeNull();
    const back = await signInAtProvider(authorize.href, 'amara');
    const res = await app(`${back.pathname}${back.search}`, { cookie: cookieOf(start, 'baton_sso_state')! });
    expect(res.headers.get('location')).toBe('/');
    const before = await snapshotAll(h().database);
    for (const query of ['org=nobody', 'org=other', ''])
      expect((await app(`/api/v1/auth/sso/start?${query}`)).headers.get('location'), query).toBe(
        '/sign-in?sso_error=sso_not_configured',
      );
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it('goes on only to a path of this site', async () => {
    const { location } = await signInWith('amara', { next: '//evil.example/phish' });
    expect(location).toBe('/');
  });

  it('takes a sign-in once, only in the browser that started it, and for 10 minutes', async () => {
    const used = await signInWith('amara');
    expect(used.location).toBe('/');
    const sessions = await count('sessions');
    const again = await app(used.callbackPath, { cookie: used.state });
    expect(again.headers.get('location')).toBe('/sign-in?sso_error=sso_state_invalid');

    const start = await app('/api/v1/auth/sso/start?email=amara@northwind.example');
    const back = await signInAtProvider(start.headers.get('location')!, 'amara');
    const elsewhere = await app(`${back.pathname}${back.search}`);
    expect(elsewhere.headers.get('location')).toBe('/sign-in?sso_error=sso_state_invalid');

    const late = await app('/api/v1/auth/sso/start?email=amara@northwind.example');
    const lateBack = await signInAtProvider(late.headers.get('location')!, 'amara');
    h().advance(10 * 60_000 + 1);
    try {
      const expired = await app(`${lateBack.pathname}${lateBack.search}`, {
        cookie: cookieOf(late, 'baton_sso_state')!,
      });
      expect(expired.headers.get('location')).toBe('/sign-in?sso_error=sso_state_invalid');
    } finally {
      h().advance(-(10 * 60_000 + 1));
    }
    expect(await count('sessions')).toBe(sessions);
    expect(await count('sso_attempts')).toBe(0);
  });

  it('sends back to the sign-in page, writing nothing, when the provider or Baton refuses the person', async () => {
    const leaver = await h().request('POST', '/api/v1/people', {
      name: 'Lee Leaver',
      email: 'leaver@northwind.example',
      roles: ['agent'],
    });
    expect(leaver.status).toBe(201);
    const gone = await h().request('POST', `/api/v1/people/${leaver.body.id}/deactivate`);
    expect(gone.status).toBe(200);
    const cases: [string, { abort?: boolean }, string][] = [
      ['unchecked', {}, 'sso_email_unverified'],
      ['stranger', {}, 'sso_no_account'],
      ['leaver', {}, 'sso_no_account'],
      ['outsider', {}, 'sso_no_account'],
      ['amara', { abort: true }, 'sso_failed'],
    ];
    for (const [account, opts, code] of cases) {
      const before = await snapshotAll(h().database);
      const { location, res } = await signInWith(account, opts);
      expect(location, account).toBe(`/sign-in?sso_error=${code}`);
      expect(cookieOf(res, 'baton_session'), account).toBeUndefined();
      expect(await snapshotAll(h().database), account).toEqual(before);
    }
  });

  it('adds someone unknown on their first sign-in when asked, with the role chosen, never a deactivated person', async () => {
    expect((await put({ ...settings, addPeopleAs: 'agent' })).status).toBe(200);
    try {
      const { res, location } = await signInWith('newcomer', { email: 'nia.newcomer@northwind.example' });
      expect(location).toBe('/');
      const cookie = cookieOf(res, 'baton_session')!;
      const me = await (await h().runtime.app.request('/api/v1/me', { headers: { cookie } })).json();
      expect(me.person).toMatchObject({ name: 'Nia Newcomer', email: 'nia.newcomer@northwind.example' });
      expect(me.person.roles).toEqual(['agent']);
      const log = await h().request('GET', '/api/v1/admin/changes?area=people');
      expect(log.body.items[0]).toMatchObject({
        action: 'person.added',
        subjectName: 'Nia Newcomer',
        actor: { id: 'sso', name: 'Single sign-on (first sign-in)' },
      });
      // The second time, the same person: nobody is added twice.
      const people = await count('people');
      expect((await signInWith('newcomer', { email: 'nia.newcomer@northwind.example' })).location).toBe('/');
      expect(await count('people')).toBe(people);
      // A provider that sends no name: the address in words, for an admin to correct.
      expect((await signInWith('nameless', { email: 'jo.smith-lee@northwind.example' })).location).toBe('/');
      const [nameless] = rowsOf<{ name: string }>(
        await h().database.db.execute(
          sql`select name from people where email = 'jo.smith-lee@northwind.example'`,
        ),
      );
      expect(nameless!.name).toBe('Jo Smith Lee');
      // Deactivated on purpose: still refused, and not added again.
      const before = await snapshotAll(h().database);
      expect((await signInWith('leaver')).location).toBe('/sign-in?sso_error=sso_no_account');
      expect(await snapshotAll(h().database)).toEqual(before);
    } finally {
      expect((await put({ ...settings, addPeopleAs: null })).status).toBe(200);
    }
    const bad = await put({ ...settings, addPeopleAs: 'admin' });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'addPeopleAs']);
  });

  it('answers an address no single sign-on claims with the sign-in page, keeping nothing', async () => {
    const before = await snapshotAll(h().database);
    for (const email of ['zoe@elsewhere.example', 'no address', ''])
      expect(
        (await app(`/api/v1/auth/sso/start?email=${encodeURIComponent(email)}`)).headers.get('location'),
        email,
      ).toBe('/sign-in?sso_error=sso_not_configured');
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it('limits single sign-on starts per client address, back to the sign-in page past the budget', async () => {
    const base = h().runtime.services;
    const limited = createApp({
      ...base,
      config: {
        ...base.config,
        trustProxy: true,
        rateLimits: { ...base.config.rateLimits, ssoStartsPerAddress: 3 },
      },
    });
    const start = (from: string) =>
      limited.request('/api/v1/auth/sso/start?email=amara@northwind.example', {
        headers: { 'x-forwarded-for': from },
      });
    const attempts = await count('sso_attempts');
    for (let i = 0; i < 3; i++) {
      const res = await start('198.51.100.20');
      expect(res.headers.get('location')!.startsWith(`${idp.issuer}/`)).toBe(true);
    }
    expect(await count('sso_attempts')).toBe(attempts + 3);
    const refused = await start('198.51.100.20');
    expect([refused.status, refused.headers.get('location')]).toEqual([
      302,
      '/sign-in?sso_error=sso_rate_limited',
    ]);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.getSetCookie()).toEqual([]);
    expect(await count('sso_attempts')).toBe(attempts + 3);
    // Another address has its own budget, and the window gives this one back.
    expect((await start('198.51.100.21')).headers.get('location')!.startsWith(`${idp.issuer}/`)).toBe(true);
    h().advance(retryAfter * 1000);
    try {
      expect((await start('198.51.100.20')).headers.get('location')!.startsWith(`${idp.issuer}/`)).toBe(true);
    } finally {
      h().advance(-retryAfter * 1000);
    }
  });

  it('asks no second step of a single sign-on session, even where the organisation requires one', async () => {
    expect(
      (await h().request('PUT', '/api/v1/settings/sign-in', { twoStepRequired: 'everyone' })).status,
    ).toBe(200);
    try {
      const { res } = await signInWith('amara');
      const cookie = cookieOf(res, 'baton_session')!;
      const cases = await h().runtime.app.request('/api/v1/cases', { headers: { cookie } });
      expect(cases.status).toBe(200);
    } finally {
      await h().request('PUT', '/api/v1/settings/sign-in', { twoStepRequired: 'nobody' });
    }
  });

  it('keeps passwords for admins only when asked: an agent is sent to single sign-on, an admin signs in, and so does someone outside the domains', async () => {
    const emailOf = (who: string) => `pw-${who}@${who === 'contractor' ? 'contractor.example' : domain}`;
    for (const [key, roles] of [
      ['agent', ['agent']],
      ['admin', ['admin']],
      ['contractor', ['agent']],
    ] as const) {
      const res = await h().request('POST', '/api/v1/people', {
        name: `Password ${key}`,
        email: emailOf(key),
        roles,
        password,
      });
      expect(res.status).toBe(201);
    }
    const login = (who: string) =>
      h().request('POST', '/api/v1/auth/login', { email: emailOf(who), password });
    const sessionOf = (res: Awaited<ReturnType<typeof login>>) =>
      res.headers
        .getSetCookie()
        .find((c) => c.startsWith('baton_session='))!
        .split(';')[0]!;
    const stillIn = async (cookie: string) =>
      (await h().runtime.app.request('/api/v1/me', { headers: { cookie } })).status;
    const signedIn = {
      agent: sessionOf(await login('agent')),
      admin: sessionOf(await login('admin')),
      contractor: sessionOf(await login('contractor')),
    };
    const ssoSession = cookieOf((await signInWith('amara')).res, 'baton_session')!;
    const strict = await put({ ...settings, passwordSignIn: 'admins_only' });
    expect([strict.status, strict.body.passwordSessionsEnded]).toEqual([200, 1]);
    // The agent's password session ended with the rule; the admin's, the contractor's and single sign-on's stay.
    expect(await stillIn(signedIn.agent)).toBe(401);
    expect([
      await stillIn(signedIn.admin),
      await stillIn(signedIn.contractor),
      await stillIn(ssoSession),
    ]).toEqual([200, 200, 200]);
    const log = await h().request('GET', '/api/v1/admin/changes?area=policies');
    expect(
      log.body.items.find((c: { subject: string }) => c.subject === 'single-sign-on').detail,
    ).toMatchObject({
      passwordSignIn: { from: 'everyone', to: 'admins_only' },
      passwordSessionsEnded: { from: null, to: 1 },
    });
    const before = await count('sessions');
    const agent = await login('agent');
    expect([agent.status, agent.body.error?.code]).toEqual([401, 'sso_required']);
    expect(agent.body.error.message).toMatch(/single sign-on/);
    expect(await count('sessions')).toBe(before);
    const wrong = await h().request('POST', '/api/v1/auth/login', {
      email: 'pw-agent@northwind.example',
      password: 'not the password at all',
    });
    expect(wrong.body.error?.code).toBe('invalid_credentials');
    expect((await login('admin')).status).toBe(200);
    // Single sign-on could not sign in an address outside its domains: that person keeps the password.
    expect((await login('contractor')).status).toBe(200);
    // No reset link for a password that would not sign them in; an admin still gets one.
    expect(await issuePasswordResets(h().database.db, 'pw-agent@northwind.example', h().now())).toEqual([]);
    expect(await issuePasswordResets(h().database.db, 'pw-admin@northwind.example', h().now())).toHaveLength(
      1,
    );
    // Turned off, passwords work for everyone again.
    expect((await put({ ...settings, enabled: false })).status).toBe(200);
    expect((await login('agent')).status).toBe(200);
  });
});
