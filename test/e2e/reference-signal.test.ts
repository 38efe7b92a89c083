import { expect, it } from 'vitest';
import { openEventStream } from '../../bench/soak/sse.ts';
import { createApiToken } from '../../src/auth/auth.commands.ts';
import { describeOnDatabases, newCase } from '../support/harness.ts';

type Member = { id: string; name: string; active: boolean };

/**
 * Every open page of an organisation holds its people, teams and scenarios (owner choices, "Priya
 * Raman (away)"); when they change, the live stream says `reference` to all of them, whatever case a
 * page follows, and to no other organisation. A change that changes nothing, and a refused one, say
 * nothing.
 */
describeOnDatabases('the live stream’s word that the reference data changed', (h) => {
  const streamOf = async (token: string, query = '') => {
    const stream = openEventStream('http://baton.test', token, {
      fetch: async (url, init) => h().runtime.app.request(`${url}${query}`, init),
    });
    await stream.ready;
    return stream;
  };
  const words = (s: Awaited<ReturnType<typeof streamOf>>) =>
    s.events.filter((e) => e.event === 'reference').length;

  it('reaches every stream of the organisation after a change of its people or teams, and no other', async () => {
    const watched = await h().request('POST', '/api/v1/cases', newCase({ subject: 'Followed case' }));
    const otherToken = (
      await createApiToken(h().database.db, {
        orgId: h().other.orgId,
        name: 'other-org-watcher',
        roles: ['agent'],
        personId: h().other.personIds.get('priya'),
      })
    ).token;
    const grace = await h().tokenFor('grace');
    const ines = await h().tokenFor('ines');
    const priyaToken = await h().tokenFor('priya');
    const asPriya = { token: priyaToken };
    const priya = await streamOf(priyaToken);
    // A page that follows one case only (the case room) hears it too.
    const tom = await streamOf(await h().tokenFor('tom'), `?case=${watched.body.id}`);
    const other = await streamOf(otherToken);
    const all = [priya, tom, other];
    // A case event follows everything committed before it (on PostgreSQL a NOTIFY reaches the
    // process a moment after its commit): what is counted after it was said by then.
    const settle = async () => {
      const c = await h().request('POST', '/api/v1/cases', newCase());
      expect(
        await priya.waitFor((e) => e.event === 'case-event' && e.data.caseId === c.body.id, 3_000),
      ).toBeDefined();
      const o = await h().request('POST', '/api/v1/cases', newCase(), {
        headers: { 'X-Baton-Org': 'other' },
      });
      expect(
        await other.waitFor((e) => e.event === 'case-event' && e.data.caseId === o.body.id, 3_000),
      ).toBeDefined();
    };
    const heard = async (stream: typeof priya, before: number) =>
      stream.waitFor((e) => e.event === 'reference' && words(stream) > before, 3_000);
    const priyaId = h().org.personIds.get('priya')!;
    try {
      await settle();
      let before = all.map(words);

      // A person setting their own status: every page of the organisation hears it, once, with the status.
      expect(
        (
          await h().request(
            'POST',
            `/api/v1/people/${priyaId}/availability`,
            { availability: 'away' },
            asPriya,
          )
        ).status,
      ).toBe(200);
      // Said with the new status, which pages apply without reading anything.
      expect(await heard(priya, before[0]!)).toMatchObject({
        data: { at: expect.stringMatching(/Z$/), availability: { personId: priyaId, availability: 'away' } },
      });
      expect(await heard(tom, before[1]!)).toBeDefined();
      await settle();
      expect(all.map(words)).toEqual([before[0]! + 1, before[1]! + 1, before[2]]);

      // The same status again, a case written, a refused change: nothing.
      before = all.map(words);
      await h().request('POST', `/api/v1/people/${priyaId}/availability`, { availability: 'away' }, asPriya);
      await h().request('POST', '/api/v1/cases', newCase());
      const refused = await h().request('PATCH', '/api/v1/teams/finance', { capacity: 0 }, { token: grace });
      expect(refused.status).toBe(400);
      await settle();
      expect(all.map(words)).toEqual(before);

      // A lead's change of a team: no status in it, so pages read again.
      const changed = await h().request('PATCH', '/api/v1/teams/finance', { capacity: 12 }, { token: grace });
      expect(changed.status).toBe(200);
      expect(await heard(priya, before[0]!)).toBeDefined();
      expect(await heard(tom, before[1]!)).toBeDefined();
      expect(priya.events.filter((e) => e.event === 'reference').at(-1)?.data).toEqual({
        at: expect.stringMatching(/Z$/),
      });

      // A lead setting someone's status: logged as their change, and said once, with the status
      // (before, the log's own signal came too, and every page read everything again).
      await settle();
      before = all.map(words);
      expect(
        (
          await h().request(
            'POST',
            `/api/v1/people/${priyaId}/availability`,
            { availability: 'offline' },
            { token: grace },
          )
        ).status,
      ).toBe(200);
      expect(await heard(priya, before[0]!)).toBeDefined();
      expect(priya.events.filter((e) => e.event === 'reference').at(-1)?.data).toMatchObject({
        availability: { personId: priyaId, availability: 'offline' },
      });
      await settle();
      expect(all.map(words)).toEqual([before[0]! + 1, before[1]! + 1, before[2]]);

      // Someone losing access: still listed as a member, marked, and the pages hear of it.
      before = all.map(words);
      const added = await h().request(
        'POST',
        '/api/v1/people',
        {
          name: 'Leaving Soon',
          email: 'leaving.soon@northwind.example',
          roles: ['agent'],
          teams: ['finance'],
        },
        { token: ines },
      );
      expect(added.status).toBe(201);
      expect(await heard(priya, before[0]!)).toBeDefined();
      before = all.map(words);
      const gone = await h().request(
        'POST',
        `/api/v1/people/${added.body.id}/deactivate`,
        {},
        { token: ines },
      );
      expect(gone.status).toBe(200);
      expect(await heard(priya, before[0]!)).toBeDefined();
      expect(await heard(tom, before[1]!)).toBeDefined();
      await settle();
      expect(words(other)).toBe(before[2]);
      const { members } = (await h().request('GET', '/api/v1/teams/finance')).body as { members: Member[] };
      expect(members.find((m) => m.id === added.body.id)).toMatchObject({
        name: 'Leaving Soon',
        active: false,
      });
      expect(members.find((m) => m.id === priyaId)).toMatchObject({ active: true });
    } finally {
      for (const s of all) s.close();
      await h().request(
        'POST',
        `/api/v1/people/${priyaId}/availability`,
        { availability: 'available' },
        asPriya,
      );
      await h().request('PATCH', '/api/v1/teams/finance', { capacity: 10 }, { token: grace });
    }
  });
});
