import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.ts';
import { contentSecurityPolicy, hstsValue, overTls } from '../../src/http/security-headers.ts';
import { adminToken, describeOnDatabases, type Harness } from '../support/harness.ts';

function appBehindProxy(h: Harness, trustProxy: boolean) {
  const base = h.runtime.services;
  return createApp({ ...base, config: { ...base.config, trustProxy } });
}

function expectSecurityHeaders(headers: Headers) {
  expect(headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(headers.get('content-security-policy')).toContain("script-src 'self'");
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
}

describe('TLS detection', () => {
  it('trusts X-Forwarded-Proto only behind a trusted proxy', () => {
    expect(overTls('http://x/', 'https', true)).toBe(true);
    expect(overTls('http://x/', 'HTTPS, http', true)).toBe(true);
    expect(overTls('http://x/', 'http', true)).toBe(false);
    expect(overTls('http://x/', 'https', false)).toBe(false);
    expect(overTls('https://x/', undefined, false)).toBe(true);
    expect(overTls('https://x/', undefined, true)).toBe(true);
  });
});

describeOnDatabases('security headers on every answer', (h) => {
  const requests: [string, string, RequestInit?][] = [
    ['health', '/healthz'],
    ['the OpenAPI document', '/openapi.json'],
    ['an authenticated read', '/api/v1/teams', { headers: { authorization: `Bearer ${adminToken}` } }],
    ['a 401', '/api/v1/teams'],
    ['a 404 route', '/api/v1/nowhere'],
    [
      'a 400',
      '/api/v1/cases',
      {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: '{',
      },
    ],
    ['a page outside the API', '/some/page'],
  ];
  for (const [name, path, init] of requests) {
    it(name, async () => {
      const res = await h().runtime.app.request(path, init);
      expectSecurityHeaders(res.headers);
      expect(res.headers.get('strict-transport-security')).toBeNull();
    });
  }

  it('sends HSTS when the request came over TLS, directly or through a trusted proxy', async () => {
    const direct = await h().runtime.app.request('https://baton.example/healthz');
    expect(direct.headers.get('strict-transport-security')).toBe(hstsValue);

    const trusted = appBehindProxy(h(), true);
    const viaProxy = await trusted.request('/healthz', { headers: { 'x-forwarded-proto': 'https' } });
    expect(viaProxy.headers.get('strict-transport-security')).toBe(hstsValue);
    expectSecurityHeaders(viaProxy.headers);
    const plain = await trusted.request('/healthz', { headers: { 'x-forwarded-proto': 'http' } });
    expect(plain.headers.get('strict-transport-security')).toBeNull();

    // Without BATON_TRUST_PROXY a client cannot claim TLS.
    const untrusted = appBehindProxy(h(), false);
    const forged = await untrusted.request('/healthz', { headers: { 'x-forwarded-proto': 'https' } });
    expect(forged.headers.get('strict-transport-security')).toBeNull();
  });
});
