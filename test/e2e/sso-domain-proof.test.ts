import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiToken } from '../../src/auth/auth.commands.ts';
import { txtLookup } from '../../src/auth/dns-lookup.ts';
import type { TxtLookup } from '../../src/auth/domain-proof.ts';
import { recheckProvedDomains } from '../../src/auth/domain-recheck.jobs.ts';
import { startDnsServer } from '../support/dns-server.ts';
import { describeOnDatabases } from '../support/harness.ts';
import { providerSettings, startIdentityProvider } from '../support/identity-provider.ts';
import { snapshotAll } from '../support/snapshot.ts';

const callback = 'http://localhost/api/v1/auth/sso/callback';
const domain = 'northwind.example';

/**
 * Where several organisations share a Baton, an e-mail domain signs in through an organisation's
 * single sign-on only once that organisation proved it owns the domain, by a DNS TXT record
 * (asked of a real DNS server over UDP). Until then anyone may claim it and it signs nobody in;
 * once proved, nobody else can prove or save it.
 */
describeOnDatabases('single sign-on: proving an e-mail domain by DNS', (h) => {
  let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
  let dns: Awaited<ReturnType<typeof startDnsServer>>;
  let otherToken: string;
  let settings: Record<string, unknown>;

  beforeAll(async () => {
    idp = await startIdentityProvider([callback], {
      amara: { email: 'amara@northwind.example', email_verified: true },
    });
    dns = await startDnsServer();
    const { config } = h().runtime.services;
    config.ssoAllowHttp = true;
    config.dnsServers = dns.servers;
    // The harness holds two organisations: `auto` asks for proof.
    config.ssoDomainProof = 'auto';
    otherToken = (
      await createApiToken(h().database.db, { orgId: h().other.orgId, name: 'other admin', roles: ['admin'] })
    ).token;
    settings = providerSettings(idp.issuer, domain);
  });
  afterAll(async () => {
    await idp?.close();
    await dns?.close();
  });

  const put = (body: unknown, token?: string) =>
    h().request('PUT', '/api/v1/settings/single-sign-on', body, { token });
  const prove = (name: string, token?: string) =>
    h().request('POST', `/api/v1/settings/single-sign-on/domains/${name}/prove`, {}, { token });
  const startFor = async (email: string) =>
    (await h().runtime.app.request(`/api/v1/auth/sso/start?email=${encodeURIComponent(email)}`)).headers.get(
      'location',
    );

  it('saves a domain unproved, with the record that proves it, and signs nobody in by it yet', async () => {
    const saved = await put(settings);
    expect(saved.status).toBe(200);
    expect(saved.body.domainProofAsked).toBe(true);
    expect(saved.body.domains).toEqual([
      {
        domain,
        proved: false,
        provedAt: null,
        provedBy: null,
        record: {
          type: 'TXT',
          name: '_baton-challenge.northwind.example',
          value: expect.stringMatching(/^baton-domain-verification=[0-9a-f]{32}$/),
        },
        checkedAt: null,
        missingSince: null,
        stopsSigningInAt: null,
      },
    ]);
    expect(await startFor('amara@northwind.example')).toBe('/sign-in?sso_error=sso_not_configured');
    // Saved again, the domain keeps its record: what the admin published stays right.
    const again = await put(settings);
    expect(again.body.domains[0].record).toEqual(saved.body.domains[0].record);
    // A claim proves nothing: another organisation may claim the same domain.
    const claimed = await put({ ...settings, enabled: false }, otherToken);
    expect([claimed.status, claimed.body.domains[0].proved]).toEqual([200, false]);
    expect(claimed.body.domains[0].record.value).not.toBe(saved.body.domains[0].record.value);
  });

  it('refuses the proof while DNS holds no record, or another value, saying what it found; nothing changes', async () => {
    const before = await snapshotAll(h().database);
    const none = await prove(domain);
    expect(none.status).toBe(422);
    expect(none.body.error).toMatchObject({
      code: 'domain_unproved',
      domain,
      record: { name: '_baton-challenge.northwind.example' },
      found: [],
    });
    expect(none.body.error.message).toContain('no TXT record at _baton-challenge.northwind.example yet');
    expect(dns.asked).toContain('_baton-challenge.northwind.example');

    // The other organisation's value, or an older one, is not ours.
    const theirs = (
      await h().request('GET', '/api/v1/settings/single-sign-on', undefined, { token: otherToken })
    ).body.domains[0].record.value;
    dns.publish('_baton-challenge.northwind.example', ['v=spf1 -all'], [theirs]);
    const wrong = await prove(domain);
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.found).toEqual(['v=spf1 -all', theirs]);
    expect(wrong.body.error.message).toContain('do not hold baton-domain-verification=');
    expect(await snapshotAll(h().database)).toEqual(before);
    expect((await prove('unclaimed.example')).status).toBe(404);
  });

  it('proves the domain once the record is there, then signs its people in; nobody else can prove or save it', async () => {
    // Lucas, an agent of this organisation only, is signed in with a password.
    const lucas = { email: 'lucas@northwind.example', password: 'lucas has a long password' };
    const lucasId = h().org.personIds.get('lucas');
    expect(
      (await h().request('PATCH', `/api/v1/people/${lucasId}`, { password: lucas.password })).status,
    ).toBe(200);
    expect((await h().request('POST', '/api/v1/auth/login', lucas)).status).toBe(200);
    // Only admins keep passwords: an unproved domain's people keep theirs until it is proved.
    const rule = await put({ ...settings, passwordSignIn: 'admins_only' });
    expect(rule.body.passwordSessionsEnded).toBe(0);
    expect((await h().request('POST', '/api/v1/auth/login', lucas)).status).toBe(200);
    const ours = (await h().request('GET', '/api/v1/settings/single-sign-on')).body.domains[0].record.value;
    const theirs = (
      await h().request('GET', '/api/v1/settings/single-sign-on', undefined, { token: otherToken })
    ).body.domains[0].record.value;
    // A long record comes as several strings; the other organisation's value sits beside ours.
    dns.publish('_baton-challenge.northwind.example', [ours.slice(0, 20), ours.slice(20)], [theirs]);
    const proved = await prove(domain);
    expect(proved.status).toBe(200);
    expect(proved.body.passwordSessionsEnded).toBe(2);
    expect((await h().request('POST', '/api/v1/auth/login', lucas)).body.error.code).toBe('sso_required');
    expect(proved.body.domains[0]).toMatchObject({
      domain,
      proved: true,
      provedBy: 'dns',
      provedAt: h().now().toISOString(),
    });
    expect((await startFor('amara@northwind.example'))?.startsWith(`${idp.issuer}/`)).toBe(true);
    const log = await h().request('GET', '/api/v1/admin/changes?area=policies');
    expect(log.body.items[0]).toMatchObject({
      subject: 'single-sign-on',
      detail: { domainProved: { from: null, to: domain } },
    });
    // Proved again: answered as it is.
    expect((await prove(domain)).body.domains[0].provedAt).toBe(proved.body.domains[0].provedAt);

    const before = await snapshotAll(h().database);
    const second = await prove(domain, otherToken);
    expect([second.status, second.body.error.code, second.body.error.field]).toEqual([
      409,
      'conflict',
      'emailDomains',
    ]);
    const resaved = await put({ ...settings, enabled: false }, otherToken);
    expect([resaved.status, resaved.body.error.code]).toEqual([409, 'conflict']);
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it('looks the record up again daily; missing for three days, the domain stops signing in until proved again', async () => {
    const hour = 3_600_000;
    const name = '_baton-challenge.northwind.example';
    const lucas = { email: 'lucas@northwind.example', password: 'lucas has a long password' };
    const ours = (await h().request('GET', '/api/v1/settings/single-sign-on')).body.domains[0].record.value;
    const recheck = (after: number, lookup: TxtLookup = txtLookup(dns.servers)) => {
      h().advance(after);
      return recheckProvedDomains(h().runtime.services, h().now(), lookup);
    };
    const proof = async () => (await h().request('GET', '/api/v1/settings/single-sign-on')).body.domains[0];

    // Not due until a day after the proof; then found, it stays as it is.
    expect(await recheck(23 * hour)).toEqual([]);
    expect(await recheck(1 * hour)).toMatchObject([{ domain, found: 'found', unproved: false }]);
    expect(await proof()).toMatchObject({
      proved: true,
      checkedAt: h().now().toISOString(),
      missingSince: null,
    });

    // The record is gone: the domain still signs in, and says until when.
    dns.publish(name);
    expect(await recheck(24 * hour)).toMatchObject([{ found: 'missing', unproved: false }]);
    const missingSince = h().now();
    expect(await proof()).toMatchObject({
      proved: true,
      missingSince: missingSince.toISOString(),
      stopsSigningInAt: new Date(missingSince.getTime() + 72 * hour).toISOString(),
    });
    expect((await startFor('amara@northwind.example'))?.startsWith(`${idp.issuer}/`)).toBe(true);
    // The admins hear of it once, while there is time to put it back.
    const ines = await h().tokenFor('ines');
    const told = async () =>
      (await h().request('GET', '/api/v1/notifications', undefined, { token: ines })).body.items.filter(
        (n: { kind: string }) => n.kind === 'sso_domain_record',
      );
    expect(await told()).toMatchObject([
      {
        title: `The DNS record proving ${domain} is missing`,
        body: expect.stringContaining(
          `Put it back before ${new Date(missingSince.getTime() + 72 * hour).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        ),
        link: '/settings/security',
      },
    ]);
    // Checked while still missing: the admin is told to put it back, and nothing changes.
    const still = await prove(domain);
    expect([still.status, still.body.error.code]).toEqual([422, 'domain_unproved']);
    expect(still.body.error.message).toBe(
      `the TXT record at ${name} is still missing: put it back (DNS changes can take a while to spread), then check again`,
    );
    expect((await proof()).missingSince).toBe(missingSince.toISOString());
    // Put back, an admin's check clears the warning at once; gone again, it counts from anew.
    dns.publish(name, [ours]);
    const back = await prove(domain);
    expect([back.status, back.body.domains[0].missingSince, back.body.domains[0].provedBy]).toEqual([
      200,
      null,
      'dns',
    ]);
    dns.publish(name);
    expect(await recheck(24 * hour)).toMatchObject([{ found: 'missing', unproved: false }]);
    const gone = h().now();
    // DNS not answering is not the record missing: nothing moves.
    const outage: TxtLookup = async () => {
      throw Object.assign(new Error('queryTxt ETIMEOUT'), { code: 'ETIMEOUT' });
    };
    expect(await recheck(6 * hour, outage)).toMatchObject([{ found: 'unanswered', unproved: false }]);
    expect((await proof()).missingSince).toBe(gone.toISOString());
    expect(await recheck(1 * hour)).toEqual([]);
    expect(await told()).toHaveLength(2);

    // Three days after it went missing: no longer proved, in the change log, and it signs nobody in.
    expect(await recheck(72 * hour - 7 * hour - 1)).toMatchObject([{ found: 'missing', unproved: false }]);
    expect(await recheck(6 * hour)).toMatchObject([{ domain, found: 'missing', unproved: true }]);
    expect(await proof()).toMatchObject({
      proved: false,
      provedAt: null,
      provedBy: null,
      missingSince: null,
    });
    expect(await startFor('amara@northwind.example')).toBe('/sign-in?sso_error=sso_not_configured');
    // Its people may use their passwords again: single sign-on no longer signs them in.
    expect((await h().request('POST', '/api/v1/auth/login', lucas)).status).toBe(200);
    const log = await h().request('GET', '/api/v1/admin/changes?area=policies');
    expect([log.body.items[0].actor, log.body.items[0].detail]).toEqual([
      { id: 'dns-recheck', name: 'Baton’s daily DNS check' },
      { domainUnproved: { from: domain, to: null } },
    ]);
    const [unprovedNotice] = await told();
    expect(unprovedNotice.title).toBe(`${domain} no longer signs in with single sign-on`);
    expect(await told()).toHaveLength(3);
    // Unproved, it is not looked up again; published and proved again, it signs in as before.
    expect(await recheck(24 * hour)).toEqual([]);
    dns.publish(name, [ours]);
    expect((await prove(domain)).body.domains[0]).toMatchObject({
      proved: true,
      provedBy: 'dns',
      missingSince: null,
    });
    expect((await startFor('amara@northwind.example'))?.startsWith(`${idp.issuer}/`)).toBe(true);

    // An admin who proves it again while the check is looking it up has the last word.
    dns.publish(name);
    expect(await recheck(24 * hour)).toMatchObject([{ found: 'missing', unproved: false }]);
    const racing: TxtLookup = async () => {
      h().advance(1_000);
      dns.publish(name, [ours]);
      expect((await prove(domain)).status).toBe(200);
      return [];
    };
    expect(await recheck(72 * hour, racing)).toMatchObject([{ found: 'missing', unproved: false }]);
    expect(await proof()).toMatchObject({ proved: true, provedBy: 'dns', missingSince: null });
  });

  it('saves a domain proved at once where no proof is asked, and proves the claims left unproved', async () => {
    const { config } = h().runtime.services;
    config.ssoDomainProof = 'off';
    try {
      const saved = await put({ ...settings, emailDomains: [domain, 'eu.northwind.example'] });
      expect(saved.body.domainProofAsked).toBe(false);
      expect(
        saved.body.domains.map((d: { domain: string; provedBy: string }) => [d.domain, d.provedBy]),
      ).toEqual([
        ['eu.northwind.example', 'unchallenged'],
        [domain, 'dns'],
      ]);
    } finally {
      config.ssoDomainProof = 'auto';
    }
  });
});
