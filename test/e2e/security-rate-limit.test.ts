import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createApp } from '../../src/http/app.ts';
import { describeOnDatabases } from '../support/harness.ts';
import { amara, expectLimited, limitedApp, password } from '../support/rate-limit.ts';
import { snapshot } from '../support/snapshot.ts';

describe('rate-limit configuration', () => {
  it('has sane defaults and reads the environment', () => {
    expect(loadConfig({}).rateLimits).toEqual({
      loginPerAccount: 10,
      loginPerAddress: 50,
      loginWindowMs: 900_000,
      resetsPerAccount: 3,
      resetsPerAddress: 20,
      resetWindowMs: 3_600_000,
      badTokensPerAddress: 30,
      badTokenWindowMs: 60_000,
      ssoStartsPerAddress: 60,
      ssoStartWindowMs: 60_000,
    });
    const c = loadConfig({ BATON_LOGIN_LIMIT_ACCOUNT: '0', BATON_TOKEN_LIMIT_WINDOW_S: '5' });
    expect(c.rateLimits.loginPerAccount).toBe(0);
    expect(c.rateLimits.badTokenWindowMs).toBe(5000);
    expect(() => loadConfig({ BATON_LOGIN_LIMIT_ADDRESS: '-1' })).toThrow(/BATON_LOGIN_LIMIT_ADDRESS/);
    expect(loadConfig({ BATON_RESET_LIMIT_WINDOW_S: '60' }).rateLimits.resetWindowMs).toBe(60_000);
    expect(() => loadConfig({ BATON_RESET_LIMIT_ACCOUNT: 'x' })).toThrow(/BATON_RESET_LIMIT_ACCOUNT/);
  });
});

describeOnDatabases('rate limits on sign-in and API tokens', (h) => {
  it('locks an account after its failed sign-ins, whatever the address; the window frees it', async () => {
    const call = limitedApp(h(), { loginPerAccount: 3, loginPerAddress: 100 });
    for (let i = 0; i < 3; i++) {
      const res = await call('POST', '/api/v1/auth/login', {
        from: `198.51.100.${i}`,
        body: { email: amara, password: `guess-${i}` },
      });
      expect(res.status).toBe(401);
    }
    const before = await snapshot(h().database);
    // Locked: even the right password is refused (a guess while locked learns nothing) and no session is made.
    const locked = await call('POST', '/api/v1/auth/login', {
      from: '198.51.100.99',
      body: { email: ` ${amara.toUpperCase()} `, password },
    });
    const retryAfter = expectLimited(locked);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(locked.headers.get('set-cookie')).toBeNull();
    expect(await snapshot(h().database)).toEqual(before);
    // Another account from the same address is not affected.
    const other = await call('POST', '/api/v1/auth/login', {
      from: '198.51.100.99',
      body: { email: 'sofia@northwind.example', password: 'x' },
    });
    expect(other.status).toBe(401);
    h().advance(retryAfter * 1000);
    const after = await call('POST', '/api/v1/auth/login', {
      from: '198.51.100.7',
      body: { email: amara, password },
    });
    expect(after.status).toBe(200);
  });

  it('a successful sign-in clears the account failures', async () => {
    const call = limitedApp(h(), { loginPerAccount: 2, loginPerAddress: 100 });
    const attempt = (pw: string) =>
      call('POST', '/api/v1/auth/login', { from: '198.51.100.20', body: { email: amara, password: pw } });
    expect((await attempt('wrong')).status).toBe(401);
    expect((await attempt(password)).status).toBe(200);
    expect((await attempt('wrong')).status).toBe(401);
    expect((await attempt(password)).status).toBe(200);
  });

  it('limits failed sign-ins per client address across accounts', async () => {
    const call = limitedApp(h(), { loginPerAccount: 100, loginPerAddress: 4 });
    for (let i = 0; i < 4; i++) {
      const res = await call('POST', '/api/v1/auth/login', {
        from: '192.0.2.10',
        body: { email: `nobody${i}@example.com`, password: 'x' },
      });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('invalid_credentials');
    }
    expectLimited(
      await call('POST', '/api/v1/auth/login', { from: '192.0.2.10', body: { email: amara, password } }),
    );
    // Another address still signs in.
    expect(
      (await call('POST', '/api/v1/auth/login', { from: '192.0.2.11', body: { email: amara, password } }))
        .status,
    ).toBe(200);
    // Validation errors are not failed sign-ins, and a malformed body is still answered by validation.
    const bad = await call('POST', '/api/v1/auth/login', { from: '192.0.2.12', body: { email: 42 } });
    expect(bad.status).toBe(400);
  });

  it('limits refused API tokens per address; valid tokens elsewhere keep working', async () => {
    const call = limitedApp(h(), { badTokensPerAddress: 5 });
    const good = await h().tokenFor('amara');
    for (let i = 0; i < 5; i++) {
      const res = await call('GET', '/api/v1/me', { from: '192.0.2.50', token: `btn_guess${i}` });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    }
    const retryAfter = expectLimited(
      await call('GET', '/api/v1/me', { from: '192.0.2.50', token: 'btn_guess9' }),
    );
    expect(retryAfter).toBeLessThanOrEqual(60);
    // While blocked, the address is refused before any token is checked, so guessing learns nothing.
    expectLimited(await call('GET', '/api/v1/me', { from: '192.0.2.50', token: good }));
    expect((await call('GET', '/api/v1/me', { from: '192.0.2.51', token: good })).status).toBe(200);
    // Requests without credentials are 401 and not counted against anyone.
    expect((await call('GET', '/api/v1/me', { from: '192.0.2.52' })).status).toBe(401);
    h().advance(retryAfter * 1000);
    expect((await call('GET', '/api/v1/me', { from: '192.0.2.50', token: good })).status).toBe(200);
  });

  it('ignores X-Forwarded-For unless the proxy is trusted', async () => {
    const base = h().runtime.services;
    const app = createApp({
      ...base,
      config: {
        ...base.config,
        trustProxy: false,
        rateLimits: { ...base.config.rateLimits, badTokensPerAddress: 2 },
      },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      // A new forged address each time: without trust, all count as one client.
      const res = await app.request('/api/v1/me', {
        headers: { authorization: `Bearer nope${i}`, 'x-forwarded-for': `10.0.0.${i}` },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 429]);
  });
});
