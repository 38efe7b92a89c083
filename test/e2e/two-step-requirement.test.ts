import { expect, it } from 'vitest';
import { totpCode } from '../../src/auth/two-step.ts';
import { describeOnDatabases } from '../support/harness.ts';
import { snapshotAll } from '../support/snapshot.ts';

type Answer = {
  error?: { code: string; field?: string };
  id?: string;
  secret?: string;
  twoStepRequired?: string;
  twoStepSetupDue?: boolean;
  withoutTwoStep?: { id: string; name: string; roles: string[]; setupDue: boolean }[];
  required?: boolean;
  enabled?: boolean;
  items?: { action: string; subject: string; detail: Record<string, unknown> }[];
};

const password = 'a long enough password 42';

/**
 * An organisation that requires two-step sign-in (of admins, or of everyone): the people it covers
 * without one are stopped at their next request until they set it up; nobody else is, API tokens
 * are not, and nobody covered can turn theirs off.
 */
describeOnDatabases('two-step sign-in required by the organisation', (h) => {
  const sessions = new Map<string, string>();
  const secrets = new Map<string, string>();

  const raw = async (method: string, path: string, body?: unknown, cookie?: string) => {
    const res = await h().runtime.app.request(path, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(cookie ? { cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { res, status: res.status, body: (await res.json()) as Answer };
  };
  const signIn = async (email: string, code?: string) => {
    const { res, status, body } = await raw('POST', '/api/v1/auth/login', { email, password, code });
    const cookie = res.headers.get('set-cookie')?.split(';')[0];
    if (cookie) sessions.set(email, cookie);
    return { status, body };
  };
  const as = (email: string, method: string, path: string, body?: unknown) =>
    raw(method, path, body, sessions.get(email));
  const turnOn = async (email: string) => {
    const setup = await as(email, 'POST', '/api/v1/me/two-step/setup');
    expect(setup.status).toBe(200);
    secrets.set(email, setup.body.secret!);
    const on = await as(email, 'POST', '/api/v1/me/two-step/enable', {
      code: totpCode(setup.body.secret!, h().now()),
    });
    expect(on.status).toBe(200);
  };
  const addPerson = async (key: string, roles: string[]) => {
    const res = await h().request('POST', '/api/v1/people', {
      name: `Required ${key}`,
      email: `${key}@required.example`,
      roles,
      password,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const settings = (body?: unknown, email?: string) =>
    email
      ? as(email, body ? 'PUT' : 'GET', '/api/v1/settings/sign-in', body)
      : h()
          .request(body ? 'PUT' : 'GET', '/api/v1/settings/sign-in', body)
          .then((r) => ({ status: r.status, body: r.body as Answer }));

  it('reads nobody by default, lists who has no second step, to admins only', async () => {
    const adminId = await addPerson('admin', ['admin']);
    await addPerson('agent', ['agent']);
    const read = await settings();
    expect(read.status).toBe(200);
    expect(read.body.twoStepRequired).toBe('nobody');
    const admin = read.body.withoutTwoStep!.find((p) => p.id === adminId);
    expect(admin).toMatchObject({ name: 'Required admin', roles: ['admin'], setupDue: false });
    const lead = await h().request('GET', '/api/v1/settings/sign-in', undefined, {
      token: await h().tokenFor('grace'),
    });
    expect([lead.status, lead.body.error.code]).toEqual([403, 'forbidden']);
    const signedIn = await signIn('admin@required.example');
    expect([signedIn.status, signedIn.body.twoStepSetupDue]).toEqual([200, false]);
  });

  it('refuses a value it does not know, a lead, and an admin without their own second step, changing nothing', async () => {
    await signIn('agent@required.example');
    const before = await snapshotAll(h().database);
    const bad = await settings({ twoStepRequired: 'sometimes' });
    expect([bad.status, bad.body.error?.code, bad.body.error?.field]).toEqual([
      400,
      'validation_failed',
      'twoStepRequired',
    ]);
    const lead = await h().request(
      'PUT',
      '/api/v1/settings/sign-in',
      { twoStepRequired: 'everyone' },
      { token: await h().tokenFor('grace') },
    );
    expect(lead.status).toBe(403);
    const own = await settings({ twoStepRequired: 'admins' }, 'admin@required.example');
    expect([own.status, own.body.error?.code, own.body.error?.field]).toEqual([
      409,
      'own_two_step_off',
      'twoStepRequired',
    ]);
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it('requires it of admins: an admin without it is stopped until they set it up, agents are not', async () => {
    const saved = await settings({ twoStepRequired: 'admins' });
    expect(saved.status).toBe(200);
    expect(saved.body.twoStepRequired).toBe('admins');
    expect(saved.body.withoutTwoStep!.find((p) => p.name === 'Required admin')?.setupDue).toBe(true);
    expect(saved.body.withoutTwoStep!.find((p) => p.name === 'Required agent')?.setupDue).toBe(false);

    // Already signed in: not signed out, but stopped at the next request, in the documented words.
    const stopped = await as('admin@required.example', 'GET', '/api/v1/cases');
    expect([stopped.status, stopped.body.error?.code]).toEqual([403, 'two_step_setup_required']);
    const write = await as('admin@required.example', 'POST', '/api/v1/cases', { subject: 'x' });
    expect([write.status, write.body.error?.code]).toEqual([403, 'two_step_setup_required']);
    const session = await as('admin@required.example', 'GET', '/api/v1/auth/session');
    expect(session.body).toMatchObject({ signedIn: true, twoStepSetupDue: true });
    const me = await as('admin@required.example', 'GET', '/api/v1/me');
    expect([me.status, me.body.twoStepSetupDue]).toEqual([200, true]);
    const status = await as('admin@required.example', 'GET', '/api/v1/me/two-step');
    expect(status.body).toMatchObject({ enabled: false, required: true });
    // A new sign-in says so at once.
    expect((await signIn('admin@required.example')).body.twoStepSetupDue).toBe(true);

    // The agent goes on; API tokens are not concerned, whoever they act as.
    expect((await as('agent@required.example', 'GET', '/api/v1/cases')).status).toBe(200);
    expect((await h().request('GET', '/api/v1/cases')).status).toBe(200);

    await turnOn('admin@required.example');
    expect((await as('admin@required.example', 'GET', '/api/v1/cases')).status).toBe(200);
    expect((await as('admin@required.example', 'GET', '/api/v1/me')).body.twoStepSetupDue).toBe(false);

    const log = await h().request('GET', '/api/v1/admin/changes?area=policies');
    expect(log.body.items[0]).toMatchObject({
      action: 'settings.changed',
      subject: 'sign-in',
      detail: { twoStepRequired: { from: 'nobody', to: 'admins' } },
    });
  });

  it('cannot be turned off by someone it covers; an admin turns it off for a lost phone, and they set it up again', async () => {
    const adminEmail = 'admin@required.example';
    const before = await snapshotAll(h().database);
    const off = await as(adminEmail, 'POST', '/api/v1/me/two-step/disable', { password });
    expect([off.status, off.body.error?.code]).toEqual([409, 'two_step_enforced']);
    expect(await snapshotAll(h().database)).toEqual(before);

    const read = await settings();
    const adminId = (await as(adminEmail, 'GET', '/api/v1/me')).body as unknown as { person: { id: string } };
    const lost = await h().request('POST', `/api/v1/people/${adminId.person.id}/two-step/disable`);
    expect(lost.status).toBe(200);
    expect(read.status).toBe(200);
    const stopped = await as(adminEmail, 'GET', '/api/v1/handoffs');
    expect([stopped.status, stopped.body.error?.code]).toEqual([403, 'two_step_setup_required']);
    await turnOn(adminEmail);
    expect((await as(adminEmail, 'GET', '/api/v1/handoffs')).status).toBe(200);
  });

  it('requires it of everyone: the agent is stopped too, and a promotion counts at once', async () => {
    const all = await settings({ twoStepRequired: 'everyone' }, 'admin@required.example');
    expect([all.status, all.body.twoStepRequired]).toEqual([200, 'everyone']);
    const agent = await as('agent@required.example', 'GET', '/api/v1/cases');
    expect([agent.status, agent.body.error?.code]).toEqual([403, 'two_step_setup_required']);
    // Their own account stays theirs: sessions, password, signing out.
    expect((await as('agent@required.example', 'GET', '/api/v1/me/sessions')).status).toBe(200);

    const back = await settings({ twoStepRequired: 'admins' });
    expect(back.status).toBe(200);
    expect((await as('agent@required.example', 'GET', '/api/v1/cases')).status).toBe(200);
    const agentId = back.body.withoutTwoStep!.find((p) => p.name === 'Required agent')!.id;
    const promoted = await h().request('PATCH', `/api/v1/people/${agentId}`, { roles: ['agent', 'admin'] });
    expect(promoted.status).toBe(200);
    const now = await as('agent@required.example', 'GET', '/api/v1/cases');
    expect([now.status, now.body.error?.code]).toEqual([403, 'two_step_setup_required']);

    const out = await as('agent@required.example', 'POST', '/api/v1/auth/logout');
    expect(out.status).toBe(200);
    expect(secrets.size).toBe(1);
  });
});
