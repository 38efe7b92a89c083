import { expect, it } from 'vitest';
import { demoPassword } from '../../src/demo/organisation.ts';
import { describeOnDatabases } from '../support/harness.ts';
import { snapshotAll } from '../support/snapshot.ts';

/** A person changes their own password: the current one proves it is them; other sessions end. */
describeOnDatabases('changing one’s own password', (h) => {
  const signIn = async (password: string) => {
    const res = await h().runtime.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'amara@northwind.example', password }),
    });
    const cookie = res.headers.get('set-cookie')?.split(';')[0];
    const body = (await res.json()) as { person?: { id: string } };
    // The other organisation has an Amara with the demo's password too: say whose session this is.
    return { status: res.status, cookie, ours: body.person?.id === h().org.personIds.get('amara') };
  };
  const asCookie = async (cookie: string, method: string, path: string, body?: unknown, key?: string) => {
    const res = await h().runtime.app.request(path, {
      method,
      headers: { cookie, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { error?: { code: string; field?: string } } };
  };

  it('changes it with the current one, ends the person’s other sessions and keeps this one', async () => {
    const first = await signIn(demoPassword);
    const second = await signIn(demoPassword);
    expect([first.ours, second.ours]).toEqual([true, true]);
    const here = first.cookie!;
    const elsewhere = second.cookie!;
    // With an Idempotency-Key, as the web app sends every POST (the rate limit must not wait on the
    // key's transaction).
    const changed = await asCookie(
      here,
      'POST',
      '/api/v1/me/password',
      { currentPassword: demoPassword, newPassword: 'a-longer-secret-of-mine' },
      'change-password-1',
    );
    expect(changed).toEqual({ status: 200, body: { changed: true, sessionsEnded: 1 } });
    expect((await signIn(demoPassword)).status).toBe(200); // the other organisation's Amara
    expect((await asCookie(here, 'GET', '/api/v1/me')).status).toBe(200);
    expect((await asCookie(elsewhere, 'GET', '/api/v1/me')).status).toBe(401);
    expect((await signIn(demoPassword)).ours).toBe(false);
    expect(await signIn('a-longer-secret-of-mine')).toMatchObject({ status: 200, ours: true });

    // In the admin change log, by the person, the password only as set.
    const log = await h().request('GET', '/api/v1/admin/changes?area=people', undefined, {
      token: await h().tokenFor('ines'),
    });
    expect(log.body.items[0]).toMatchObject({
      action: 'person.changed',
      actor: { id: h().org.personIds.get('amara') },
      detail: { password: { from: null, to: 'set' } },
    });
    expect(JSON.stringify(log.body)).not.toContain('a-longer-secret-of-mine');
  });

  it('refuses a wrong current password, a short or unchanged new one, and a credential of nobody, changing nothing', async () => {
    const here = (await signIn('a-longer-secret-of-mine')).cookie!;
    const before = await snapshotAll(h().database);
    const cases: [unknown, number, string, string][] = [
      [
        { currentPassword: 'not-it-at-all', newPassword: 'another-long-one' },
        422,
        'wrong_password',
        'currentPassword',
      ],
      [
        { currentPassword: 'a-longer-secret-of-mine', newPassword: 'short' },
        400,
        'validation_failed',
        'newPassword',
      ],
      [
        { currentPassword: 'a-longer-secret-of-mine', newPassword: 'a-longer-secret-of-mine' },
        400,
        'validation_failed',
        'newPassword',
      ],
      [{ newPassword: 'another-long-one' }, 400, 'validation_failed', 'currentPassword'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await asCookie(here, 'POST', '/api/v1/me/password', body);
      expect([res.status, res.body.error?.code, res.body.error?.field], JSON.stringify(body)).toEqual([
        status,
        code,
        field,
      ]);
    }
    const nobody = await h().request('POST', '/api/v1/me/password', {
      currentPassword: 'x',
      newPassword: 'another-long-one',
    });
    expect([nobody.status, nobody.body.error.code]).toEqual([403, 'forbidden']);
    expect(await snapshotAll(h().database)).toEqual(before);
    expect((await asCookie(here, 'GET', '/api/v1/me')).status).toBe(200);
  });

  it('counts wrong current passwords as failed sign-ins of the person, then refuses even the right one', async () => {
    const here = (await signIn('a-longer-secret-of-mine')).cookie!;
    const statuses: number[] = [];
    for (let i = 0; i < 12 && statuses.at(-1) !== 429; i++) {
      statuses.push(
        (
          await asCookie(here, 'POST', '/api/v1/me/password', {
            currentPassword: `guess-${i}`,
            newPassword: 'another-long-one',
          })
        ).status,
      );
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 422)).toBe(true);
    const blocked = await asCookie(here, 'POST', '/api/v1/me/password', {
      currentPassword: 'a-longer-secret-of-mine',
      newPassword: 'another-long-one',
    });
    expect([blocked.status, blocked.body.error?.code]).toEqual([429, 'rate_limited']);
    // One budget with the person's sign-ins: signing in is refused too, until the window ends.
    expect((await signIn('a-longer-secret-of-mine')).status).toBe(429);
    h().advance(60 * 60_000);
    expect(await signIn('a-longer-secret-of-mine')).toMatchObject({ status: 200, ours: true }); // unchanged
  });
});
