import { expect, it } from 'vitest';
import { adminToken, describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';

// The live stream (`GET /api/v1/stream`) announces each committed event of the caller's
// organisation, in order, in one shape whichever database announced it (PostgreSQL through
// NOTIFY, PGlite in process: db/notices.ts).

type Frame = { event: string; data: Record<string, unknown> };

async function openStream(app: {
  request: (path: string, init: RequestInit) => Response | Promise<Response>;
}) {
  const res = await app.request('/api/v1/stream', { headers: { authorization: `Bearer ${adminToken}` } });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const frames: Frame[] = [];
  let buffered = '';
  let closed = false;
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffered += decoder.decode(value, { stream: true });
      let end = buffered.indexOf('\n\n');
      while (end >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (data) frames.push({ event, data: JSON.parse(data) });
        end = buffered.indexOf('\n\n');
      }
    }
  })();
  return {
    frames,
    async until(done: () => boolean) {
      for (let i = 0; i < 300 && !done() && !closed; i++) await new Promise((r) => setTimeout(r, 10));
    },
    async close() {
      closed = true;
      await reader.cancel().catch(() => {});
      await pump;
    },
  };
}

describeOnDatabases('the live stream', (h) => {
  it("announces the organisation's committed events in order, each with its instant in ISO 8601", async () => {
    const stream = await openStream(h().runtime.app);
    try {
      await stream.until(() => stream.frames.some((f) => f.event === 'ready'));
      expect(stream.frames[0]).toEqual({ event: 'ready', data: { orgId: h().org.orgId } });

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
      const mine = () => stream.frames.filter((f) => f.event === 'case-event' && f.data.caseId === caseId);
      await stream.until(() => mine().length >= logged.length);
      expect(mine().map((f) => f.data.type)).toEqual(logged.map((e) => e.type));
      expect(mine().map((f) => f.data.id)).toEqual(logged.map((e) => e.id));
      const seqs = mine().map((f) => f.data.seq as number);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      for (const f of mine()) {
        expect(f.data.orgId).toBe(h().org.orgId);
        expect(f.data.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      }
      const handoffSent = mine().find((f) => f.data.type === 'handoff.sent')!;
      expect(handoffSent.data.handoffId).toBe(sent.body.id);
      expect(stream.frames.some((f) => f.data.caseId === elsewhere.body.id)).toBe(false);
    } finally {
      await stream.close();
    }
  });
});
