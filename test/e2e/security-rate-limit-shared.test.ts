import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../support/harness.ts';
import { amara, type Call, expectLimited, limitedApp, password } from '../support/rate-limit.ts';

const signIn = (app: Call, from: string, pw: string) =>
  app('POST', '/api/v1/auth/login', { from, body: { email: amara, password: pw } });

// Each limitedApp keeps its own in-process buckets, as a separate Baton process does; the budget
// they must share lives in the database.
describeOnDatabases('rate limits shared by Baton processes on one database', (h) => {
  it('spends one budget of failed sign-ins across processes, and refuses on each once it is spent', async () => {
    const limits = { loginPerAccount: 4, loginPerAddress: 100 };
    const [a, b, c] = [limitedApp(h(), limits), limitedApp(h(), limits), limitedApp(h(), limits)];
    for (let i = 0; i < 4; i++) {
      const res = await signIn(i % 2 ? b : a, `198.51.100.${40 + i}`, `guess-${i}`);
      expect(res.status).toBe(401);
    }
    // The fifth failure in total is over the budget: 429 with Retry-After, on whichever process.
    const retryAfter = expectLimited(await signIn(a, '198.51.100.50', 'guess-4'));
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expectLimited(await signIn(c, '198.51.100.51', 'guess-5'));
    // Now each knows the account is blocked: the right password is refused before it is checked.
    for (const app of [a, b, c]) {
      const res = await signIn(app, '198.51.100.52', password);
      expectLimited(res);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    h().advance(retryAfter * 1000);
    expect((await signIn(b, '198.51.100.53', password)).status).toBe(200);
  });

  it('a successful sign-in on one process clears the account on all of them', async () => {
    const limits = { loginPerAccount: 3, loginPerAddress: 100 };
    const [a, b] = [limitedApp(h(), limits), limitedApp(h(), limits)];
    expect((await signIn(a, '198.51.100.60', 'wrong-1')).status).toBe(401);
    expect((await signIn(b, '198.51.100.61', 'wrong-2')).status).toBe(401);
    expect((await signIn(a, '198.51.100.62', password)).status).toBe(200);
    // A whole budget again, though b counted a failure before the sign-in on a.
    for (const [app, i] of [
      [b, 1],
      [a, 2],
      [b, 3],
    ] as const)
      expect((await signIn(app, '198.51.100.63', `wrong-again-${i}`)).status).toBe(401);
    const retryAfter = expectLimited(await signIn(a, '198.51.100.64', 'wrong-again-4'));
    h().advance(retryAfter * 1000);
    expect((await signIn(a, '198.51.100.65', password)).status).toBe(200);
  });

  it('spends one budget of refused API tokens per address across processes', async () => {
    const limits = { badTokensPerAddress: 5 };
    const [a, b] = [limitedApp(h(), limits), limitedApp(h(), limits)];
    const good = await h().tokenFor('amara');
    const me = (app: Call, from: string, token: string) => app('GET', '/api/v1/me', { from, token });
    for (let i = 0; i < 5; i++) {
      const res = await me(i % 2 ? b : a, '192.0.2.60', `btn_guess${i}`);
      expect(res.status).toBe(401);
    }
    const retryAfter = expectLimited(await me(b, '192.0.2.60', 'btn_guess5'));
    expect(retryAfter).toBeLessThanOrEqual(60);
    for (const app of [a, b]) {
      expectLimited(await me(app, '192.0.2.60', good));
      expect((await me(app, '192.0.2.61', good)).status).toBe(200);
    }
    h().advance(retryAfter * 1000);
    expect((await me(a, '192.0.2.60', good)).status).toBe(200);
  });

  it('falls back to each process counting alone while the shared buckets cannot be used', async () => {
    const db = h().database.db;
    const limits = { badTokensPerAddress: 2 };
    const [a, b] = [limitedApp(h(), limits), limitedApp(h(), limits)];
    await db.execute(sql`alter table rate_limits rename to rate_limits_away`);
    try {
      for (const app of [a, b]) {
        const statuses = [];
        for (let i = 0; i < 2; i++)
          statuses.push((await app('GET', '/api/v1/me', { from: '192.0.2.70', token: `x${i}` })).status);
        expect(statuses).toEqual([401, 401]);
        expectLimited(await app('GET', '/api/v1/me', { from: '192.0.2.70', token: 'x2' }));
      }
      // Sign-ins too: counted, reset and refused in the process, never a 500.
      const c = limitedApp(h(), { loginPerAccount: 1, loginPerAddress: 100 });
      expect((await signIn(c, '198.51.100.70', 'wrong')).status).toBe(401);
      expectLimited(await signIn(c, '198.51.100.71', password));
    } finally {
      await db.execute(sql`alter table rate_limits_away rename to rate_limits`);
    }
    // Back in use, the shared buckets rule again: they never saw those failures, so a's own
    // count (which blocked 192.0.2.70) gives way to them.
    expect((await a('GET', '/api/v1/me', { from: '192.0.2.70', token: 'x3' })).status).toBe(401);
  });
});
