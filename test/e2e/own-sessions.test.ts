import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { sessions } from '../../src/auth/auth.table.ts';
import { hashSecret } from '../../src/auth/secrets.ts';
import { demoPassword } from '../../src/demo/organisation.ts';
import { describeOnDatabases } from '../support/harness.ts';
import { snapshotAll } from '../support/snapshot.ts';

const chromeOnWindows =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const firefoxOnLinux = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const safariOnIphone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

type Item = {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string | null;
  expiresAt: string;
  userAgent: string | null;
  device: string;
  clientAddress: string | null;
  signedInWith: 'password' | 'sso';
};

type Answer = { items?: Item[]; signedOut?: number; error?: { code: string } };

/** "Your sessions": a person sees where they are signed in and signs out elsewhere. */
describeOnDatabases('one’s own sessions', (h) => {
  /** The request as if from a socket at `address` (the harness does not trust X-Forwarded-For). */
  const from = (address: string) => ({
    incoming: { socket: { remoteAddress: address, remoteFamily: 'IPv4' } },
  });
  const signIn = async (userAgent: string, address = '203.0.113.7') => {
    const res = await h().runtime.app.request(
      '/api/v1/auth/login',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': userAgent },
        body: JSON.stringify({ email: 'amara@northwind.example', password: demoPassword }),
      },
      from(address),
    );
    const cookie = res.headers.get('set-cookie')?.split(';')[0];
    const body = (await res.json()) as { person?: { id: string } };
    // The other organisation has an Amara with the demo's password too: this must be ours.
    expect([res.status, body.person?.id]).toEqual([200, h().org.personIds.get('amara')]);
    return cookie!;
  };
  const asCookie = async (
    cookie: string,
    method: string,
    path: string,
    opts: { key?: string; address?: string } = {},
  ) => {
    const res = await h().runtime.app.request(
      path,
      {
        method,
        headers: {
          cookie,
          'content-type': 'application/json',
          ...(opts.key ? { 'idempotency-key': opts.key } : {}),
        },
        body: method === 'POST' ? '{}' : undefined,
      },
      from(opts.address ?? '203.0.113.7'),
    );
    return { status: res.status, body: (await res.json()) as Answer, headers: res.headers };
  };
  const list = async (cookie: string) => {
    const res = await asCookie(cookie, 'GET', '/api/v1/me/sessions');
    expect(res.status).toBe(200);
    return res.body.items!;
  };
  const stored = async (cookie: string) => {
    const [row] = await h()
      .database.db.select()
      .from(sessions)
      .where(eq(sessions.idHash, hashSecret(cookie.split('=')[1]!)));
    return row;
  };

  let here = '';
  let elsewhere = '';

  it('lists the person’s sessions, this one marked, the browser and address named, the latest active first', async () => {
    here = await signIn(chromeOnWindows);
    h().advance(60_000);
    elsewhere = await signIn(firefoxOnLinux, '198.51.100.9');
    const items = await list(here);
    expect(items).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{16}$/),
        current: false,
        createdAt: h().now().toISOString(),
        lastSeenAt: h().now().toISOString(),
        expiresAt: new Date(h().now().getTime() + 14 * 86_400_000).toISOString(),
        userAgent: firefoxOnLinux,
        device: 'Firefox on Linux',
        clientAddress: '198.51.100.9',
        signedInWith: 'password',
      },
      expect.objectContaining({ current: true, device: 'Chrome on Windows', clientAddress: '203.0.113.7' }),
    ]);
    // The public id is the start of the stored hash: neither the cookie nor the whole hash is answered.
    const text = JSON.stringify(items);
    for (const cookie of [here, elsewhere]) {
      const secret = cookie.split('=')[1]!;
      expect(text).not.toContain(secret);
      expect(text).not.toContain(hashSecret(secret));
    }
    expect(items[1]!.id).toBe(hashSecret(here.split('=')[1]!).slice(0, 16));
    // The other session sees itself as current.
    expect((await list(elsewhere)).map((s) => [s.device, s.current])).toEqual([
      ['Firefox on Linux', true],
      ['Chrome on Windows', false],
    ]);
  });

  it('notes the last activity at most once every 5 minutes, not on every request', async () => {
    const signedInAt = (await stored(here))!.lastSeenAt!.toISOString();
    h().advance(2 * 60_000);
    await list(here);
    expect((await stored(here))!.lastSeenAt!.toISOString()).toBe(signedInAt);
    h().advance(4 * 60_000); // 7 minutes after signing in
    const seenAt = h().now().toISOString();
    await asCookie(here, 'GET', '/api/v1/me', { address: '192.0.2.44' });
    expect(await stored(here)).toMatchObject({ lastSeenAt: new Date(seenAt), clientAddress: '192.0.2.44' });
    for (let i = 0; i < 3; i++) {
      h().advance(60_000);
      await asCookie(here, 'GET', '/api/v1/me', { address: '192.0.2.45' });
    }
    expect(await stored(here)).toMatchObject({ lastSeenAt: new Date(seenAt), clientAddress: '192.0.2.44' });
    // Now the most recently active: listed first.
    const items = await list(here);
    expect(items.map((s) => [s.device, s.lastSeenAt])).toEqual([
      ['Chrome on Windows', seenAt],
      ['Firefox on Linux', expect.any(String)],
    ]);
  });

  it('shows an API token acting as the person the sessions, none of them current; a token of nobody is refused', async () => {
    const viaToken = await h().request('GET', '/api/v1/me/sessions', undefined, {
      token: await h().tokenFor('amara'),
    });
    expect(viaToken.status).toBe(200);
    expect(viaToken.body.items.map((s: Item) => [s.device, s.current])).toEqual([
      ['Chrome on Windows', false],
      ['Firefox on Linux', false],
    ]);
    const priyaToken = await h().tokenFor('priya');
    const before = await snapshotAll(h().database);
    for (const [method, path] of [
      ['GET', '/api/v1/me/sessions'],
      ['DELETE', `/api/v1/me/sessions/${viaToken.body.items[0].id}`],
      ['POST', '/api/v1/me/sessions/sign-out-others'],
    ] as const) {
      const nobody = await h().request(method, path, method === 'POST' ? {} : undefined);
      expect([method, nobody.status, nobody.body.error.code]).toEqual([method, 403, 'forbidden']);
    }
    // Someone else sees none of Amara's sessions.
    const priya = await h().request('GET', '/api/v1/me/sessions', undefined, { token: priyaToken });
    expect(priya.body).toEqual({ items: [] });
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it('answers 404 for an id that is not one of the caller’s sessions, changing nothing', async () => {
    const [mine, theirs] = await list(here);
    const hashOfHere = hashSecret(here.split('=')[1]!);
    const before = await snapshotAll(h().database);
    for (const id of [
      'x',
      '0000000000000000',
      mine!.id.toUpperCase(),
      mine!.id.slice(0, 15),
      hashOfHere,
      encodeURIComponent(here.split('=')[1]!),
      '%25',
    ]) {
      const res = await asCookie(here, 'DELETE', `/api/v1/me/sessions/${id}`);
      expect([id, res.status, res.body.error?.code]).toEqual([id, 404, 'not_found']);
    }
    // Another person's token cannot end Amara's sessions.
    const priya = await h().request('DELETE', `/api/v1/me/sessions/${theirs!.id}`, undefined, {
      token: await h().tokenFor('priya'),
    });
    expect([priya.status, priya.body.error.code]).toEqual([404, 'not_found']);
    expect(await snapshotAll(h().database)).toEqual(before);
    expect((await list(here)).length).toBe(2);
  });

  it('signs out another session: its cookie is refused at once, this one stays', async () => {
    const other = (await list(here)).find((s) => !s.current)!;
    const res = await asCookie(here, 'DELETE', `/api/v1/me/sessions/${other.id}`);
    expect([res.status, res.body]).toEqual([200, { signedOut: 1 }]);
    expect(res.headers.get('set-cookie')).toBeNull(); // this session's cookie stays
    expect((await asCookie(elsewhere, 'GET', '/api/v1/me')).status).toBe(401);
    expect((await asCookie(here, 'GET', '/api/v1/me')).status).toBe(200);
    expect((await list(here)).map((s) => s.device)).toEqual(['Chrome on Windows']);
    // Gone: a second time is 404.
    expect((await asCookie(here, 'DELETE', `/api/v1/me/sessions/${other.id}`)).status).toBe(404);
  });

  it('signs out every other session at once, with an Idempotency-Key, keeping this one', async () => {
    const phone = await signIn(safariOnIphone, '198.51.100.20');
    const laptop = await signIn(firefoxOnLinux, '198.51.100.21');
    expect((await list(here)).length).toBe(3);
    const ended = await asCookie(here, 'POST', '/api/v1/me/sessions/sign-out-others', { key: 'others-1' });
    expect([ended.status, ended.body]).toEqual([200, { signedOut: 2 }]);
    for (const cookie of [phone, laptop])
      expect((await asCookie(cookie, 'GET', '/api/v1/me')).status).toBe(401);
    expect((await list(here)).map((s) => s.current)).toEqual([true]);
    // The retry replays the answer; asked afresh, there is nothing left to end.
    const replay = await asCookie(here, 'POST', '/api/v1/me/sessions/sign-out-others', { key: 'others-1' });
    expect([replay.status, replay.body, replay.headers.get('idempotency-replayed')]).toEqual([
      200,
      { signedOut: 2 },
      'true',
    ]);
    const again = await asCookie(here, 'POST', '/api/v1/me/sessions/sign-out-others');
    expect(again.body).toEqual({ signedOut: 0 });
  });

  it('leaves expired sessions out, and ends this one when asked, clearing its cookie', async () => {
    const old = await signIn(safariOnIphone);
    h().advance(15 * 86_400_000); // past both sessions' 14 days
    expect((await asCookie(old, 'GET', '/api/v1/me')).status).toBe(401);
    here = await signIn(chromeOnWindows);
    const items = await list(here);
    expect(items.map((s) => [s.device, s.current])).toEqual([['Chrome on Windows', true]]);
    const ended = await asCookie(here, 'DELETE', `/api/v1/me/sessions/${items[0]!.id}`);
    expect([ended.status, ended.body]).toEqual([200, { signedOut: 1 }]);
    expect(ended.headers.get('set-cookie')).toMatch(/^baton_session=;.*Max-Age=0/);
    expect((await asCookie(here, 'GET', '/api/v1/me')).status).toBe(401);
  });
});
