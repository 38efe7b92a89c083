import { expect, it } from 'vitest';
import { openEventStream, type StreamEvent } from '../../bench/soak/sse.ts';
import { putNotice } from '../../src/notifications/notice.commands.ts';
import { describeOnDatabases, newCase } from '../support/harness.ts';

// The bell follows the live stream's `inbox` word (its person's notifications changed) instead of
// reading the inbox again at every event of the organisation; so that word must come for every
// notification written, whatever writes it, to that person's streams alone, and after the commit.

describeOnDatabases('the inbox signal on the live stream', (h) => {
  const streamOf = async (key: string) => {
    const stream = openEventStream('http://baton.test', await h().tokenFor(key), {
      fetch: async (url, init) => h().runtime.app.request(url, init),
    });
    await stream.ready;
    return stream;
  };
  const inboxWords = (s: { events: StreamEvent[] }) => s.events.filter((e) => e.event === 'inbox').length;
  /** Waits for a case event that follows everything written before it, so "none came" means none. */
  const settle = async (streams: ReturnType<typeof openEventStream>[]) => {
    const c = await h().request('POST', '/api/v1/cases', newCase());
    for (const s of streams)
      expect(
        await s.waitFor((e) => e.event === 'case-event' && e.data.caseId === c.body.id, 3_000),
      ).toBeDefined();
  };

  it("tells a person's streams, and only theirs, when a notification comes and when it is read", async () => {
    const lucas = await streamOf('lucas');
    const tom = await streamOf('tom');
    try {
      const c = await h().request('POST', '/api/v1/cases', newCase());
      const note = await h().request(
        'POST',
        `/api/v1/cases/${c.body.id}/messages`,
        { role: 'internal', text: '@lucas can you take this one?' },
        { token: await h().tokenFor('amara') },
      );
      expect(note.status).toBe(201);
      const word = await lucas.waitFor((e) => e.event === 'inbox', 3_000);
      expect(word?.data).toEqual({ at: expect.stringMatching(/Z$/) });
      // The word carries nothing of the notification: the bell reads its own inbox.
      expect(JSON.stringify(word?.data)).not.toContain('lucas');
      await settle([lucas, tom]);
      expect(inboxWords(lucas)).toBe(1);
      expect(inboxWords(tom)).toBe(0);

      // Read in one tab: his other tabs hear it. Reading nothing new says nothing.
      const lucasToken = { token: await h().tokenFor('lucas') };
      const inbox = await h().request('GET', '/api/v1/notifications', undefined, lucasToken);
      const [first] = inbox.body.items;
      expect(
        (await h().request('POST', `/api/v1/notifications/${first.id}/read`, undefined, lucasToken)).status,
      ).toBe(200);
      expect(await lucas.waitFor(() => inboxWords(lucas) === 2, 3_000)).toBeDefined();
      expect(
        (await h().request('POST', `/api/v1/notifications/${first.id}/read`, undefined, lucasToken)).status,
      ).toBe(200);
      expect(
        (await h().request('POST', '/api/v1/notifications/read-all', undefined, lucasToken)).body.marked,
      ).toBe(0);
      await settle([lucas, tom]);
      expect(inboxWords(lucas)).toBe(2);
      expect(inboxWords(tom)).toBe(0);
    } finally {
      for (const s of [lucas, tom]) {
        s.close();
        await s.ended.catch(() => undefined);
      }
    }
  });

  it("says so for Baton's own notices too (a send given up), once per person told", async () => {
    const tom = await streamOf('tom');
    const lucas = await streamOf('lucas');
    try {
      const notice = {
        orgId: h().org.orgId,
        kind: 'send_failed',
        eventId: 'inbox-signal-1',
        title: 'Your Slack messages from Baton are not getting through',
        body: 'Check your Slack address.',
        link: null,
      };
      const tomId = h().org.personIds.get('tom')!;
      expect(await putNotice(h().database.db, [tomId], notice, h().now())).toBe(1);
      expect(await tom.waitFor((e) => e.event === 'inbox', 3_000)).toBeDefined();
      // The same notice again is not a new one: nothing to say.
      expect(await putNotice(h().database.db, [tomId], notice, h().now())).toBe(0);
      await settle([tom, lucas]);
      expect(inboxWords(tom)).toBe(1);
      expect(inboxWords(lucas)).toBe(0);
    } finally {
      for (const s of [tom, lucas]) {
        s.close();
        await s.ended.catch(() => undefined);
      }
    }
  });
});
