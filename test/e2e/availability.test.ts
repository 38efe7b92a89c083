import { expect, it } from 'vitest';
import { openEventStream } from '../../bench/soak/sse.ts';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';
import { snapshot } from '../support/snapshot.ts';

type Change = {
  action: string;
  subject: string;
  actor: { id: string } | null;
  detail: Record<string, { from: unknown; to: unknown }>;
};

// A person sets their own status at will; a lead or a supervisor may set anyone's, and that is in
// the change log. Nobody else may, and a status Baton does not know is refused; neither changes anything.
// Going home sick, a person (or a lead for them) hands on every open handoff they own at once.
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
    // A case event follows everything committed before it: a word of an earlier test (on
    // PostgreSQL a NOTIFY reaches the process a moment after its commit) is counted before, not after.
    const settle = async () => {
      const c = await h().request('POST', '/api/v1/cases', newCase());
      for (const s of [priya, tom])
        expect(
          await s.waitFor((e) => e.event === 'case-event' && e.data.caseId === c.body.id, 3_000),
        ).toBeDefined();
    };
    const meWords = (s: typeof priya) => s.events.filter((e) => e.event === 'me').length;
    try {
      await settle();
      const before = [meWords(priya), meWords(tom)];
      expect((await setAs('grace', 'priya', 'away')).status).toBe(200);
      const word = await priya.waitFor((e) => e.event === 'me' && meWords(priya) > before[0]!, 3_000);
      expect(word?.data).toEqual({ at: expect.stringMatching(/Z$/) });
      // The same status again says nothing.
      expect((await setAs('grace', 'priya', 'away')).status).toBe(200);
      await settle();
      expect([meWords(priya), meWords(tom)]).toEqual([before[0]! + 1, before[1]]);
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

  it('hands on every open handoff a person owns, waiting or accepted, with the reason', async () => {
    const mine: string[] = [];
    const tom = h().org.personIds.get('tom')!;
    for (let i = 0; i < 3; i++) {
      const c = await h().request('POST', '/api/v1/cases', newCase({ subject: `Hand-on run ${i}` }));
      const sent = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
        scenario: 'billing-to-finance',
        packet: fullPacket,
      });
      const moved = await h().request('POST', `/api/v1/handoffs/${sent.body.id}/reassign`, {
        ownerId: tom,
        reason: 'set-up',
      });
      expect(moved.body.owner.id).toBe(tom);
      mine.push(sent.body.id);
    }
    // One accepted: setting oneself away would leave that one; handing on takes it too.
    const tomToken = { token: await h().tokenFor('tom') };
    expect(
      (await h().request('POST', `/api/v1/handoffs/${mine[0]}/accept`, undefined, tomToken)).status,
    ).toBe(200);
    const done = await h().request(
      'POST',
      `/api/v1/people/${tom}/hand-on`,
      { reason: 'Gone home sick' },
      tomToken,
    );
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ id: tom, handedOn: expect.any(Number), kept: 0 });
    expect(done.body.handedOn).toBeGreaterThanOrEqual(3);
    for (const id of mine) {
      const now = await h().request('GET', `/api/v1/handoffs/${id}`);
      expect(now.body.owner.id, id).not.toBe(tom);
      const events = await h().request('GET', `/api/v1/cases/${now.body.caseId}/events`);
      const last = events.body.items.filter((e: { type: string }) => e.type === 'owner.changed').at(-1);
      expect(last.data).toMatchObject({
        from: tom,
        reason: expect.stringMatching(/^Gone home sick \(.+\)$/),
      });
    }
    expect((await h().request('GET', `/api/v1/handoffs/${mine[0]}`)).body.state).toBe('accepted');
    // Nothing left: handing on again is 0; without a body the reason says who did it.
    const again = await h().request('POST', `/api/v1/people/${tom}/hand-on`, undefined, {
      token: await h().tokenFor('grace'),
    });
    expect(again.status).toBe(200);
    expect(again.body.handedOn).toBe(0);
  });

  it('keeps what nobody else can take with the team lead who hands it on, and says so', async () => {
    // Noah away, Tier 2 is Fatima alone, its lead: the fallback owner of everything sent there.
    const noah = h().org.personIds.get('noah')!;
    expect(
      (await h().request('POST', `/api/v1/people/${noah}/availability`, { availability: 'offline' })).status,
    ).toBe(200);
    const c = await h().request('POST', '/api/v1/cases', newCase({ subject: 'Hand-on run: tier 2' }));
    const sent = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'tier1-to-tier2',
      packet: fullPacket,
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const fatima = h().org.personIds.get('fatima')!;
    expect(sent.body.owner.id).toBe(fatima);
    const done = await h().request('POST', `/api/v1/people/${fatima}/hand-on`, undefined, {
      token: await h().tokenFor('fatima'),
    });
    expect(done.status).toBe(200);
    expect(done.body.handedOn).toBe(0);
    expect(done.body.kept).toBeGreaterThanOrEqual(1);
    expect((await h().request('GET', `/api/v1/handoffs/${sent.body.id}`)).body.owner.id).toBe(fatima);
    await h().request('POST', `/api/v1/people/${noah}/availability`, { availability: 'available' });
  });

  it('refuses to hand on someone else’s work for an agent, and an empty reason, changing nothing', async () => {
    await h().tokenFor('tom');
    const was = await snapshot(h().database);
    const priya = h().org.personIds.get('priya')!;
    const other = await h().request(
      'POST',
      `/api/v1/people/${priya}/hand-on`,
      {},
      {
        token: await h().tokenFor('tom'),
      },
    );
    expect(other.status).toBe(403);
    expect(other.body.error.message).toBe(
      'only the person, a lead or a supervisor may hand on their handoffs',
    );
    const blank = await h().request('POST', `/api/v1/people/${priya}/hand-on`, { reason: '  ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error).toMatchObject({ code: 'validation_failed', field: 'reason' });
    const nobody = await h().request('POST', '/api/v1/people/p_nobody/hand-on', {});
    expect(nobody.status).toBe(404);
    expect(await snapshot(h().database)).toEqual(was);
  });
});
