import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database.ts';
import { createProvisioningToken } from '../../src/provisioning/provisioning.commands.ts';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';
import { snapshotAll } from '../support/snapshot.ts';

/**
 * SCIM 2.0 Groups as Okta and Microsoft Entra ID push them: a group is a team, its members the team's
 * members. Looked up by displayName (any case) or externalId, with or without members; a POST links
 * a team of that name or makes one; PATCH as each provider writes it; a member removed hands their
 * open handoffs in the team on (one owner each, always); a bad or deactivated member refuses the
 * whole request, changing nothing; DELETE only unlinks; only the provisioning token gets in.
 */
const scim = 'application/scim+json';
const groupSchema = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const patchSchema = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const errorSchema = 'urn:ietf:params:scim:api:messages:2.0:Error';

type Member = { value: string; display: string; $ref: string };

describeOnDatabases('SCIM Groups: teams as the identity provider pushes them', (h) => {
  let token = '';
  let finance = '';
  let billing = '';
  const person = (key: string) => h().org.personIds.get(key)!;
  const call = (method: string, path: string, body?: unknown, t = token) =>
    h().request(method, `/scim/v2${path}`, body, { token: t, headers: { 'content-type': scim } });
  const find = async (filter: string, extra = '') =>
    (await call('GET', `/Groups?filter=${encodeURIComponent(filter)}${extra}`)).body;
  const memberIds = async (id: string) =>
    ((await call('GET', `/Groups/${id}`)).body.members as Member[]).map((m) => m.value).sort();
  const team = async (key: string) => (await h().request('GET', `/api/v1/teams/${key}`)).body;
  const changes = async (area: string) =>
    (await h().request('GET', `/api/v1/admin/changes?area=${area}`)).body.items as {
      action: string;
      subject: string;
      actor: { id: string } | null;
      detail: Record<string, { from: unknown; to: unknown }>;
    }[];
  const patch = (id: string, ...Operations: unknown[]) =>
    call('PATCH', `/Groups/${id}`, { schemas: [patchSchema], Operations });
  const expectScimError = (
    res: { status: number; body: { scimType?: string; detail?: string } },
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

  it('describes the Group resource type and schema', async () => {
    token = (await h().request('POST', '/api/v1/settings/provisioning')).body.token;
    const types = (await call('GET', '/ResourceTypes')).body;
    expect(types.totalResults).toBe(2);
    expect(types.Resources[1]).toMatchObject({ id: 'Group', endpoint: '/Groups', schema: groupSchema });
    const schema = (await call('GET', '/Schemas')).body.Resources.find(
      (s: { id: string }) => s.id === groupSchema,
    );
    expect(schema.attributes.map((a: { name: string }) => a.name)).toEqual([
      'displayName',
      'externalId',
      'members',
    ]);
  });

  it('lists the teams as groups, finds them by displayName without regard to case, and leaves members out on request', async () => {
    const all = await call('GET', '/Groups');
    expect(all.status).toBe(200);
    expect(all.headers.get('content-type')).toContain(scim);
    expect(all.body.totalResults).toBe(5);
    const found = await find('displayName eq "FINANCE"');
    expect(found.totalResults).toBe(1);
    const group = found.Resources[0];
    finance = group.id;
    expect(group).toMatchObject({
      schemas: [groupSchema],
      displayName: 'Finance',
      meta: {
        resourceType: 'Group',
        created: expect.any(String),
        lastModified: expect.any(String),
        location: `http://localhost/scim/v2/Groups/${finance}`,
      },
    });
    expect(group).not.toHaveProperty('externalId');
    expect(group.members.map((m: Member) => m.value).sort()).toEqual(
      [person('priya'), person('tom'), person('grace')].sort(),
    );
    expect(group.members.find((m: Member) => m.value === person('priya'))).toEqual({
      value: person('priya'),
      display: 'Priya Raman',
      type: 'User',
      $ref: `http://localhost/scim/v2/Users/${person('priya')}`,
    });
    // Okta's lookup: excludedAttributes=members.
    const bare = await find('displayName eq "Finance"', '&excludedAttributes=members');
    expect(bare.Resources[0]).not.toHaveProperty('members');
    expect(bare.Resources[0].id).toBe(finance);
    const one = await call('GET', `/Groups/${finance}?excludedAttributes=members`);
    expect(one.body).toMatchObject({ id: finance, displayName: 'Finance' });
    expect(one.body).not.toHaveProperty('members');
    expect((await find(`id eq "${finance}"`)).totalResults).toBe(1);
    expect(
      (await find(`members eq "${person('priya')}"`)).Resources.map((r: { id: string }) => r.id),
    ).toEqual([finance]);
    expect((await find('displayName sw "Fin" or displayName eq "Tier 2"')).totalResults).toBe(2);
    const page = await call('GET', '/Groups?startIndex=2&count=2');
    expect(page.body).toMatchObject({ totalResults: 5, startIndex: 2, itemsPerPage: 2 });
    expect(page.body.Resources.map((r: { id: string }) => r.id)).toEqual(
      all.body.Resources.slice(1, 3).map((r: { id: string }) => r.id),
    );
    expect((await call('GET', '/Groups?count=0')).body).toMatchObject({ totalResults: 5, Resources: [] });
    expectScimError(
      await call('GET', `/Groups?filter=${encodeURIComponent('userName eq "x"')}`),
      400,
      'invalidFilter',
    );
    expectScimError(await call('GET', '/Groups/tm_nowhere'), 404);
  });

  it('links an existing team of that name on POST: its members kept, those given added, logged as the provider', async () => {
    const res = await call('POST', '/Groups', {
      schemas: [groupSchema],
      displayName: 'finance',
      externalId: '00g-finance',
      members: [{ value: person('amara') }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers.get('location')).toBe(`http://localhost/scim/v2/Groups/${finance}`);
    expect(res.body).toMatchObject({ id: finance, displayName: 'Finance', externalId: '00g-finance' });
    expect(res.body.members.map((m: Member) => m.value).sort()).toEqual(
      [person('priya'), person('tom'), person('grace'), person('amara')].sort(),
    );
    const t = await team('finance');
    expect(t).toMatchObject({ name: 'Finance', managedByProvider: true });
    expect(t.members.find((m: { id: string }) => m.id === person('amara')).capacity).toBeNull();
    const log = await changes('people,teams');
    expect(log.slice(0, 2)).toMatchObject([
      {
        action: 'member.added',
        subject: person('amara'),
        actor: { id: 'scim' },
        detail: { team: { to: 'finance' } },
      },
      {
        action: 'team.changed',
        subject: 'finance',
        actor: { id: 'scim' },
        detail: { managedBy: { from: null, to: 'the identity provider' }, externalId: { to: '00g-finance' } },
      },
    ]);
    expect((await find('externalId eq "00g-finance"')).Resources[0].id).toBe(finance);
    expect((await h().request('GET', '/api/v1/settings/provisioning')).body.managedTeams).toEqual([
      { key: 'finance', name: 'Finance' },
    ]);
  });

  it('refuses a second group of a name the provider manages already (409 uniqueness), changing nothing', async () => {
    const before = await snapshotAll(h().database);
    expectScimError(await call('POST', '/Groups', { displayName: 'FINANCE' }), 409, 'uniqueness');
    expectScimError(
      await call('POST', '/Groups', { displayName: 'Finance 2', externalId: '00g-finance' }),
      409,
      'uniqueness',
    );
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it('makes a new team on POST: the organisation’s calendar, round-robin, a unique key from the name', async () => {
    const res = await call('POST', '/Groups', {
      schemas: [groupSchema],
      displayName: 'Billing & Refunds',
      externalId: '00g-billing',
      members: [{ value: person('lucas') }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    billing = res.body.id;
    expect(billing).not.toBe(finance);
    expect(res.body.members.map((m: Member) => m.value)).toEqual([person('lucas')]);
    const t = await team('billing-refunds');
    const me = (await h().request('GET', '/api/v1/me')).body;
    expect(t).toMatchObject({
      id: billing,
      name: 'Billing & Refunds',
      ownershipStrategy: 'round-robin',
      capacity: 10,
      managedByProvider: true,
      // The lead (the fallback owner) is the organisation's admin until someone names another.
      leadId: person('ines'),
      calendar: { timezone: me.organisation.timezone, hours: { sat: [], mon: [['09:00', '17:00']] } },
    });
    expect(t.members.map((m: { id: string }) => m.id)).toEqual([person('lucas')]);
    const log = await changes('people,teams');
    expect(log.map((c) => c.action).slice(0, 3)).toEqual(['member.added', 'team.changed', 'team.added']);
    expect(log.slice(0, 3).every((c) => c.actor?.id === 'scim')).toBe(true);
    // Another name that makes the same key gets the next one.
    const twin = await call('POST', '/Groups', { displayName: 'Billing/Refunds' });
    expect(twin.status).toBe(201);
    expect(await team('billing-refunds-2')).toMatchObject({ id: twin.body.id, name: 'Billing/Refunds' });
    expect(twin.body.members).toEqual([]);
  });

  it('applies Okta’s PATCH: add members, rename with a path-less replace; 204 and no body', async () => {
    const added = await patch(billing, {
      op: 'add',
      path: 'members',
      value: [{ value: person('priya'), display: 'Priya' }],
    });
    expect(added.status, JSON.stringify(added.body)).toBe(204);
    expect(added.body).toBeNull();
    expect(await memberIds(billing)).toEqual([person('lucas'), person('priya')].sort());
    const renamed = await patch(billing, { op: 'replace', value: { id: billing, displayName: 'Billing' } });
    expect(renamed.status).toBe(204);
    expect((await team('billing-refunds')).name).toBe('Billing');
    expect((await changes('teams'))[0]).toMatchObject({
      action: 'team.changed',
      actor: { id: 'scim' },
      detail: { name: { from: 'Billing & Refunds', to: 'Billing' } },
    });
    expect((await call('GET', `/Groups/${billing}`)).body.meta.lastModified).toBe(h().now().toISOString());
  });

  it('applies Entra ID’s PATCH: Add and Remove with a value list, Replace of displayName and of members', async () => {
    const res = await patch(
      billing,
      { op: 'Add', path: 'members', value: [{ value: person('tom') }] },
      { op: 'Remove', path: 'members', value: [{ value: person('lucas') }] },
      { op: 'Replace', path: 'displayName', value: 'Billing Team' },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    expect(await memberIds(billing)).toEqual([person('priya'), person('tom')].sort());
    expect((await team('billing-refunds')).name).toBe('Billing Team');
    const replaced = await patch(billing, {
      op: 'Replace',
      path: 'members',
      value: [{ value: person('tom') }, { value: person('amara') }],
    });
    expect(replaced.status).toBe(204);
    expect(await memberIds(billing)).toEqual([person('tom'), person('amara')].sort());
    const log = await changes('people');
    expect(log[0]).toMatchObject({ action: 'member.added', subject: person('amara'), actor: { id: 'scim' } });
    expect(log[1]).toMatchObject({
      action: 'member.left',
      subject: person('priya'),
      actor: { id: 'scim' },
      detail: { team: { from: 'billing-refunds', to: null } },
    });
  });

  it('hands a removed member’s open handoff in the team on: one owner, never the leaver', async () => {
    const kase = (await h().request('POST', '/api/v1/cases', newCase())).body;
    const sent = (
      await h().request('POST', `/api/v1/cases/${kase.id}/handoffs`, {
        scenario: 'billing-to-finance',
        packet: fullPacket,
      })
    ).body;
    const moved = await h().request('POST', `/api/v1/handoffs/${sent.id}/reassign`, {
      ownerId: person('tom'),
      reason: 'refund specialist',
    });
    expect(moved.body.owner.id).toBe(person('tom'));

    // Okta removes one member with a value filter.
    const res = await patch(finance, { op: 'remove', path: `members[value eq "${person('tom')}"]` });
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    expect(await memberIds(finance)).not.toContain(person('tom'));
    const after = (await h().request('GET', `/api/v1/handoffs/${sent.id}`)).body;
    expect(after.state).toBe('sent');
    const financeNow = await team('finance');
    expect([financeNow.leadId, ...financeNow.members.map((m: { id: string }) => m.id)]).toContain(
      after.owner.id,
    );
    expect(after.owner.id).not.toBe(person('tom'));
    const owners = rowsOf<{ owner_id: string | null }>(
      await h().database.db.execute(sql`select owner_id from handoffs where id = ${sent.id}`),
    );
    expect(owners).toEqual([{ owner_id: after.owner.id }]);
    // The hand-on is in the case's log: one owner change away from Tom, saying why.
    const events = (await h().request('GET', `/api/v1/cases/${kase.id}/events`)).body.items as {
      type: string;
      data: { from?: string; to?: string; reason?: string };
    }[];
    const away = events.filter((e) => e.type === 'owner.changed' && e.data.from === person('tom'));
    expect(away).toHaveLength(1);
    expect(away[0]!.data).toMatchObject({
      to: after.owner.id,
      reason: expect.stringContaining('left team finance'),
    });
    expect((await changes('people'))[0]).toMatchObject({
      action: 'member.left',
      subject: person('tom'),
      actor: { id: 'scim' },
      detail: { team: { from: 'finance', to: null }, handedOn: { to: 1 } },
    });
  });

  it('refuses a member who is no person of this organisation, or has no access: 400 invalidValue, nothing changed', async () => {
    const noah = person('noah');
    expect((await h().request('POST', `/api/v1/people/${noah}/deactivate`)).status).toBe(200);
    const before = await snapshotAll(h().database);
    const bad: [string, string, unknown, number, string][] = [
      [
        'PATCH',
        `/Groups/${billing}`,
        { Operations: [{ op: 'add', path: 'members', value: [{ value: 'p_nowhere' }] }] },
        400,
        'invalidValue',
      ],
      // All or none: the first operation alone would have added Priya back.
      [
        'PATCH',
        `/Groups/${billing}`,
        {
          Operations: [
            { op: 'add', path: 'members', value: [{ value: person('priya') }] },
            { op: 'remove', path: 'members[value eq "p_nowhere"]' },
          ],
        },
        400,
        'invalidValue',
      ],
      [
        'PATCH',
        `/Groups/${billing}`,
        {
          Operations: [{ op: 'add', path: 'members', value: [{ value: h().other.personIds.get('amara') }] }],
        },
        400,
        'invalidValue',
      ],
      [
        'PATCH',
        `/Groups/${billing}`,
        { Operations: [{ op: 'add', path: 'members', value: [{ value: noah }] }] },
        400,
        'invalidValue',
      ],
      [
        'PUT',
        `/Groups/${billing}`,
        { displayName: 'Billing Team', members: [{ value: person('tom') }, { value: 'p_nowhere' }] },
        400,
        'invalidValue',
      ],
      [
        'POST',
        '/Groups',
        { displayName: 'Collections', members: [{ value: 'p_nowhere' }] },
        400,
        'invalidValue',
      ],
      ['POST', '/Groups', { displayName: 'Collections', members: [{ value: noah }] }, 400, 'invalidValue'],
      [
        'PATCH',
        `/Groups/${billing}`,
        { Operations: [{ op: 'replace', path: 'displayName', value: 'finance' }] },
        409,
        'uniqueness',
      ],
      [
        'PATCH',
        `/Groups/${billing}`,
        { Operations: [{ op: 'remove', path: 'displayName' }] },
        400,
        'mutability',
      ],
      [
        'PATCH',
        `/Groups/${billing}`,
        { Operations: [{ op: 'replace', path: 'owner', value: 'x' }] },
        400,
        'invalidPath',
      ],
      ['PATCH', `/Groups/${billing}`, { Operations: [{ op: 'remove' }] }, 400, 'noTarget'],
      [
        'PATCH',
        `/Groups/${billing}`,
        { Operations: [{ op: 'replace', value: { id: finance } }] },
        400,
        'mutability',
      ],
      ['POST', '/Groups', { displayName: '   ' }, 400, 'invalidValue'],
    ];
    for (const [method, path, body, status, scimType] of bad) {
      const res = await call(method, path, body);
      expectScimError(res, status, scimType);
    }
    const unknown = await patch(billing, { op: 'add', path: 'members', value: [{ value: 'p_nowhere' }] });
    expect(unknown.body.detail).toContain('p_nowhere is not a person of this organisation');
    const deactivated = await patch(billing, { op: 'add', path: 'members', value: [{ value: noah }] });
    expect(deactivated.body.detail).toContain('Noah');
    expect(deactivated.body.detail).toContain('no access');
    expectScimError(await patch('tm_nowhere', { op: 'remove', path: 'members' }), 404);
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it('replaces the name and the whole member list with PUT; members left out stay', async () => {
    const res = await call('PUT', `/Groups/${billing}`, {
      schemas: [groupSchema],
      id: billing,
      displayName: 'Billing',
      externalId: '00g-billing',
      members: [{ value: person('lucas') }, { value: person('amara') }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: billing, displayName: 'Billing', externalId: '00g-billing' });
    expect(res.body.members.map((m: Member) => m.value).sort()).toEqual(
      [person('lucas'), person('amara')].sort(),
    );
    const kept = await call('PUT', `/Groups/${billing}`, { displayName: 'Billing Desk' });
    expect(kept.status).toBe(200);
    expect(kept.body.members.map((m: Member) => m.value).sort()).toEqual(
      [person('lucas'), person('amara')].sort(),
    );
    expect(kept.body.externalId).toBe('00g-billing');
    expect((await team('billing-refunds')).name).toBe('Billing Desk');
  });

  it('unlinks on DELETE: the team, its members and its handoffs stay; again, nothing more', async () => {
    const handoffsBefore = (await h().request('GET', '/api/v1/handoffs?team=finance')).body;
    const gone = await call('DELETE', `/Groups/${finance}`);
    expect(gone.status).toBe(204);
    const t = await team('finance');
    expect(t).toMatchObject({ name: 'Finance', managedByProvider: false });
    expect(t.members.map((m: { id: string }) => m.id).sort()).toEqual(
      [person('priya'), person('grace'), person('amara')].sort(),
    );
    expect((await h().request('GET', '/api/v1/handoffs?team=finance')).body).toEqual(handoffsBefore);
    const still = (await call('GET', `/Groups/${finance}`)).body;
    expect(still).toMatchObject({ id: finance, displayName: 'Finance' });
    expect(still).not.toHaveProperty('externalId');
    expect((await changes('teams'))[0]).toMatchObject({
      action: 'team.changed',
      subject: 'finance',
      actor: { id: 'scim' },
      detail: {
        managedBy: { from: 'the identity provider', to: null },
        externalId: { from: '00g-finance', to: null },
      },
    });
    const before = await snapshotAll(h().database);
    expect((await call('DELETE', `/Groups/${finance}`)).status).toBe(204);
    expect(await snapshotAll(h().database)).toEqual(before);
    expectScimError(await call('DELETE', '/Groups/tm_nowhere'), 404);
    expect((await h().request('GET', '/api/v1/settings/provisioning')).body.managedTeams).toEqual([
      { key: 'billing-refunds', name: 'Billing Desk' },
      { key: 'billing-refunds-2', name: 'Billing/Refunds' },
    ]);
    // Pushed again, the same team is linked again.
    const again = await call('POST', '/Groups', { displayName: 'Finance', externalId: '00g-finance-2' });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: finance, externalId: '00g-finance-2' });
  });

  it('answers the provisioning token only: an API token or the admin token gets 401, changing nothing', async () => {
    const agent = await h().tokenFor('amara');
    const lead = await h().tokenFor('grace');
    const before = await snapshotAll(h().database);
    for (const t of [agent, lead, 'test-admin-token', 'scim_wrong-token-of-the-right-shape']) {
      h().advance(2_000); // a refused bearer token spends the address's budget: refill it
      for (const [method, path, body] of [
        ['GET', '/Groups', undefined],
        ['POST', '/Groups', { displayName: 'Intruders' }],
        ['PATCH', `/Groups/${finance}`, { Operations: [{ op: 'remove', path: 'members' }] }],
        ['DELETE', `/Groups/${finance}`, undefined],
      ] as const)
        expectScimError(await call(method, path, body, t), 401);
    }
    expect((await h().request('GET', '/api/v1/teams', undefined, { token })).status).toBe(401);
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it("keeps another organisation's token to its own teams", async () => {
    const theirs = await createProvisioningToken(h().database.db, {
      orgId: h().other.orgId,
      now: h().now(),
      actorId: null,
    });
    const list = await call('GET', '/Groups?count=200', undefined, theirs);
    expect(list.body.totalResults).toBe(5);
    const text = JSON.stringify(list.body);
    for (const id of [finance, billing, ...h().org.personIds.values()]) expect(text).not.toContain(id);
    const before = await snapshotAll(h().database, h().org.orgId);
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', { displayName: 'Taken' }],
      ['PATCH', { Operations: [{ op: 'remove', path: 'members' }] }],
      ['DELETE', undefined],
    ] as const)
      expectScimError(await call(method, `/Groups/${finance}`, body, theirs), 404);
    expect(await snapshotAll(h().database, h().org.orgId)).toEqual(before);
  });
});
