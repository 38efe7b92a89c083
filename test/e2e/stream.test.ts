import { expect, it } from 'vitest';
import { openEventStream, type StreamEvent } from '../../bench/soak/sse.ts';
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
});
