import { expect, it } from 'vitest';
import { demoPassword } from '../../src/demo/organisation.ts';
import { describeOnDatabases } from '../support/harness.ts';

/** The web app's boot probe: "signed out" is a 200 answer, so a browser logs no failed request. */
describeOnDatabases('session probe', (h) => {
  const probe = async (headers: Record<string, string> = {}) => {
    const res = await h().runtime.app.request('/api/v1/auth/session', { headers });
    return { status: res.status, body: await res.json() };
  };

  it('answers signedIn false without a session, and true with one until sign-out', async () => {
    expect(await probe()).toEqual({
      status: 200,
      body: { signedIn: false, passwordReset: false, twoStepSetupDue: false },
    });
    expect(await probe({ cookie: 'baton_session=not-a-session' })).toEqual({
      status: 200,
      body: { signedIn: false, passwordReset: false, twoStepSetupDue: false },
    });
    const login = await h().runtime.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'amara@northwind.example', password: demoPassword }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    expect(await probe({ cookie })).toEqual({
      status: 200,
      body: { signedIn: true, passwordReset: false, twoStepSetupDue: false },
    });
    await h().runtime.app.request('/api/v1/auth/logout', { method: 'POST', headers: { cookie } });
    expect(await probe({ cookie })).toEqual({
      status: 200,
      body: { signedIn: false, passwordReset: false, twoStepSetupDue: false },
    });
  });

  it('accepts a bearer token too, and is described in /openapi.json', async () => {
    const res = await h().request('GET', '/api/v1/auth/session');
    expect(res.body).toEqual({ signedIn: true, passwordReset: false, twoStepSetupDue: false });
    const doc = await (await h().runtime.app.request('/openapi.json')).json();
    expect(Object.keys(doc.paths)).toContain('/api/v1/auth/session');
  });
});
