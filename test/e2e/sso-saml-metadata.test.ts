import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { refreshSamlMetadata } from '../../src/auth/saml-metadata.jobs.ts';
import { describeOnDatabases } from '../support/harness.ts';
import { forgerKey, idpEntityId, idpKey, idpMetadata } from '../support/saml-identity-provider.ts';
import { samlSignIns } from '../support/saml-sign-in.ts';
import { snapshotAll } from '../support/snapshot.ts';
import { ssoCalls } from '../support/sso-calls.ts';

const signInUrl = 'https://idp.northwind.test/app/baton/sso';
const hour = 3_600_000;

/**
 * SAML settings read from the identity provider's metadata address: on saving (unreadable metadata
 * refused, nothing saved), then again every day by a job, so a provider rolling its signing key
 * over is followed without an admin; a failed read keeps what was saved and says why.
 */
describeOnDatabases('SAML metadata read from its address', (h) => {
  // What the provider's metadata address answers: metadata, or a status (and where it redirects).
  let answer: { status: number; body: string; location?: string } = {
    status: 200,
    body: idpMetadata(signInUrl),
  };
  let reads = 0;
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((_req, res) => {
      reads++;
      const headers: Record<string, string> = { 'content-type': 'application/samlmetadata+xml' };
      if (answer.location) headers.location = answer.location;
      res.writeHead(answer.status, headers).end(answer.body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // node-saml judges an assertion's validity by the real clock, as the test provider signs them.
    h().setNow(new Date());
    h().runtime.services.config.ssoAllowHttp = true;
    h().runtime.services.config.ssoDomainProof = 'off';
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
  });

  const calls = ssoCalls(h, 'Mozilla/5.0 (saml metadata test)');
  const { signIn } = samlSignIns(h, calls);
  const settings = () => ({
    enabled: true,
    protocol: 'saml',
    samlMetadataUrl: `${base}/metadata`,
    emailDomains: ['northwind.example'],
    passwordSignIn: 'everyone',
  });
  const read = async () => (await h().request('GET', '/api/v1/settings/single-sign-on')).body;
  // The job's own hours, apart from the harness clock the sign-ins keep (node-saml reads the real one).
  let at = 0;
  const refresh = (after: number) => {
    at += after;
    return refreshSamlMetadata(h().runtime.services, new Date(at));
  };

  it('refuses metadata it cannot read or use, saying why, and saves nothing', async () => {
    const before = await snapshotAll(h().database);
    const refusals: [typeof answer, RegExp][] = [
      [{ status: 404, body: 'gone' }, /answered HTTP 404/],
      [
        { status: 302, body: '', location: 'https://elsewhere.example/md' },
        /redirects to https:\/\/elsewhere/,
      ],
      [{ status: 200, body: '<html><body>Sign in</body></html>' }, /no IDPSSODescriptor/],
      [{ status: 200, body: 'not xml at all' }, /does not answer XML|no IDPSSODescriptor/],
      [{ status: 200, body: idpMetadata(signInUrl, idpKey.key) }, /signing certificate/],
      [
        { status: 200, body: idpMetadata('ftp://idp.northwind.test/sso') },
        /sign-in URL .* must be an https URL/,
      ],
    ];
    for (const [given, message] of refusals) {
      answer = given;
      const res = await calls.put(settings());
      expect([res.status, res.body.error?.code, res.body.error?.field], given.body).toEqual([
        422,
        'saml_metadata_unreadable',
        'samlMetadataUrl',
      ]);
      expect(res.body.error.message).toMatch(message);
    }
    const nothing = await calls.put({ ...settings(), samlMetadataUrl: 'http://[::1]:9/nothing-listens' });
    expect([nothing.status, nothing.body.error.code]).toEqual([422, 'saml_metadata_unreadable']);
    expect(nothing.body.error.message).toMatch(/could not be read/);
    const notHttps = await calls.put({ ...settings(), samlMetadataUrl: 'ftp://idp.example/md' });
    expect([notHttps.status, notHttps.body.error.field]).toEqual([400, 'samlMetadataUrl']);
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it('saves the sign-in URL, entity ID and certificate the metadata gives, and signs people in with them', async () => {
    answer = { status: 200, body: idpMetadata(signInUrl) };
    const saved = await calls.put(settings());
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const now = await read();
    expect(now).toMatchObject({
      protocol: 'saml',
      samlMetadataUrl: `${base}/metadata`,
      samlSignInUrl: signInUrl,
      samlIdpEntityId: idpEntityId,
      samlMetadataProblem: null,
    });
    expect(now.samlCertificates).toHaveLength(1);
    at = Date.parse(now.samlMetadataCheckedAt);
    expect(at).toBe(h().runtime.services.clock().getTime());
    expect((await signIn()).location).toBe('/cases');
    expect((await signIn({ signer: forgerKey })).location).toBe('/sign-in?sso_error=sso_failed');
    const log = await h().request('GET', '/api/v1/admin/changes?area=policies');
    expect(JSON.stringify(log.body.items[0])).toContain('samlMetadataUrl');
  });

  it('reads it again a day later, following a key rollover, and logs what changed', async () => {
    const readsBefore = reads;
    // Not due yet: nothing is read.
    expect(await refresh(23 * hour)).toEqual([]);
    expect(reads).toBe(readsBefore);
    // The provider publishes its next key beside the current one, then signs with it.
    answer = { status: 200, body: idpMetadata(signInUrl, [idpKey.cert, forgerKey.cert]) };
    const [done] = await refresh(2 * hour);
    expect(done).toMatchObject({ changed: true, problem: null });
    expect((await read()).samlCertificates).toHaveLength(2);
    expect((await signIn({ signer: forgerKey })).location).toBe('/cases');
    const log = await h().request('GET', '/api/v1/admin/changes?area=policies');
    const change = log.body.items[0];
    expect([change.actor, Object.keys(change.detail).sort()]).toEqual([
      { id: 'saml-metadata', name: 'The identity provider’s SAML metadata' },
      ['readFrom', 'samlCertificate'],
    ]);
    // The same metadata a day later: read, nothing changed, nothing logged.
    expect(await refresh(25 * hour)).toMatchObject([{ changed: false, problem: null }]);
    expect((await h().request('GET', '/api/v1/admin/changes?area=policies')).body.items[0].id).toBe(
      change.id,
    );
  });

  it('keeps what was saved when a read fails, says why, and tries again an hour later', async () => {
    answer = { status: 503, body: 'maintenance' };
    expect(await refresh(25 * hour)).toMatchObject([
      { changed: false, problem: expect.stringMatching(/HTTP 503/) },
    ]);
    const now = await read();
    expect([now.samlMetadataProblem, now.samlCertificates.length]).toEqual([
      expect.stringMatching(/HTTP 503/),
      2,
    ]);
    expect(await refresh(30 * 60_000)).toEqual([]);
    answer = { status: 200, body: idpMetadata(signInUrl, forgerKey.cert) };
    expect(await refresh(31 * 60_000)).toMatchObject([{ changed: true, problem: null }]);
    const after = await read();
    expect([after.samlMetadataProblem, after.samlCertificates.length]).toEqual([null, 1]);
    // The old key is dropped from the metadata, so from Baton.
    expect((await signIn()).location).toBe('/sign-in?sso_error=sso_failed');
  });
});
