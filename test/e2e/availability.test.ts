import { expect, it } from 'vitest';
import { openEventStream } from '../../bench/soak/sse.ts';
import { describeOnDatabases, newCase } from '../support/harness.ts';
import { snapshot } from '../support/snapshot.ts';

type Change = {
  action: string;
  subject: string;
  actor: { id: string } | null;
  detail: Record<string, { from: unknown; to: unknown }>;
};

// A person sets their own status at will; a lead or a supervisor may set anyone's, and that is in
// the change log. Nobody else may, and a status Baton does not know is refused; neither changes anything.
describeOnDatabases('setting a person’s availability', (h) => {
  const setAs = async (key: string | null, personKey: string, availability: unknown) =>
    h().request(
      'POST',
      `/api/v1/people/${h().org.personIds.get(personKey)}/availability`,
      { availability },
      key ? { token: await h().tokenFor(key) } : undefined,
    );
  const changes = async () =>
    (await h().request('GET', '/api/v1/admin/changes', undefined, { token: await h().tokenFor('ines') })).body
      .items as Change[];

  it('logs a status set by a lead, not one a person sets for themselves', async () => {
    const before = (await changes()).length;
    expect((await setAs('priya', 'priya', 'away')).status).toBe(200);
    expect(await changes()).toHaveLength(before);
    const byLead = await setAs('grace', 'priya', 'offline');
    expect(byLead.status).toBe(200);
    expect(byLead.body).toEqual({ id: h().org.personIds.get('priya'), availability: 'offline' });
    const [latest] = await changes();
    expect(latest).toMatchObject({
      action: 'person.changed',
      subject: h().org.personIds.get('priya'),
      actor: { id: h().org.personIds.get('grace') },
      detail: { availability: { from: 'away', to: 'offline' } },
    });
    // The same status again changes nothing, and logs nothing.
    expect((await setAs('grace', 'priya', 'offline')).status).toBe(200);
    expect(await changes()).toHaveLength(before + 1);
    expect((await setAs('priya', 'priya', 'available')).status).toBe(200);
  });

  it("tells the person's own streams, and only theirs, that their status changed", async () => {
    const streamOf = async (key: string) => {
      const stream = openEventStream('http://baton.test', await h().tokenFor(key), {
        fetch: async (url, init) => h().runtime.app.request(url, init),
      });
      await stream.ready;
      return stream;
    };
    const priya = await streamOf('priya');
    const tom = await streamOf('tom');
    try {
      expect((await setAs('grace', 'priya', 'away')).status).toBe(200);
      const word = await priya.waitFor((e) => e.event === 'me', 3_000);
      expect(word?.data).toEqual({ at: expect.stringMatching(/Z$/) });
      // The same status again says nothing; a case event after it shows that nothing else came.
      expect((await setAs('grace', 'priya', 'away')).status).toBe(200);
      const c = await h().request('POST', '/api/v1/cases', newCase());
      for (const s of [priya, tom])
        expect(
          await s.waitFor((e) => e.event === 'case-event' && e.data.caseId === c.body.id, 3_000),
        ).toBeDefined();
      expect(priya.events.filter((e) => e.event === 'me')).toHaveLength(1);
      expect(tom.events.filter((e) => e.event === 'me')).toHaveLength(0);
      expect((await setAs('priya', 'priya', 'available')).status).toBe(200);
    } finally {
      priya.close();
      tom.close();
    }
  });

  it('refuses another agent, and a status it does not know, changing nothing', async () => {
    await h().tokenFor('tom'); // made before the snapshot: a token is a row
    const was = await snapshot(h().database);
    const other = await setAs('tom', 'priya', 'away');
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('forbidden');
    const bad = await setAs('priya', 'priya', 'lunch');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'validation_failed', field: 'availability' });
    expect(await snapshot(h().database)).toEqual(was);
  });
});
