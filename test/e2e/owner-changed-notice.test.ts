import { expect, it } from 'vitest';
import { sweepLostEscalations } from '../../src/ownership/ownership.jobs.ts';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';

type Notice = { kind: string; title: string; body: string; link: string; channels: string[] };

// A handoff made someone's by another person or by Baton is said in the new owner's bell, with who
// and why; a send's first owner, and someone taking a handoff themselves, are told nothing.
describeOnDatabases('telling a person a handoff is theirs now', (h) => {
  const noticesOf = async (key: string): Promise<Notice[]> =>
    (
      await h().request('GET', '/api/v1/notifications', undefined, { token: await h().tokenFor(key) })
    ).body.items.filter((n: Notice) => n.kind === 'owner_changed');
  const keyOf = (id: string) => [...h().org.personIds].find(([, v]) => v === id)![0];
  const sendOne = async (subject: string) => {
    const c = await h().request('POST', '/api/v1/cases', newCase({ subject }));
    const sent = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    expect(sent.status).toBe(201);
    return sent.body as { id: string; owner: { id: string; name: string } };
  };

  it('tells the new owner who gave it and why, in the bell only by default; nobody else', async () => {
    const sent = await sendOne('Owner notice: refund owed');
    const first = keyOf(sent.owner.id);
    expect(await noticesOf(first)).toEqual([]);
    const to = ['tom', 'priya'].find((k) => k !== first)!;
    const moved = await h().request(
      'POST',
      `/api/v1/handoffs/${sent.id}/reassign`,
      { ownerId: h().org.personIds.get(to), reason: 'Billing specialist' },
      { token: await h().tokenFor('grace') },
    );
    expect(moved.status).toBe(200);
    const told = await noticesOf(to);
    expect(told).toEqual([
      expect.objectContaining({
        title: 'Grace Liu gave you the handoff on "Owner notice: refund owed"',
        body: `You own it now for Finance, after ${sent.owner.name}. Reason: Billing specialist.`,
        link: `/handoffs/${sent.id}`,
        channels: [],
      }),
    ]);
    expect(await noticesOf('grace')).toEqual([]);
    expect(await noticesOf(first)).toEqual([]);
  });

  it('tells nobody when a teammate takes the handoff by accepting it', async () => {
    const sent = await sendOne('Owner notice: taken by a teammate');
    const taker = ['tom', 'priya', 'grace'].find((k) => h().org.personIds.get(k) !== sent.owner.id)!;
    const firstOwner = keyOf(sent.owner.id);
    const before = [(await noticesOf(taker)).length, (await noticesOf(firstOwner)).length];
    const accepted = await h().request('POST', `/api/v1/handoffs/${sent.id}/accept`, undefined, {
      token: await h().tokenFor(taker),
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.owner.id).toBe(h().org.personIds.get(taker));
    expect([(await noticesOf(taker)).length, (await noticesOf(firstOwner)).length]).toEqual(before);
  });

  it('says Baton handed it on when its owner leaves the team', async () => {
    const sent = await sendOne('Owner notice: owner leaves');
    const leaving = keyOf(sent.owner.id);
    const left = await h().request(
      'POST',
      `/api/v1/teams/finance/members/${h().org.personIds.get(leaving)}/leave`,
    );
    expect(left.status).toBe(200);
    const now = (await h().request('GET', `/api/v1/handoffs/${sent.id}`)).body.owner;
    expect(now.id).not.toBe(sent.owner.id);
    // All the leaver's open handoffs move in one pass: those given to the same person are one notice,
    // about this handoff alone (linking to it), or about several (linking to the person's queue).
    const told = (await noticesOf(keyOf(now.id))).filter((n) => n.body.includes('Reason: left team finance'));
    expect(told).toHaveLength(1);
    const alone = told[0]!.link === `/handoffs/${sent.id}`;
    expect(told[0]!.title).toMatch(
      alone
        ? /^Baton gave you the handoff on "Owner notice: owner leaves"$/
        : /^Baton gave you \d+ handoffs$/,
    );
    expect(told[0]!.body).toMatch(
      new RegExp(
        `^You own ${alone ? 'it' : 'them'} now for Finance, after ${sent.owner.name}(: .+)?\\. Reason: .+\\.$`,
      ),
    );
  });

  it('says why when the sweeper hands on a handoff waiting for someone away', async () => {
    const sent = await sendOne('Owner notice: owner away');
    const away = keyOf(sent.owner.id);
    const set = await h().request(
      'POST',
      `/api/v1/people/${sent.owner.id}/availability`,
      { availability: 'away' },
      { token: await h().tokenFor(away) },
    );
    expect(set.status).toBe(200);
    expect(await sweepLostEscalations(h().runtime.services)).toBeGreaterThanOrEqual(1);
    const now = (await h().request('GET', `/api/v1/handoffs/${sent.id}`)).body.owner;
    expect(now.id).not.toBe(sent.owner.id);
    // The sweeper hands on all the away person's waiting handoffs in one pass: those going to the same
    // person are one notice ("Baton gave you 3 handoffs").
    const told = (await noticesOf(keyOf(now.id))).filter((n) => n.body.includes('its owner was away'));
    expect(told.map((n) => n.body)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^You own (it|them) now for Finance, after ${sent.owner.name}(: .+)?\\. Reason: its owner was away, offline or gone \\(.+\\)\\.$`,
        ),
      ),
    ]);
    await h().request(
      'POST',
      `/api/v1/people/${sent.owner.id}/availability`,
      { availability: 'available' },
      { token: await h().tokenFor(away) },
    );
  });
});
