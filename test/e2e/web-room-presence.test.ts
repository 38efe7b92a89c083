import pino from 'pino';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createApiToken } from '../../src/auth/auth.commands.ts';
import { presenceTtlMs } from '../../src/cases/room.commands.ts';
import { loadConfig } from '../../src/config.ts';
import { type Database, postgresDatabase } from '../../src/db/database.ts';
import { demoOrganisation } from '../../src/demo/organisation.ts';
import { createOrganisation } from '../../src/orgs/orgs.commands.ts';
import { type Runtime, startRuntime } from '../../src/runtime.ts';
import { adminToken, describeOnDatabases, newCase } from '../support/harness.ts';
import { scratchPostgres } from '../support/postgres.ts';

/** The case room's server side: notes with authors, presence by heartbeat, the supervisor's dips. */
describeOnDatabases('case room API', (h) => {
  it('answers who is viewing a case: heartbeats, tabs, goodbyes and the 30 s expiry', async () => {
    const c = await h().request('POST', '/api/v1/cases', newCase());
    const caseId = c.body.id;
    const amara = await h().tokenFor('amara');
    const priya = await h().tokenFor('priya');
    const path = `/api/v1/cases/${caseId}/presence`;

    const first = await h().request('POST', path, { tab: 'a1' }, { token: amara });
    expect(first.status).toBe(200);
    expect(first.body.items.map((v: { name: string }) => v.name)).toEqual(['Amara Okafor']);
    h().advance(1000);
    await h().request('POST', path, { tab: 'p1' }, { token: priya });
    // A second tab of the same person counts once.
    await h().request('POST', path, { tab: 'a2' }, { token: amara });
    const both = await h().request('GET', path, undefined, { token: priya });
    expect(both.body.items.map((v: { name: string }) => v.name)).toEqual(['Amara Okafor', 'Priya Raman']);
    expect(both.body.items[0]).toMatchObject({ personId: expect.any(String), since: expect.any(String) });

    // Closing one of two tabs keeps the person; closing the last one removes them at once.
    await h().request('POST', path, { tab: 'a1', state: 'left' }, { token: amara });
    expect((await h().request('GET', path)).body.items).toHaveLength(2);
    await h().request('POST', path, { tab: 'a2', state: 'left' }, { token: amara });
    expect((await h().request('GET', path)).body.items.map((v: { name: string }) => v.name)).toEqual([
      'Priya Raman',
    ]);

    // Nobody heard from for 30 s has gone; a bare POST (no body) is a heartbeat.
    h().advance(presenceTtlMs + 1);
    expect((await h().request('GET', path)).body.items).toEqual([]);
    const bare = await h().request('POST', path, undefined, { token: priya });
    expect(bare.status).toBe(200);
    expect(bare.body.items).toHaveLength(1);
  });

  it('keeps presence inside the organisation and refuses an unknown case', async () => {
    const c = await h().request('POST', '/api/v1/cases', newCase());
    const missing = await h().request('POST', '/api/v1/cases/cs_nope/presence', { tab: 'x' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    const { token } = await createApiToken(h().database.db, {
      orgId: h().other.orgId,
      name: 'other',
      roles: ['agent'],
      personId: h().other.personIds.get('amara'),
    });
    const foreign = await h().request('GET', `/api/v1/cases/${c.body.id}/presence`, undefined, { token });
    expect(foreign.status).toBe(404);
    const bad = await h().request('POST', `/api/v1/cases/${c.body.id}/presence`, { state: 'dancing' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('state');
  });

  it('lists internal notes with their authors and mentions', async () => {
    const c = await h().request('POST', '/api/v1/cases', newCase());
    const amara = await h().tokenFor('amara');
    await h().request(
      'POST',
      `/api/v1/cases/${c.body.id}/messages`,
      { role: 'internal', text: 'Refund is approved, @priya please confirm with @finance.' },
      { token: amara },
    );
    const notes = await h().request('GET', `/api/v1/cases/${c.body.id}/notes`);
    expect(notes.status).toBe(200);
    expect(notes.body.items).toHaveLength(1);
    expect(notes.body.items[0]).toMatchObject({
      text: 'Refund is approved, @priya please confirm with @finance.',
      author: { name: 'Amara Okafor' },
      mentions: ['priya', 'finance'],
    });
  });

  it('lists sentiment dips with their message for supervisors only', async () => {
    const c = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({
        subject: 'Outage again',
        messages: [{ role: 'customer', text: 'Hi, could you help me check my October invoice please?' }],
      }),
    );
    h().advance(60_000);
    await h().request('POST', `/api/v1/cases/${c.body.id}/messages`, {
      role: 'customer',
      text: 'This is RIDICULOUS. Third time I explain this, still waiting and nobody helps. Absolutely unacceptable!!!',
    });
    const diana = await h().tokenFor('diana');
    const dips = await h().request('GET', '/api/v1/supervisor/dips', undefined, { token: diana });
    expect(dips.status).toBe(200);
    const dip = dips.body.items.find((d: { caseId: string }) => d.caseId === c.body.id);
    expect(dip).toMatchObject({ subject: 'Outage again', text: expect.stringMatching(/RIDICULOUS/) });
    expect(dip.score).toBeLessThan(-0.5);
    expect(dip.handoffId).toMatch(/^ho_/);
    const later = new Date(h().now().getTime() + 1000).toISOString();
    const none = await h().request('GET', `/api/v1/supervisor/dips?since=${encodeURIComponent(later)}`);
    expect(none.body.items).toEqual([]);
    const agent = await h().request('GET', '/api/v1/supervisor/dips', undefined, {
      token: await h().tokenFor('amara'),
    });
    expect(agent.status).toBe(403);
  });
});

/** Two runtimes on one PostgreSQL, each with its own connections: what two `baton serve` processes share. */
const pgUrl = inject('postgresUrl');
describe.runIf(pgUrl)('presence across processes [postgres]', () => {
  const postgres = scratchPostgres();
  const runtimes: Runtime[] = [];
  const databases: Database[] = [];
  afterAll(async () => {
    for (const r of runtimes) await r.close();
    for (const d of databases) await d.close();
  });

  it('shows a viewer heard by one process to the clients of another, and announces it live', async () => {
    const { url } = await postgres.migrated();
    for (let i = 0; i < 2; i++) databases.push(postgresDatabase(url, 3));
    const org = await createOrganisation(databases[0]!.db, demoOrganisation, new Date());
    const config = loadConfig({ BATON_ADMIN_TOKEN: adminToken, BATON_LOG_LEVEL: 'silent' });
    for (const database of databases)
      runtimes.push(
        await startRuntime(config, { database, logger: pino({ level: 'silent' }), scheduler: false }),
      );
    const [a, b] = runtimes as [Runtime, Runtime];
    const call = (r: Runtime, method: string, path: string, body?: unknown, token = adminToken) =>
      r.app.request(path, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const created = await (await call(a, 'POST', '/api/v1/cases', newCase())).json();
    const { token } = await createApiToken(databases[0]!.db, {
      orgId: org.orgId,
      name: 'amara',
      roles: ['agent'],
      personId: org.personIds.get('amara'),
    });

    // B's live stream, as a browser connected to the other process would hold it.
    const stream = await call(b, 'GET', '/api/v1/stream');
    const reader = stream.body!.getReader();
    const seen: string[] = [];
    const reading = (async () => {
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        seen.push(decoder.decode(value));
        if (seen.join('').includes('presence.changed')) return;
      }
    })();
    // B starts listening for presence before A's beat (a process listens from its first room request).
    await call(b, 'GET', `/api/v1/cases/${created.id}/presence`);

    await call(a, 'POST', `/api/v1/cases/${created.id}/presence`, { tab: 't1' }, token);
    let names: string[] = [];
    for (let i = 0; i < 50 && names.length === 0; i++) {
      const res = await (await call(b, 'GET', `/api/v1/cases/${created.id}/presence`)).json();
      names = res.items.map((v: { name: string }) => v.name);
      if (names.length === 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(names).toEqual(['Amara Okafor']);
    await Promise.race([reading, new Promise((r) => setTimeout(r, 3000))]);
    await reader.cancel();
    expect(seen.join('')).toContain('presence.changed');
    expect(seen.join('')).toContain(created.id);
  });
});
