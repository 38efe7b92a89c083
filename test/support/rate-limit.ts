import { expect } from 'vitest';
import { createApp } from '../../src/http/app.ts';
import type { Harness } from './harness.ts';

export const password = 'baton-demo';
export const amara = 'amara@northwind.example';

export type Call = (
  method: string,
  path: string,
  opts: { from: string; body?: unknown; token?: string },
  // biome-ignore lint/suspicious/noExplicitAny: each test asserts the shape of the bodies it reads
) => Promise<{ status: number; body: any; headers: Headers }>;

/**
 * Another app on the harness's database, behind a trusted proxy, with small limits: with its own
 * in-process buckets, it stands for another Baton process on the same database.
 */
export function limitedApp(
  h: Harness,
  limits: Partial<Harness['runtime']['services']['config']['rateLimits']>,
) {
  const base = h.runtime.services;
  const config = {
    ...base.config,
    trustProxy: true,
    rateLimits: { ...base.config.rateLimits, ...limits },
  };
  const app = createApp({ ...base, config });
  const call: Call = async (method, path, opts) => {
    const headers: Record<string, string> = { 'x-forwarded-for': `203.0.113.250, ${opts.from}` };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    const res = await app.request(path, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    return { status: res.status, body: await res.json(), headers: res.headers };
  };
  return call;
}

// biome-ignore lint/suspicious/noExplicitAny: each test asserts the shape of the bodies it reads
export function expectLimited(res: { status: number; body: any; headers: Headers }) {
  expect(res.status).toBe(429);
  expect(res.body.error.code).toBe('rate_limited');
  expect(res.body.error.message).toMatch(/retry in \d+ s/);
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(res.body.error.retryAfterS).toBe(retryAfter);
  return retryAfter;
}
