import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createApiToken } from '../../src/auth/auth.commands.ts';
import { createProvisioningToken } from '../../src/provisioning/provisioning.commands.ts';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';
import { snapshotAll } from '../support/snapshot.ts';

/**
 * SCIM 2.0 provisioning driven as Okta and Microsoft Entra ID drive it: an admin creates the token,
 * the provider looks people up by userName, adds, replaces, patches and deletes them; deactivation
 * goes through the People rules (open handoffs handed on, sessions and tokens ended); bad tokens
 * and bad bodies change nothing; another organisation's token sees none of this one's people.
 */
const scim = 'application/scim+json';
const userSchema = 'urn:ietf:params:scim:schemas:core:2.0:User';
const patchSchema = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const errorSchema = 'urn:ietf:params:scim:api:messages:2.0:Error';

describeOnDatabases('SCIM provisioning, as Okta and Entra ID call it', (h) => {
  let token = '';
  let otherToken = '';
  let zoe = '';
  const call = (method: string, path: string, body?: unknown, t = token) =>
    h().request(method, `/scim/v2${path}`, body, { token: t, headers: { 'content-type': scim } });
  const person = async (id: string) =>
    (await h().request('GET', '/api/v1/people')).body.items.find((p: { id: string }) => p.id === id);
  const expectScimError = (
    res: { status: number; body: { scimType?: string } },
    status: number,
    scimType?: string,
  ) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body).toMatchObject({
      schemas: [errorSchema],
      status: String(status),
      detail: expect.any(String),
    });
    if (scimType) expect(res.body.scimType).toBe(scimType);
  };

  it('lets an admin create the token: shown once, logged without it, and only admins may', async () => {
    const empty = await h().request('GET', '/api/v1/settings/provisioning');
    expect(empty.body).toEqual({
      baseUrl: 'http://localhost/scim/v2',
      tokenSet: false,
      tokenCreatedAt: null,
      lastUsedAt: null,
      defaultRole: 'agent',
      managedTeams: [],
    });
    const lead = await h().tokenFor('grace');
    expect(
      (await h().request('POST', '/api/v1/settings/provisioning', undefined, { token: lead })).status,
    ).toBe(403);
    const created = await h().request('POST', '/api/v1/settings/provisioning', undefined, {
      headers: { 'idempotency-key': 'scim-token-1' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ tokenSet: true, token: expect.stringMatching(/^scim_/) });
    token = created.body.token;
    expect((await h().request('GET', '/api/v1/settings/provisioning')).body).not.toHaveProperty('token');
    const log = await h().request('GET', '/api/v1/admin/changes?area=policies');
    expect(log.body.items[0]).toMatchObject({
      action: 'settings.changed',
      subject: 'provisioning',
      detail: { scimToken: { from: null, to: 'set' } },
    });
    // Never kept to replay.
    expect(
      JSON.stringify(await h().database.db.execute(sql`select response from idempotency_keys`)),
    ).not.toContain(token);
    otherToken = await createProvisioningToken(h().database.db, {
      orgId: h().other.orgId,
      now: h().now(),
      actorId: null,
    });
  });

  it('describes itself: ServiceProviderConfig, ResourceTypes and Schemas, in SCIM’s media type', async () => {
    const config = await call('GET', '/ServiceProviderConfig');
    expect(config.status).toBe(200);
    expect(config.headers.get('content-type')).toContain(scim);
    expect(config.body).toMatchObject({ patch: { supported: true }, filter: { supported: true } });
    expect((await call('GET', '/ResourceTypes')).body.Resources).toMatchObject([
      { id: 'User', endpoint: '/Users' },
      { id: 'Group', endpoint: '/Groups' },
    ]);
    const schemas = (await call('GET', '/Schemas')).body.Resources[0];
    expect(schemas.id).toBe(userSchema);
    expect(schemas.attributes.map((a: { name: string }) => a.name)).toContain('userName');
  });

  it('adds a person as Okta does: not found by userName, then POST; the agent role by default', async () => {
    const none = await call(
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "zoe.adams@northwind.example"')}`,
    );
    expect(none.body).toMatchObject({ totalResults: 0, Resources: [] });
    const created = await call('POST', '/Users', {
      schemas: [userSchema],
      userName: 'Zoe.Adams@northwind.example',
      name: { givenName: 'Zoe', familyName: 'Adams' },
      emails: [{ primary: true, value: 'Zoe.Adams@northwind.example', type: 'work' }],
      externalId: '00u-zoe',
      active: true,
      title: 'Billing specialist',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get('location')).toBe(`http://localhost/scim/v2/Users/${created.body.id}`);
    expect(created.body).toMatchObject({
      schemas: [userSchema],
      userName: 'Zoe.Adams@northwind.example',
      externalId: '00u-zoe',
      name: { givenName: 'Zoe', familyName: 'Adams', formatted: 'Zoe Adams' },
      displayName: 'Zoe Adams',
      emails: [{ value: 'zoe.adams@northwind.example', primary: true }],
      active: true,
    });
    zoe = created.body.id;
    expect(await person(zoe)).toMatchObject({ name: 'Zoe Adams', roles: ['agent'], active: true });
    const log = await h().request('GET', '/api/v1/admin/changes?area=people');
    expect(log.body.items[0]).toMatchObject({
      action: 'person.added',
      actor: { id: 'scim', name: 'The identity provider (SCIM)' },
    });
    // The provider's call is noted for the admin.
    expect((await h().request('GET', '/api/v1/settings/provisioning')).body.lastUsedAt).toBe(
      h().now().toISOString(),
    );
  });

  it('finds people by userName without regard to case, by externalId and by emails.value, a page at a time', async () => {
    const find = async (filter: string) =>
      (await call('GET', `/Users?filter=${encodeURIComponent(filter)}`)).body;
    expect(
      (await find('userName eq "ZOE.ADAMS@NORTHWIND.EXAMPLE"')).Resources.map((r: { id: string }) => r.id),
    ).toEqual([zoe]);
    expect((await find('externalId eq "00u-zoe"')).totalResults).toBe(1);
    expect((await find('externalId eq "00U-ZOE"')).totalResults).toBe(0); // caseExact
    expect((await find('emails.value eq "zoe.adams@northwind.example"')).Resources[0].id).toBe(zoe);
    // People added in Baton are there too (a provider matches them on import), their address as userName.
    const amara = await find('userName eq "amara@northwind.example"');
    expect(amara.Resources[0]).toMatchObject({ userName: 'amara@northwind.example', active: true });
    expect(
      (await find('userName eq "zoe.adams@northwind.example" or userName eq "amara@northwind.example"'))
        .totalResults,
    ).toBe(2);
    const all = await call('GET', '/Users');
    const page = await call('GET', '/Users?startIndex=3&count=2');
    expect(page.body).toMatchObject({ totalResults: all.body.totalResults, startIndex: 3, itemsPerPage: 2 });
    expect(page.body.Resources.map((r: { id: string }) => r.id)).toEqual(
      all.body.Resources.slice(2, 4).map((r: { id: string }) => r.id),
    );
    expect((await call('GET', '/Users?count=0')).body).toMatchObject({ itemsPerPage: 0, Resources: [] });
  });

  it('refuses a second person with the same address (uniqueness), changing nothing', async () => {
    const before = await snapshotAll(h().database);
    const again = await call('POST', '/Users', { userName: 'zoe.adams@northwind.example' });
    expectScimError(again, 409, 'uniqueness');
    expect(again.headers.get('x-baton-error-code')).toBe('scim_uniqueness');
    const sameExternal = await call('POST', '/Users', {
      userName: 'z2@northwind.example',
      externalId: '00u-zoe',
    });
    expectScimError(sameExternal, 409, 'uniqueness');
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it('replaces a person with PUT, as Okta updates them', async () => {
    const res = await call('PUT', `/Users/${zoe}`, {
      schemas: [userSchema],
      id: zoe,
      userName: 'zoe.adams@northwind.example',
      name: { givenName: 'Zoë', familyName: 'Adams-Berg' },
      emails: [{ primary: true, value: 'zoe.adams-berg@northwind.example', type: 'work' }],
      externalId: '00u-zoe',
      active: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      displayName: 'Zoë Adams-Berg',
      emails: [{ value: 'zoe.adams-berg@northwind.example' }],
    });
    expect(await person(zoe)).toMatchObject({
      name: 'Zoë Adams-Berg',
      email: 'zoe.adams-berg@northwind.example',
    });
    expect((await call('GET', `/Users/${zoe}`)).body.name).toMatchObject({
      givenName: 'Zoë',
      familyName: 'Adams-Berg',
    });
  });

  it('deactivates with Entra ID\'s PATCH (active "False"): open handoffs handed on, tokens ended', async () => {
    expect((await h().request('POST', '/api/v1/teams/finance/members', { personId: zoe })).status).toBe(201);
    const kase = (await h().request('POST', '/api/v1/cases', newCase())).body;
    const sent = (
      await h().request('POST', `/api/v1/cases/${kase.id}/handoffs`, {
        scenario: 'billing-to-finance',
        packet: fullPacket,
      })
    ).body;
    const moved = await h().request('POST', `/api/v1/handoffs/${sent.id}/reassign`, {
      ownerId: zoe,
      reason: 'billing specialist',
    });
    expect(moved.body.owner.id).toBe(zoe);
    const zoesToken = (
      await createApiToken(h().database.db, {
        orgId: h().org.orgId,
        name: 'zoe',
        roles: ['agent'],
        personId: zoe,
      })
    ).token;
    expect((await h().request('GET', '/api/v1/me', undefined, { token: zoesToken })).status).toBe(200);

    const res = await call('PATCH', `/Users/${zoe}`, {
      schemas: [patchSchema],
      Operations: [{ op: 'Replace', value: { active: 'False' } }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.active).toBe(false);
    expect(await person(zoe)).toMatchObject({ active: false });
    const after = (await h().request('GET', `/api/v1/handoffs/${sent.id}`)).body;
    expect(after.owner.id).not.toBe(zoe);
    expect(after.state).toBe('sent');
    // Zoe's tokens are revoked (this process may still honour one for its 5-second authentication cache).
    const tokens = (await h().request('GET', '/api/v1/api-tokens')).body.items;
    expect(tokens.find((t: { name: string }) => t.name === 'zoe').revokedAt).toBe(h().now().toISOString());
    const log = await h().request('GET', '/api/v1/admin/changes?area=people');
    expect(log.body.items[0]).toMatchObject({
      action: 'person.deactivated',
      actor: { id: 'scim', name: 'The identity provider (SCIM)' },
      detail: { handedOn: { to: 1 } },
    });
    // Filters still find a deactivated person (Okta reactivates by id).
    expect(
      (await call('GET', `/Users?filter=${encodeURIComponent('active eq false')}`)).body.Resources.map(
        (r: { id: string }) => r.id,
      ),
    ).toContain(zoe);
  });

  it('gives access back with PATCH active true, and takes other paths', async () => {
    const res = await call('PATCH', `/Users/${zoe}`, {
      schemas: [patchSchema],
      Operations: [
        { op: 'replace', path: 'active', value: true },
        { op: 'replace', path: 'name.givenName', value: 'Zoe' },
        { op: 'add', path: 'displayName', value: 'Zoe Adams-Berg' },
        { op: 'remove', path: 'externalId' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      active: true,
      displayName: 'Zoe Adams-Berg',
      name: { givenName: 'Zoe' },
    });
    expect(res.body).not.toHaveProperty('externalId');
    expect(await person(zoe)).toMatchObject({ active: true, name: 'Zoe Adams-Berg' });
  });

  it('refuses bad bodies with a SCIM error, changing nothing', async () => {
    const before = await snapshotAll(h().database);
    const bad: [string, string, unknown, number, string | undefined][] = [
      ['POST', '/Users', { name: { givenName: 'No userName' } }, 400, 'invalidValue'],
      ['POST', '/Users', { userName: 'not-an-address' }, 400, 'invalidValue'],
      ['POST', '/Users', '{"userName": ', 400, 'invalidSyntax'],
      ['PATCH', `/Users/${zoe}`, { Operations: [] }, 400, 'invalidValue'],
      ['PATCH', `/Users/${zoe}`, { Operations: [{ op: 'remove' }] }, 400, 'noTarget'],
      [
        'PATCH',
        `/Users/${zoe}`,
        { Operations: [{ op: 'replace', path: 'shoeSize', value: 9 }] },
        400,
        'invalidPath',
      ],
      [
        'PATCH',
        `/Users/${zoe}`,
        { Operations: [{ op: 'replace', path: 'id', value: 'p_x' }] },
        400,
        'mutability',
      ],
      [
        'PATCH',
        `/Users/${zoe}`,
        { Operations: [{ op: 'replace', path: 'active', value: 'perhaps' }] },
        400,
        'invalidValue',
      ],
      // All or none: the first operation would have deactivated Zoe.
      [
        'PATCH',
        `/Users/${zoe}`,
        {
          Operations: [
            { op: 'replace', path: 'active', value: false },
            { op: 'remove', path: 'userName' },
          ],
        },
        400,
        'mutability',
      ],
      [
        'PATCH',
        `/Users/${zoe}`,
        {
          Operations: [
            { op: 'replace', path: 'emails[type eq "work"].value', value: 'amara@northwind.example' },
          ],
        },
        409,
        'uniqueness',
      ],
      ['PUT', '/Users/p_nowhere', { userName: 'x@northwind.example' }, 404, undefined],
      ['GET', `/Users?filter=${encodeURIComponent('title eq "x"')}`, undefined, 400, 'invalidFilter'],
      ['GET', '/Users?filter=userName%20eq', undefined, 400, 'invalidFilter'],
      ['GET', '/Bundles', undefined, 404, undefined],
    ];
    for (const [method, path, body, status, scimType] of bad) {
      const res = await call(method, path, body);
      expectScimError(res, status, scimType);
    }
    const asText = await h().request('POST', '/scim/v2/Users', 'userName=x', {
      token,
      headers: { 'content-type': 'text/plain' },
    });
    expectScimError(asText, 415);
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it('never lets SCIM take an admin’s address or give an admin access back, nor take a team its lead', async () => {
    const ines = h().org.personIds.get('ines')!;
    const res = await call('PATCH', `/Users/${ines}`, {
      Operations: [{ op: 'replace', path: 'emails[type eq "work"].value', value: 'attacker@evil.example' }],
    });
    expectScimError(res, 403);
    expect(await person(ines)).toMatchObject({ email: 'ines@northwind.example' });
    const admin = (
      await h().request('POST', '/api/v1/people', {
        name: 'Ada Admin',
        email: 'ada@northwind.example',
        roles: ['admin'],
      })
    ).body.id;
    expect((await h().request('POST', `/api/v1/people/${admin}/deactivate`)).status).toBe(200);
    expectScimError(
      await call('PATCH', `/Users/${admin}`, {
        Operations: [{ op: 'replace', path: 'active', value: true }],
      }),
      403,
    );
    expectScimError(await call('POST', '/Users', { userName: 'ada@northwind.example' }), 403);
    expect(await person(admin)).toMatchObject({ active: false });
    // A team's lead is its fallback owner: the People page's rule holds here too.
    const grace = h().org.personIds.get('grace')!;
    const lead = await call('PATCH', `/Users/${grace}`, {
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expectScimError(lead, 409);
    expect(lead.body.detail).toMatch(/leads Finance: name another lead first/);
    expect(await person(grace)).toMatchObject({ active: true });
  });

  it('refuses every other credential on /scim/v2, and the SCIM token elsewhere, changing nothing', async () => {
    const agent = await h().tokenFor('amara');
    const before = await snapshotAll(h().database);
    for (const t of [undefined, 'scim_wrong-token-of-the-right-shape', 'test-admin-token', agent]) {
      const res = await h().runtime.app.request('/scim/v2/Users', {
        method: 'POST',
        headers: { 'content-type': scim, ...(t ? { authorization: `Bearer ${t}` } : {}) },
        body: JSON.stringify({ userName: 'intruder@northwind.example' }),
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ schemas: [errorSchema], status: '401' });
    }
    for (const path of ['/api/v1/people', '/api/v1/me', '/api/v1/settings/provisioning'])
      expect((await h().request('GET', path, undefined, { token })).status).toBe(401);
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it("keeps another organisation's token to its own people", async () => {
    const theirs = await call(
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "amara@northwind.example"')}`,
      undefined,
      otherToken,
    );
    expect(theirs.body.totalResults).toBe(1);
    expect(theirs.body.Resources[0].id).toBe(h().other.personIds.get('amara'));
    const all = JSON.stringify((await call('GET', '/Users?count=200', undefined, otherToken)).body);
    for (const id of [zoe, ...h().org.personIds.values()]) expect(all).not.toContain(id);
    const before = await snapshotAll(h().database, h().org.orgId);
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', { userName: 'zoe@x.example' }],
      ['PATCH', { Operations: [{ op: 'replace', value: { active: false } }] }],
      ['DELETE', undefined],
    ] as const)
      expectScimError(await call(method, `/Users/${zoe}`, body, otherToken), 404);
    expect(await snapshotAll(h().database, h().org.orgId)).toEqual(before);
  });

  it('deletes as deactivation, never erasure; a POST of the address again gives the same person access back', async () => {
    const gone = await call('DELETE', `/Users/${zoe}`);
    expect(gone.status).toBe(204);
    expect(await person(zoe)).toMatchObject({ active: false, name: 'Zoe Adams-Berg' });
    expect((await call('GET', `/Users/${zoe}`)).body.active).toBe(false);
    expect((await call('DELETE', `/Users/${zoe}`)).status).toBe(204); // again: nothing more
    const back = await call('POST', '/Users', {
      userName: 'zoe.adams-berg@northwind.example',
      name: { givenName: 'Zoe', familyName: 'Adams-Berg' },
      externalId: '00u-zoe-2',
    });
    expect(back.status, JSON.stringify(back.body)).toBe(201);
    expect(back.body).toMatchObject({ id: zoe, active: true, externalId: '00u-zoe-2' });
  });

  it('gives the people it adds the role an admin chose, never admin; a revoked token is refused', async () => {
    expect((await h().request('PUT', '/api/v1/settings/provisioning', { defaultRole: 'admin' })).status).toBe(
      400,
    );
    const saved = await h().request('PUT', '/api/v1/settings/provisioning', { defaultRole: 'qa' });
    expect(saved.body.defaultRole).toBe('qa');
    const added = await call('POST', '/Users', {
      userName: 'quinn@northwind.example',
      roles: [{ value: 'admin' }],
    });
    expect(added.status).toBe(201);
    expect(await person(added.body.id)).toMatchObject({ roles: ['qa'] });

    const replaced = await h().request('POST', '/api/v1/settings/provisioning');
    expect((await call('GET', '/Users')).status).toBe(401); // the old one stops at once
    token = replaced.body.token;
    expect((await call('GET', '/Users')).status).toBe(200);
    const revoked = await h().request('DELETE', '/api/v1/settings/provisioning');
    expect(revoked.body).toMatchObject({ tokenSet: false, defaultRole: 'qa' });
    expect((await call('GET', '/Users')).status).toBe(401);
    const log = (await h().request('GET', '/api/v1/admin/changes?area=policies')).body.items;
    expect(log.slice(0, 3).map((c: { detail: unknown }) => c.detail)).toEqual([
      { scimToken: { from: 'set', to: null } },
      { scimToken: { from: 'set', to: 'replaced' } },
      { defaultRole: { from: 'agent', to: 'qa' } },
    ]);
  });

  // Last: it spends this address's budget of refused tokens.
  it('counts refused provisioning tokens in the per-address budget, then answers 429 in SCIM’s shape', async () => {
    let res: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 0; i < 40 && res?.status !== 429; i++)
      res = await call('GET', '/Users', undefined, `scim_guess-number-${i}-of-many-tries`);
    expectScimError(res!, 429);
    expect(Number(res!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res!.headers.get('x-baton-error-code')).toBe('rate_limited');
  });
});
