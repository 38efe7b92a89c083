import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { openEventStream, type StreamEvent } from '../../bench/soak/sse.ts';
import { apiTokens } from '../../src/auth/auth.table.ts';
import { hashSecret } from '../../src/auth/secrets.ts';
import { recheckMs } from '../../src/http/stream.routes.ts';
import { adminToken, describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';

// The live stream (`GET /api/v1/stream`) announces each committed event of the caller's
// organisation, in order, in one shape whichever database announced it (PostgreSQL through
// NOTIFY, PGlite in process: db/notices.ts).

describeOnDatabases('the live stream', (h) => {
  it("announces the organisation's committed events in order, each with its instant in ISO 8601", async () => {
    const stream = openEventStream('http://baton.test', adminToken, {
      fetch: async (url, init) => h().runtime.app.request(url, init),
    });
    try {
      await stream.ready;
      expect(stream.events[0]).toMatchObject({ event: 'ready', data: { orgId: h().org.orgId } });

      // Another organisation's case: never on this stream.
      const elsewhere = await h().request('POST', '/api/v1/cases', newCase(), {
        headers: { 'X-Baton-Org': 'other' },
      });
      expect(elsewhere.status).toBe(201);
      const created = await h().request('POST', '/api/v1/cases', newCase());
      const caseId = created.body.id as string;
      const sent = await h().request('POST', `/api/v1/cases/${caseId}/handoffs`, {
        scenario: 'billing-to-finance',
        packet: fullPacket,
      });
      expect(sent.status).toBe(201);

      const events = await h().request('GET', `/api/v1/cases/${caseId}/events`);
      const logged = events.body.items as { id: string; type: string }[];
      const isMine = (e: StreamEvent) => e.event === 'case-event' && e.data.caseId === caseId;
      const last = logged.at(-1)!.id;
      expect(await stream.waitFor((e) => isMine(e) && e.data.id === last, 3_000)).toBeDefined();
      const mine = stream.events.filter(isMine);
      expect(mine.map((e) => e.data.type)).toEqual(logged.map((e) => e.type));
      expect(mine.map((e) => e.data.id)).toEqual(logged.map((e) => e.id));
      const seqs = mine.map((e) => e.data.seq as number);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      for (const e of mine) {
        expect(e.data.orgId).toBe(h().org.orgId);
        expect(e.data.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      }
      expect(mine.find((e) => e.data.type === 'handoff.sent')?.data.handoffId).toBe(sent.body.id);
      expect(stream.events.some((e) => e.data?.caseId === elsewhere.body.id)).toBe(false);
    } finally {
      stream.close();
      await stream.ended;
    }
  });

  /**
   * A stream outlives the request that opened it: once its credential no longer signs it in, it
   * says `signed-out` and ends, and the organisation's next events do not reach it.
   */
  const endsWhenSignedOut = async (
    open: () => ReturnType<typeof openEventStream>,
    signOut: () => Promise<void>,
  ) => {
    const stream = open();
    try {
      await stream.ready;
      const before = await h().request('POST', '/api/v1/cases', newCase());
      const seen = (id: string) => (e: StreamEvent) => e.event === 'case-event' && e.data.caseId === id;
      expect(await stream.waitFor(seen(before.body.id), 3_000)).toBeDefined();
      await signOut();
      await new Promise((r) => setTimeout(r, recheckMs + 100));
      const after = await h().request('POST', '/api/v1/cases', newCase());
      expect(after.status).toBe(201);
      expect(await stream.waitFor((e) => e.event === 'signed-out', 3_000)).toBeDefined();
      await stream.ended;
      expect(stream.events.some(seen(after.body.id))).toBe(false);
    } finally {
      stream.close();
      await stream.ended.catch(() => undefined);
    }
  };

  it('ends when its API token is revoked', async () => {
    const token = await h().tokenFor('priya');
    await endsWhenSignedOut(
      () =>
        openEventStream('http://baton.test', token, {
          fetch: async (url, init) => h().runtime.app.request(url, init),
        }),
      async () => {
        await h()
          .database.db.update(apiTokens)
          .set({ revokedAt: h().now() })
          .where(eq(apiTokens.tokenHash, hashSecret(token)));
      },
    );
  });

  it("ends when its person signs out, and when the organisation's idle limit passes", async () => {
    const password = 'a long enough password 42';
    const added = await h().request('POST', '/api/v1/people', {
      name: 'Stream Watcher',
      email: 'watcher@stream.example',
      roles: ['agent'],
      password,
    });
    expect(added.status).toBe(201);
    const signIn = async () => {
      const res = await h().runtime.app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'watcher@stream.example', password }),
      });
      return res.headers.get('set-cookie')!.split(';')[0]!;
    };
    const withCookie = (cookie: string) => () =>
      openEventStream('http://baton.test', 'unused', {
        fetch: async (url, init) =>
          h().runtime.app.request(url, {
            ...init,
            headers: { accept: 'text/event-stream', cookie },
          }),
      });
    const first = await signIn();
    await endsWhenSignedOut(withCookie(first), async () => {
      const out = await h().runtime.app.request('/api/v1/auth/logout', {
        method: 'POST',
        headers: { cookie: first },
      });
      expect(out.status).toBe(200);
    });

    // Open and quiet is no activity: the stream does not keep an idle session alive.
    const second = await signIn();
    expect((await h().request('PUT', '/api/v1/settings/sign-in', { sessionIdleMinutes: 15 })).status).toBe(
      200,
    );
    try {
      await endsWhenSignedOut(withCookie(second), async () => {
        h().advance(16 * 60_000);
      });
    } finally {
      await h().request('PUT', '/api/v1/settings/sign-in', { sessionIdleMinutes: null });
    }
  });
});
