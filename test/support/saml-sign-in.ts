import { expect } from 'vitest';
import type { Harness } from './harness.ts';
import { type ResponseSpec, readRequest, samlResponse } from './saml-identity-provider.ts';
import type { ssoCalls } from './sso-calls.ts';

/**
 * A SAML sign-in as the browser goes through it: started at Baton, the provider's response posted
 * back (another site's form, so without Baton's cookie), then the browser at the callback with it.
 */
export function samlSignIns(h: () => Harness, calls: ReturnType<typeof ssoCalls>) {
  const { app, cookieOf } = calls;
  /** Starts at Baton: what it asked the provider for, and the browser's cookie. */
  async function started(email = 'amara@northwind.example') {
    const start = await app(`/api/v1/auth/sso/start?email=${encodeURIComponent(email)}&next=/cases`);
    expect(start.status).toBe(302);
    const url = new URL(start.headers.get('location')!);
    return { url, request: readRequest(url), cookie: cookieOf(start, 'baton_sso_state')! };
  }
  const post = (response: string | undefined, relayState: string | undefined) => {
    const form = new URLSearchParams();
    if (response !== undefined) form.set('SAMLResponse', response);
    if (relayState !== undefined) form.set('RelayState', relayState);
    return h().runtime.app.request('/api/v1/auth/sso/saml', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
  };
  const answer = (request: ReturnType<typeof readRequest>, spec: Partial<ResponseSpec> = {}) =>
    samlResponse({
      inResponseTo: request.id,
      acsUrl: request.acsUrl,
      audience: request.issuer!,
      email: 'amara@northwind.example',
      ...spec,
    });
  /** A whole sign-in: started, answered as `spec` says, and the browser back with its cookie. */
  async function signIn(spec: Partial<ResponseSpec> = {}, email?: string) {
    const { request, cookie } = await started(email);
    const posted = await post(answer(request, spec), request.relayState);
    expect(posted.status).toBe(303);
    const next = posted.headers.get('location')!;
    if (!next.startsWith('/api/v1/auth/sso/callback')) return { location: next, res: posted };
    const res = await app(next, { cookie });
    return { location: res.headers.get('location'), res };
  }
  return { started, post, answer, signIn };
}
