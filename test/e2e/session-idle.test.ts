import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { sessions } from '../../src/auth/auth.table.ts';
import { describeOnDatabases } from '../support/harness.ts';
import { snapshotAll } from '../support/snapshot.ts';

type Answer = {
  error?: { code: string; field?: string; reason?: string; message?: string };
  sessionIdleMinutes?: number | null;
  signedIn?: boolean;
};

const password = 'a long enough password 42';
const minutes = (n: number) => n * 60_000;

/** An organisation's idle limit on signed-in sessions: the first request after it signs the person out. */
describeOnDatabases('sessions that end when idle', (h) => {
  let cookie = '';
  let personId = '';

  const raw = async (method: string, path: string, body?: unknown) => {
    const res = await h().runtime.app.request(path, {
      method,
      headers: { 'content-type': 'application/json', cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { res, status: res.status, body: (await res.json()) as Answer };
  };
  const signIn = async () => {
    const { res, status } = await raw('POST', '/api/v1/auth/login', {
      email: 'idle@sessions.example',
      password,
    });
    expect(status).toBe(200);
    cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  };
  const save = (body: unknown) => h().request('PUT', '/api/v1/settings/sign-in', body);
  const sessionRows = () => h().database.db.select().from(sessions).where(eq(sessions.personId, personId));

  it('refuses a limit below 15 minutes, above 14 days, in fractions, or nothing at all, changing nothing', async () => {
    const added = await h().request('POST', '/api/v1/people', {
      name: 'Idle Agent',
      email: 'idle@sessions.example',
      roles: ['agent'],
      password,
    });
    personId = added.body.id;
    const before = await snapshotAll(h().database);
    for (const body of [
      { sessionIdleMinutes: 14 },
      { sessionIdleMinutes: 20_161 },
      { sessionIdleMinutes: 30.5 },
      { sessionIdleMinutes: '30' },
    ]) {
      const res = await save(body);
      expect([res.status, res.body.error.code, res.body.error.field], JSON.stringify(body)).toEqual([
        400,
        'validation_failed',
        'sessionIdleMinutes',
      ]);
    }
    const empty = await save({});
    expect([empty.status, empty.body.error.code]).toEqual([400, 'validation_failed']);
    expect(await snapshotAll(h().database)).toEqual(before);
    expect((await h().request('GET', '/api/v1/settings/sign-in')).body.sessionIdleMinutes).toBeNull();
  });

  it('keeps a session in use, and ends one idle past the limit at its next request', async () => {
    await signIn();
    const other = cookie;
    const saved = await save({ sessionIdleMinutes: 30 });
    expect([saved.status, saved.body.sessionIdleMinutes, saved.body.twoStepRequired]).toEqual([
      200,
      30,
      'nobody',
    ]);
    await signIn();
    // In use every 20 minutes for an hour: never idle for 30.
    for (let i = 0; i < 3; i++) {
      h().advance(minutes(20));
      expect((await raw('GET', '/api/v1/cases')).status).toBe(200);
    }
    // The session left alone since the first sign-in is no longer among the person's sessions.
    const listed = await raw('GET', '/api/v1/me/sessions');
    expect((listed.body as unknown as { items: unknown[] }).items).toHaveLength(1);
    expect(await sessionRows()).toHaveLength(2);
    h().advance(minutes(31));
    const ended = await raw('GET', '/api/v1/cases');
    expect([ended.status, ended.body.error?.code, ended.body.error?.reason]).toEqual([
      401,
      'unauthenticated',
      'idle',
    ]);
    expect(ended.body.error?.message).toContain('30 minutes without activity');
    expect(await sessionRows()).toHaveLength(1); // the other is forgotten at its own next request
    cookie = other;
    expect((await raw('GET', '/api/v1/me')).status).toBe(401);
    expect(await sessionRows()).toEqual([]);
    expect((await raw('GET', '/api/v1/auth/session')).body.signedIn).toBe(false);

    // API tokens are not sessions: no idle limit.
    expect((await h().request('GET', '/api/v1/cases')).status).toBe(200);
    const log = await h().request('GET', '/api/v1/admin/changes?area=policies');
    expect(log.body.items[0]).toMatchObject({
      action: 'settings.changed',
      subject: 'sign-in',
      detail: { sessionIdleMinutes: { from: null, to: 30 } },
    });
  });

  it('says so to the session probe that finds a session idle (a reload), once', async () => {
    await signIn();
    h().advance(minutes(31));
    const probe = await raw('GET', '/api/v1/auth/session');
    expect(probe.body).toMatchObject({ signedIn: false, signedOut: { reason: 'idle' } });
    expect((probe.body as { signedOut?: { message: string } }).signedOut?.message).toContain('30 minutes');
    const again = await raw('GET', '/api/v1/auth/session');
    expect(again.body).toEqual({ signedIn: false, passwordReset: false, twoStepSetupDue: false });
  });

  it('lets sessions live their 14 days again when the limit is removed', async () => {
    await signIn();
    const cleared = await save({ sessionIdleMinutes: null });
    expect([cleared.status, cleared.body.sessionIdleMinutes]).toEqual([200, null]);
    h().advance(minutes(60 * 24 * 3));
    expect((await raw('GET', '/api/v1/cases')).status).toBe(200);
    expect(await sessionRows()).toHaveLength(1);
  });
});
