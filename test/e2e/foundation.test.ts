import { expect, it } from 'vitest';
import { demoPassword } from '../../src/demo/organisation.ts';
import { describeOnDatabases, newCase } from '../support/harness.ts';
import { snapshot } from '../support/snapshot.ts';

describeOnDatabases('foundation', (h) => {
  it('answers /healthz and describes every route in /openapi.json', async () => {
    expect((await h().runtime.app.request('/healthz')).status).toBe(200);
    const doc = await (await h().runtime.app.request('/openapi.json')).json();
    for (const path of [
      '/api/v1/cases',
      '/api/v1/cases/{id}/handoffs',
      '/api/v1/handoffs/{id}/accept',
      '/api/v1/handoffs/{id}/bounce',
      '/api/v1/scenarios',
      '/api/v1/cases/{id}/document-requests',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it('replays a retried POST with the same Idempotency-Key and writes nothing twice', async () => {
    const headers = { 'idempotency-key': 'create-case-1' };
    const first = await h().request('POST', '/api/v1/cases', newCase(), { headers });
    expect(first.status).toBe(201);
    const before = await snapshot(h().database);
    const again = await h().request('POST', '/api/v1/cases', newCase(), { headers });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(await snapshot(h().database)).toEqual(before);
    const other = await h().request('POST', '/api/v1/cases', newCase({ subject: 'different' }), { headers });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_key_reused');
  });

  it('runs concurrent retries of one key once', async () => {
    const headers = { 'idempotency-key': 'create-case-race' };
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        h().request('POST', '/api/v1/cases', newCase({ subject: 'race' }), { headers }),
      ),
    );
    const created = new Set(results.filter((r) => r.status === 201).map((r) => r.body.id));
    expect(created.size).toBe(1);
    for (const r of results) expect([201, 409]).toContain(r.status);
    const list = await h().request('GET', '/api/v1/cases?limit=500');
    expect(list.body.items.filter((c: { subject: string }) => c.subject === 'race')).toHaveLength(1);
  });

  it('signs in with a password and acts through the session cookie', async () => {
    const bad = await h().runtime.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'amara@northwind.example', password: 'nope' }),
    });
    expect(bad.status).toBe(401);
    const res = await h().runtime.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'Amara@northwind.example', password: demoPassword }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const me = await h().runtime.app.request('/api/v1/me', { headers: { cookie } });
    const body = await me.json();
    expect(body.person.name).toBe('Amara Okafor');
    expect(body.organisation.slug).toBe('demo');
    await h().runtime.app.request('/api/v1/auth/logout', { method: 'POST', headers: { cookie } });
    expect((await h().runtime.app.request('/api/v1/me', { headers: { cookie } })).status).toBe(401);
  });

  it('keeps organisations apart: lists show only the caller’s data', async () => {
    const mine = await h().request('POST', '/api/v1/cases', newCase({ subject: 'only mine' }));
    const theirs = await h().request('GET', '/api/v1/cases?limit=500', undefined, {
      headers: { 'x-baton-org': 'other' },
    });
    expect(theirs.body.items.map((c: { id: string }) => c.id)).not.toContain(mine.body.id);
    const teams = await h().request('GET', '/api/v1/teams', undefined, {
      headers: { 'x-baton-org': 'other' },
    });
    expect(teams.body.items.every((t: { id: string }) => ![...h().org.teamIds.values()].includes(t.id))).toBe(
      true,
    );
  });

  it('refuses to change or delete logged events', async () => {
    const c = await h().request('POST', '/api/v1/cases', newCase());
    const { sql } = await import('drizzle-orm');
    const refusal = (q: Promise<unknown>) =>
      q.then(
        () => 'accepted',
        (e) => String(e.cause?.message ?? e.message),
      );
    expect(
      await refusal(
        h().database.db.execute(sql`update case_events set type = 'x' where case_id = ${c.body.id}`),
      ),
    ).toMatch(/append-only/);
    expect(
      await refusal(h().database.db.execute(sql`delete from case_events where case_id = ${c.body.id}`)),
    ).toMatch(/append-only/);
  });
});
