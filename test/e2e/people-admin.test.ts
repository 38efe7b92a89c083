import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';
import { snapshotAll } from '../support/snapshot.ts';

type Person = { id: string; email: string; roles: string[]; active: boolean; teams: { key: string }[] };

describeOnDatabases('people and teams, as admins and leads manage them', (h) => {
  const people = async (): Promise<Person[]> => (await h().request('GET', '/api/v1/people')).body.items;
  const team = async (key: string) => (await h().request('GET', `/api/v1/teams/${key}`)).body;
  const signIn = (email: string, password: string) =>
    h().request('POST', '/api/v1/auth/login', { email, password });

  it('adds a person in a team who signs in with their password; bad input changes nothing', async () => {
    const before = await people();
    const added = await h().request('POST', '/api/v1/people', {
      name: 'Kwame Mensah',
      email: ' Kwame@Northwind.example ',
      roles: ['agent', 'agent'],
      skills: ['billing'],
      password: 'first-day-at-work',
      teams: ['finance'],
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({
      name: 'Kwame Mensah',
      email: 'kwame@northwind.example',
      roles: ['agent'],
      timezone: 'Europe/London', // the organisation's, when none is given
      active: true,
      teams: [{ key: 'finance', name: 'Finance' }],
      openHandoffs: 0,
    });
    expect((await team('finance')).members.map((m: { id: string }) => m.id)).toContain(added.body.id);
    expect((await signIn('kwame@northwind.example', 'first-day-at-work')).status).toBe(200);
    const me = await h().request('GET', '/api/v1/me', undefined, { token: await h().tokenFor('ines') });
    expect(me.body.organisation.timezone).toBe('Europe/London'); // the default a new person's form offers

    const refused = [
      [{ name: 'Copy', email: 'KWAME@northwind.example', roles: ['agent'] }, 409, 'conflict', 'email'],
      [
        { name: 'Nobody', email: 'n@northwind.example', roles: ['agent'], teams: ['nope'] },
        422,
        'unknown_team',
        'teams',
      ],
      [{ name: 'Nobody', email: 'n@northwind.example', roles: [] }, 400, 'validation_failed', 'roles'],
      [
        { name: 'Nobody', email: 'n@northwind.example', roles: ['boss'] },
        400,
        'validation_failed',
        'roles.0',
      ],
      [{ name: 'Nobody', email: 'not-an-address', roles: ['agent'] }, 400, 'validation_failed', 'email'],
      [
        { name: 'Nobody', email: 'n@northwind.example', roles: ['agent'], timezone: 'Mars/Olympus' },
        400,
        'validation_failed',
        'timezone',
      ],
      [
        { name: 'Nobody', email: 'n@northwind.example', roles: ['agent'], password: 'short' },
        400,
        'validation_failed',
        'password',
      ],
      [{ name: '  ', email: 'n@northwind.example', roles: ['agent'] }, 400, 'validation_failed', 'name'],
    ] as const;
    for (const [body, status, code, field] of refused) {
      const res = await h().request('POST', '/api/v1/people', body);
      expect([res.status, res.body.error?.code, res.body.error?.field], JSON.stringify(body)).toEqual([
        status,
        code,
        field,
      ]);
    }
    expect((await people()).length).toBe(before.length + 1);

    const lead = await h().tokenFor('grace', ['agent', 'lead']);
    const byLead = await h().request(
      'POST',
      '/api/v1/people',
      { name: 'X', email: 'x@y.example', roles: ['agent'] },
      { token: lead },
    );
    expect(byLead.status).toBe(403);
  });

  it('changes a person; a new password ends their sessions; never leaves the organisation without an admin', async () => {
    const kwame = (await people()).find((p) => p.email === 'kwame@northwind.example')!;
    const session = await signIn('kwame@northwind.example', 'first-day-at-work');
    const cookie = session.headers.get('set-cookie')!.split(';')[0]!;
    const changed = await h().request('PATCH', `/api/v1/people/${kwame.id}`, {
      roles: ['agent', 'lead'],
      skills: ['billing', 'refunds'],
      password: 'second-day-at-work',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ roles: ['agent', 'lead'], skills: ['billing', 'refunds'] });
    const old = await h().runtime.app.request('/api/v1/me', { headers: { cookie } });
    expect(old.status).toBe(401);
    expect((await signIn('kwame@northwind.example', 'first-day-at-work')).status).toBe(401);
    expect((await signIn('kwame@northwind.example', 'second-day-at-work')).status).toBe(200);

    const taken = await h().request('PATCH', `/api/v1/people/${kwame.id}`, {
      email: 'amara@northwind.example',
    });
    expect([taken.status, taken.body.error.field]).toEqual([409, 'email']);
    const empty = await h().request('PATCH', `/api/v1/people/${kwame.id}`, {});
    expect(empty.status).toBe(400);

    // Inès is the demo's only admin: she keeps the role, and keeps her access.
    const ines = h().org.personIds.get('ines')!;
    const demote = await h().request('PATCH', `/api/v1/people/${ines}`, { roles: ['lead'] });
    expect([demote.status, demote.body.error.code, demote.body.error.field]).toEqual([
      409,
      'conflict',
      'roles',
    ]);
    const gone = await h().request('POST', `/api/v1/people/${ines}/deactivate`);
    expect([gone.status, gone.body.error.code]).toEqual([409, 'conflict']);
    expect((await people()).find((p) => p.id === ines)).toMatchObject({
      roles: ['lead', 'admin'],
      active: true,
    });

    // Once someone else is admin, she may step down.
    await h().request('PATCH', `/api/v1/people/${kwame.id}`, { roles: ['agent', 'lead', 'admin'] });
    expect((await h().request('PATCH', `/api/v1/people/${ines}`, { roles: ['lead'] })).status).toBe(200);
    expect((await h().request('PATCH', `/api/v1/people/${ines}`, { roles: ['lead', 'admin'] })).status).toBe(
      200,
    );

    const other = await h().request('PATCH', `/api/v1/people/${h().other.personIds.get('amara')}`, {
      name: 'Hijacked',
    });
    expect(other.status).toBe(404);
  });

  it('lets only an admin take access from an admin', async () => {
    const kwame = (await people()).find((p) => p.email === 'kwame@northwind.example')!;
    expect(kwame.roles).toContain('admin');
    const grace = await h().tokenFor('grace'); // Finance's lead, not an admin
    const before = await snapshotAll(h().database);
    const refused = await h().request('POST', `/api/v1/people/${kwame.id}/deactivate`, undefined, {
      token: grace,
    });
    expect([refused.status, refused.body.error.code, refused.body.error.field]).toEqual([
      403,
      'forbidden',
      'id',
    ]);
    expect(refused.body.error.message).toMatch(/Kwame Mensah is an admin/);
    expect(await snapshotAll(h().database)).toEqual(before);

    const ines = await h().tokenFor('ines');
    const done = await h().request('POST', `/api/v1/people/${kwame.id}/deactivate`, undefined, {
      token: ines,
    });
    expect(done.status).toBe(200);
    expect((await h().request('POST', `/api/v1/people/${kwame.id}/reactivate`)).status).toBe(200);
  });

  it('will not take access from a team lead, and gives access back', async () => {
    const fatima = h().org.personIds.get('fatima')!;
    const refused = await h().request('POST', `/api/v1/people/${fatima}/deactivate`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.teams).toEqual(['tier2']);
    expect((await people()).find((p) => p.id === fatima)!.active).toBe(true);

    const tom = h().org.personIds.get('tom')!;
    expect((await h().request('POST', `/api/v1/people/${tom}/deactivate`)).body.active).toBe(false);
    const back = await h().request('POST', `/api/v1/people/${tom}/reactivate`);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ active: true, availability: 'available', leftAt: null });
  });

  it('makes a team and runs it: lead, strategy, capacity, members; new sends follow at once', async () => {
    const id = (key: string) => h().org.personIds.get(key)!;
    const made = await h().request('POST', '/api/v1/teams', {
      key: 'chargebacks',
      name: 'Chargebacks',
      leadId: id('grace'),
      capacity: 5,
      members: [id('tom')],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({
      key: 'chargebacks',
      ownershipStrategy: 'round-robin',
      capacity: 5,
      calendar: { timezone: 'Europe/London', hours: { mon: [['09:00', '17:00']], sun: [] } },
      members: [{ id: id('tom'), capacity: null, openHandoffs: 0 }],
    });
    for (const [body, status, field] of [
      [{ key: 'chargebacks', name: 'Again', leadId: id('grace') }, 409, 'key'],
      [{ key: 'Bad Key', name: 'Bad', leadId: id('grace') }, 400, 'key'],
      [{ key: 'fresh', name: 'Fresh', leadId: 'p_nobody' }, 400, 'leadId'],
      [{ key: 'fresh', name: 'Fresh', leadId: id('grace'), members: ['p_nobody'] }, 400, 'members'],
    ] as const) {
      const res = await h().request('POST', '/api/v1/teams', body);
      expect([res.status, res.body.error?.field], JSON.stringify(body)).toEqual([status, field]);
    }
    expect((await h().request('GET', '/api/v1/teams/fresh')).status).toBe(404);

    // Finance: Priya may own one open handoff at most, and the team picks the least loaded.
    const lead = await h().tokenFor('grace', ['agent', 'lead']);
    const asLead = { token: lead };
    const strategy = await h().request(
      'PATCH',
      '/api/v1/teams/finance',
      { ownershipStrategy: 'least-loaded' },
      asLead,
    );
    expect(strategy.body.ownershipStrategy).toBe('least-loaded');
    const capped = await h().request(
      'PATCH',
      `/api/v1/teams/finance/members/${id('priya')}`,
      { capacity: 1 },
      asLead,
    );
    expect(capped.body).toEqual({ teamKey: 'finance', personId: id('priya'), capacity: 1 });
    const owners: string[] = [];
    for (let i = 0; i < 4; i++) {
      const c = await h().request('POST', '/api/v1/cases', newCase());
      const sent = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
        scenario: 'billing-to-finance',
        packet: fullPacket,
      });
      owners.push(sent.body.ownerId);
    }
    expect(owners.filter((o) => o === id('priya')).length).toBeLessThanOrEqual(1);
    const finance = await team('finance');
    const priya = finance.members.find((m: { id: string }) => m.id === id('priya'));
    expect(priya).toMatchObject({ capacity: 1 });
    expect(
      finance.members.reduce((n: number, m: { openHandoffs: number }) => n + m.openHandoffs, 0),
    ).toBeGreaterThanOrEqual(4);

    // Members: added once, refused twice; a person without access cannot be given work.
    const add = await h().request(
      'POST',
      '/api/v1/teams/chargebacks/members',
      { personId: id('amara') },
      asLead,
    );
    expect(add.status).toBe(201);
    const twice = await h().request(
      'POST',
      '/api/v1/teams/chargebacks/members',
      { personId: id('amara') },
      asLead,
    );
    expect([twice.status, twice.body.error.field]).toEqual([409, 'personId']);
    await h().request('POST', `/api/v1/people/${id('noah')}/deactivate`);
    const noAccess = await h().request(
      'POST',
      '/api/v1/teams/chargebacks/members',
      { personId: id('noah') },
      asLead,
    );
    expect([noAccess.status, noAccess.body.error.code]).toEqual([409, 'conflict']);
    const stranger = await h().request(
      'PATCH',
      `/api/v1/teams/chargebacks/members/${id('priya')}`,
      { capacity: 3 },
      asLead,
    );
    expect(stranger.status).toBe(404);
    const bad = await h().request(
      'PATCH',
      `/api/v1/teams/finance/members/${id('priya')}`,
      { capacity: 0 },
      asLead,
    );
    expect([bad.status, bad.body.error.field]).toEqual([400, 'capacity']);
    expect((await team('chargebacks')).members.map((m: { id: string }) => m.id).sort()).toEqual(
      [id('amara'), id('tom')].sort(),
    );

    const agent = await h().tokenFor('amara', ['agent']);
    expect(
      (await h().request('PATCH', '/api/v1/teams/finance', { capacity: 50 }, { token: agent })).status,
    ).toBe(403);
  });

  it('logs every change to people, teams and webhooks: who, when, what; never a secret; append-only', async () => {
    type Change = {
      actor: { id: string; name: string } | null;
      action: string;
      subject: string;
      subjectName: string;
      detail: Record<string, { from: unknown; to: unknown }>;
    };
    const ines = await h().tokenFor('ines');
    const log = async (query = '') =>
      (await h().request('GET', `/api/v1/admin/changes${query}`, undefined, { token: ines })).body as {
        items: Change[];
        nextCursor: string | null;
      };
    const kwame = (await people()).find((p) => p.email === 'kwame@northwind.example')!;
    const tom = h().org.personIds.get('tom')!;
    const actions = (await log('?limit=200')).items.map((c) => `${c.action} ${c.subjectName}`);
    // The earlier tests' changes, newest first, each once.
    expect(actions).toEqual(
      expect.arrayContaining([
        'person.added Kwame Mensah',
        'person.changed Kwame Mensah',
        'person.deactivated Tom Becker',
        'person.reactivated Tom Becker',
        'team.added Chargebacks',
        'team.changed Finance',
        'member.changed Priya Raman',
        'member.added Amara Okafor',
      ]),
    );
    const added = (await log('?limit=200')).items.find((c) => c.action === 'person.added')!;
    expect(added.detail).toMatchObject({
      email: { from: null, to: 'kwame@northwind.example' },
      teams: { from: null, to: ['finance'] },
      password: { from: null, to: 'set' },
    });
    expect(JSON.stringify(await log('?limit=200'))).not.toContain('first-day-at-work');

    // A change by a person names them; what did not change is not listed.
    await h().request(
      'PATCH',
      `/api/v1/people/${kwame.id}`,
      { name: 'Kwame A. Mensah', timezone: 'Europe/London' },
      { token: ines },
    );
    await h().request('POST', `/api/v1/teams/finance/members/${tom}/leave`, undefined, { token: ines });
    const [left, renamed] = (await log('?limit=2')).items;
    expect(left).toMatchObject({
      actor: { id: h().org.personIds.get('ines'), name: 'Inès Moreau' },
      action: 'member.left',
      subject: tom,
      detail: { team: { from: 'finance', to: null }, handedOn: { from: null, to: expect.any(Number) } },
    });
    expect(renamed).toMatchObject({ action: 'person.changed', subjectName: 'Kwame A. Mensah' });
    expect(renamed!.detail).toEqual({ name: { from: 'Kwame Mensah', to: 'Kwame A. Mensah' } });

    // Pages by cursor, every change once.
    const all = (await log('?limit=200')).items;
    const paged: Change[] = [];
    let cursor: string | null = null;
    do {
      const page = await log(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(
      (await h().request('GET', '/api/v1/admin/changes?cursor=nope', undefined, { token: ines })).status,
    ).toBe(400);

    // A change to the same values is not a change.
    const count = (await log('?limit=200')).items.length;
    await h().request('PATCH', `/api/v1/people/${kwame.id}`, { name: 'Kwame A. Mensah' }, { token: ines });
    expect((await log('?limit=200')).items.length).toBe(count);

    // A refused change logs nothing; agents do not read the log; the log cannot be rewritten.
    const taken = await h().request('PATCH', `/api/v1/people/${kwame.id}`, {
      email: 'amara@northwind.example',
    });
    expect(taken.status).toBe(409);
    expect((await log('?limit=200')).items.length).toBe(all.length);
    const amara = await h().tokenFor('amara', ['agent']);
    expect((await h().request('GET', '/api/v1/admin/changes', undefined, { token: amara })).status).toBe(403);
    const refusal = await h()
      .database.db.execute(sql`delete from admin_changes`)
      .then(
        () => 'accepted',
        (e: { cause?: { message?: string }; message: string }) => String(e.cause?.message ?? e.message),
      );
    expect(refusal).toMatch(/append-only/);
  });
});
