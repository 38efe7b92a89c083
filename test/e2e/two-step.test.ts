import { and, eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { expect, it } from 'vitest';
import { idempotencyKeys } from '../../src/auth/auth.table.ts';
import { demoPassword } from '../../src/demo/organisation.ts';
import { people } from '../../src/people/people.table.ts';
import { describeOnDatabases } from '../support/harness.ts';
import { snapshotAll } from '../support/snapshot.ts';

type Answer = {
  error?: { code: string; field?: string };
  person?: { id: string };
  secret?: string;
  uri?: string;
  enabled?: boolean;
  enabledAt?: string | null;
  recoveryCodesLeft?: number;
  recoveryCodes?: string[];
};

/** Two-step sign-in with an authenticator app (TOTP): setting up, signing in, recovery, turning off. */
describeOnDatabases('two-step sign-in', (h) => {
  let secret = '';
  let recovery: string[] = [];
  /** The code the app shows at the server's clock, `steps` periods away. */
  const codeAt = (steps = 0) =>
    new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
      timestamp: h().now().getTime() + steps * 30_000,
    });
  const amara = () => h().org.personIds.get('amara')!;

  const signIn = async (extra: { password?: string; code?: string } = {}) => {
    const res = await h().runtime.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'amara@northwind.example', password: demoPassword, ...extra }),
    });
    const cookie = res.headers.get('set-cookie')?.split(';')[0];
    return { status: res.status, cookie, body: (await res.json()) as Answer };
  };
  const asAmara = async (method: string, path: string, body?: unknown) => {
    const res = await h().request(method, path, body, { token: await h().tokenFor('amara') });
    return { status: res.status, body: res.body as Answer };
  };

  it('sets up: a pending secret with its otpauth address, replaced by each call; nothing on yet', async () => {
    // The other organisation's Amara has the same e-mail and password: without hers, every sign-in
    // here is this Amara's.
    await h()
      .database.db.update(people)
      .set({ passwordHash: null })
      .where(and(eq(people.orgId, h().other.orgId), eq(people.email, 'amara@northwind.example')));
    expect(await asAmara('GET', '/api/v1/me/two-step')).toEqual({
      status: 200,
      body: { enabled: false, enabledAt: null, recoveryCodesLeft: 0, required: false },
    });
    const first = await asAmara('POST', '/api/v1/me/two-step/setup');
    const second = await asAmara('POST', '/api/v1/me/two-step/setup');
    expect(first.status).toBe(200);
    expect(second.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(second.body.secret).not.toBe(first.body.secret);
    expect(second.body.uri).toMatch(/^otpauth:\/\/totp\/Baton:amara%40northwind\.example\?/);
    expect(second.body.uri).toContain('issuer=Baton');
    expect(second.body.uri).toContain(`secret=${second.body.secret}`);
    secret = second.body.secret!;
    expect((await signIn()).status).toBe(200); // still off
  });

  it('refuses a wrong code or a malformed one, changing nothing; turns on with the right one', async () => {
    const before = await snapshotAll(h().database);
    const wrong = await asAmara('POST', '/api/v1/me/two-step/enable', { code: codeAt(5) });
    expect([wrong.status, wrong.body.error?.code, wrong.body.error?.field]).toEqual([
      422,
      'wrong_code',
      'code',
    ]);
    const bad = await asAmara('POST', '/api/v1/me/two-step/enable', { code: '12ab' });
    expect([bad.status, bad.body.error?.code, bad.body.error?.field]).toEqual([
      400,
      'validation_failed',
      'code',
    ]);
    const nobody = await h().request('POST', '/api/v1/me/two-step/enable', { code: codeAt() });
    expect([nobody.status, nobody.body.error.code]).toEqual([403, 'forbidden']);
    expect(await snapshotAll(h().database)).toEqual(before);

    // With an Idempotency-Key, as the web app sends every POST: the answer holds the recovery codes,
    // so it is not stored to replay.
    const on = await h().request(
      'POST',
      '/api/v1/me/two-step/enable',
      { code: codeAt() },
      { token: await h().tokenFor('amara'), headers: { 'idempotency-key': 'two-step-enable-1' } },
    );
    expect(on.status).toBe(200);
    expect(
      await h()
        .database.db.select()
        .from(idempotencyKeys)
        .where(eq(idempotencyKeys.key, 'two-step-enable-1')),
    ).toEqual([]);
    expect(on.body.enabled).toBe(true);
    recovery = on.body.recoveryCodes!;
    expect(recovery).toHaveLength(10);
    expect(new Set(recovery).size).toBe(10);
    expect(await asAmara('GET', '/api/v1/me/two-step')).toEqual({
      status: 200,
      body: { enabled: true, enabledAt: h().now().toISOString(), recoveryCodesLeft: 10, required: false },
    });
    const again = await asAmara('POST', '/api/v1/me/two-step/setup');
    expect([again.status, again.body.error?.code]).toEqual([409, 'two_step_on']);

    // In the admin change log by Amara herself, with neither the secret nor a recovery code.
    const log = await h().request('GET', '/api/v1/admin/changes?area=people', undefined, {
      token: await h().tokenFor('ines'),
    });
    expect(log.body.items[0]).toMatchObject({
      action: 'person.changed',
      actor: { id: amara() },
      detail: { twoStep: { from: 'off', to: 'on' } },
    });
    const text = JSON.stringify(log.body);
    expect(text).not.toContain(secret);
    for (const c of recovery) expect(text).not.toContain(c);

    // Who has it on is for admins (who turn it off) only: anyone else's list does not say.
    const of = async (key: string) =>
      (
        await h().request('GET', '/api/v1/people', undefined, { token: await h().tokenFor(key) })
      ).body.items.find((p: { id: string }) => p.id === amara());
    expect(await of('ines')).toMatchObject({ twoStep: true, passwordSet: true });
    for (const key of ['priya', 'amara']) {
      expect(await of(key)).not.toHaveProperty('twoStep');
      expect(await of(key)).not.toHaveProperty('passwordSet');
    }
  });

  it('asks for the code after the right password, signs in with it once, and takes a recovery code once', async () => {
    h().advance(30_000); // the code that turned it on is used
    const asked = await signIn();
    expect([asked.status, asked.body.error?.code, asked.body.error?.field, asked.cookie]).toEqual([
      401,
      'two_step_required',
      'code',
      undefined,
    ]);
    // A wrong password is answered as it always was, code or not.
    const wrongPassword = await signIn({ password: 'not-it-at-all', code: codeAt() });
    expect([wrongPassword.status, wrongPassword.body.error?.code]).toEqual([401, 'invalid_credentials']);

    const code = codeAt();
    const signed = await signIn({ code });
    expect(signed.status).toBe(200);
    expect(signed.body.person?.id).toBe(amara());
    expect(signed.cookie).toMatch(/^baton_session=/);
    const me = await h().runtime.app.request('/api/v1/me', { headers: { cookie: signed.cookie! } });
    expect(me.status).toBe(200);

    // The same code again, even within its 30 seconds, or the one before it: refused.
    const replay = await signIn({ code });
    expect([replay.status, replay.body.error?.code, replay.body.error?.field, replay.cookie]).toEqual([
      401,
      'invalid_code',
      'code',
      undefined,
    ]);
    expect((await signIn({ code: codeAt(-1) })).body.error?.code).toBe('invalid_code');
    // The next step's code (the phone's clock a little ahead) works.
    expect((await signIn({ code: codeAt(1) })).status).toBe(200);

    // A recovery code, typed in capitals without its dash, works once.
    const typed = recovery[0]!.toUpperCase().replace('-', '');
    expect((await signIn({ code: typed })).status).toBe(200);
    expect((await signIn({ code: recovery[0] })).body.error?.code).toBe('invalid_code');
    expect((await asAmara('GET', '/api/v1/me/two-step')).body.recoveryCodesLeft).toBe(9);
  });

  it('counts wrong codes as failed sign-ins of the account, then refuses even the right code', async () => {
    h().advance(60 * 60_000);
    const statuses: number[] = [];
    for (let i = 0; i < 15 && statuses.at(-1) !== 429; i++)
      statuses.push((await signIn({ code: String(100000 + i) })).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    const blocked = await signIn({ code: codeAt() });
    expect([blocked.status, blocked.body.error?.code]).toEqual([429, 'rate_limited']);
    h().advance(60 * 60_000);
    expect((await signIn({ code: codeAt() })).status).toBe(200);
    // Asking for the code is no failure: many asks do not lock the account.
    for (let i = 0; i < 12; i++) expect((await signIn()).status).toBe(401);
    h().advance(30_000);
    expect((await signIn({ code: codeAt() })).status).toBe(200);
  });

  it('turns off with the right password only; an admin turns it off for someone else', async () => {
    const before = await snapshotAll(h().database);
    const wrong = await asAmara('POST', '/api/v1/me/two-step/disable', { password: 'not-it-at-all' });
    expect([wrong.status, wrong.body.error?.code, wrong.body.error?.field]).toEqual([
      422,
      'wrong_password',
      'password',
    ]);
    const empty = await asAmara('POST', '/api/v1/me/two-step/disable', {});
    expect([empty.status, empty.body.error?.field]).toEqual([400, 'password']);
    expect(await snapshotAll(h().database)).toEqual(before);

    const off = await asAmara('POST', '/api/v1/me/two-step/disable', { password: demoPassword });
    expect(off).toEqual({ status: 200, body: { enabled: false } });
    expect(await asAmara('GET', '/api/v1/me/two-step')).toEqual({
      status: 200,
      body: { enabled: false, enabledAt: null, recoveryCodesLeft: 0, required: false },
    });
    expect((await signIn()).status).toBe(200);

    // On again, then an admin turns it off: the person signs in with the password alone.
    secret = (await asAmara('POST', '/api/v1/me/two-step/setup')).body.secret!;
    h().advance(30_000);
    expect((await asAmara('POST', '/api/v1/me/two-step/enable', { code: codeAt() })).status).toBe(200);
    expect((await signIn()).body.error?.code).toBe('two_step_required');
    const agent = await h().request('POST', `/api/v1/people/${amara()}/two-step/disable`, undefined, {
      token: await h().tokenFor('priya'),
    });
    expect([agent.status, agent.body.error?.code]).toEqual([403, 'forbidden']);
    const byAdmin = await h().request('POST', `/api/v1/people/${amara()}/two-step/disable`, undefined, {
      token: await h().tokenFor('ines'),
    });
    expect(byAdmin).toMatchObject({ status: 200, body: { enabled: false } });
    expect((await signIn()).status).toBe(200);
    const missing = await h().request('POST', '/api/v1/people/p_nowhere/two-step/disable', undefined, {
      token: await h().tokenFor('ines'),
    });
    expect([missing.status, missing.body.error?.code]).toEqual([404, 'not_found']);

    const log = await h().request('GET', '/api/v1/admin/changes?area=people', undefined, {
      token: await h().tokenFor('ines'),
    });
    expect(log.body.items[0]).toMatchObject({
      action: 'person.changed',
      actor: { id: h().org.personIds.get('ines') },
      subject: amara(),
      detail: { twoStep: { from: 'on', to: 'off' } },
    });
  });
});
