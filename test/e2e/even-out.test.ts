import { expect, it } from 'vitest';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';
import { snapshot } from '../support/snapshot.ts';

type Member = { id: string; name: string; able: boolean; waiting: number; before: number; after: number };
type Answer = {
  team: string;
  dryRun: boolean;
  moves: { handoffId: string; caseId: string; subject: string; from: { id: string }; to: { id: string } }[];
  members: Member[];
  staying: { handoffId: string; caseId: string; holder: { id: string; name: string }; reason: string }[];
};

// A supervisor evens out a team's waiting handoffs: a preview changes nothing; the real thing moves
// the oldest waiting from the most loaded to the least, never an accepted one, each an owner change.
describeOnDatabases('evening out a team’s load', (h) => {
  const id = (key: string) => h().org.personIds.get(key)!;
  const sendTo = async (owner: string, n: number) => {
    const sent: { id: string; caseId: string }[] = [];
    for (let i = 0; i < n; i++) {
      const kase = await h().request('POST', '/api/v1/cases', newCase({ subject: `Even out ${owner} ${i}` }));
      const s = await h().request('POST', `/api/v1/cases/${kase.body.id}/handoffs`, {
        scenario: 'billing-to-finance',
        packet: fullPacket,
      });
      expect(s.status).toBe(201);
      if (s.body.owner.id !== id(owner))
        expect(
          (
            await h().request('POST', `/api/v1/handoffs/${s.body.id}/reassign`, {
              ownerId: id(owner),
              reason: 'piling up',
            })
          ).status,
        ).toBe(200);
      sent.push({ id: s.body.id, caseId: kase.body.id });
    }
    return sent;
  };
  const loads = (a: Answer, key: 'before' | 'after') =>
    Object.fromEntries(a.members.map((m) => [m.id, m[key]]));

  it('previews the moves without changing anything, then makes them', async () => {
    const piled = await sendTo('priya', 7);
    // One Priya is working on stays hers.
    expect((await h().request('POST', `/api/v1/handoffs/${piled[0]!.id}/accept`)).status).toBe(200);
    const supervisor = await h().tokenFor('samuel');
    const before = await snapshot(h().database);
    const preview = await h().request(
      'POST',
      '/api/v1/teams/finance/even-out',
      { dryRun: true },
      { token: supervisor },
    );
    expect(preview.status).toBe(200);
    const plan = preview.body as Answer;
    expect(plan.dryRun).toBe(true);
    expect(plan.moves.length).toBeGreaterThanOrEqual(3);
    expect(plan.moves.every((m) => m.from.id === id('priya'))).toBe(true);
    expect(plan.moves.map((m) => m.handoffId)).not.toContain(piled[0]!.id);
    // Each named by its case's subject.
    for (const m of plan.moves) expect(m.subject).toMatch(/^Even out priya \d$/);
    expect(await snapshot(h().database)).toEqual(before);

    const done = await h().request(
      'POST',
      '/api/v1/teams/finance/even-out',
      { reason: 'Priya is swamped' },
      { token: supervisor },
    );
    expect(done.status).toBe(200);
    const made = done.body as Answer;
    expect(made.moves.map((m) => m.handoffId)).toEqual(plan.moves.map((m) => m.handoffId));
    // Within one of each other among those who can take work, counted again from the database.
    const after = loads(made, 'after');
    const able = made.members.filter((m) => m.able).map((m) => after[m.id]!);
    expect(Math.max(...able) - Math.min(...able)).toBeLessThanOrEqual(1);
    for (const m of made.moves) {
      const now = (await h().request('GET', `/api/v1/handoffs/${m.handoffId}`)).body;
      expect(now.owner.id).toBe(m.to.id);
      const events = (await h().request('GET', `/api/v1/cases/${m.caseId}/events`)).body.items;
      expect(events.filter((e: { type: string }) => e.type === 'owner.changed').at(-1)).toMatchObject({
        actorId: id('samuel'),
        data: { from: id('priya'), to: m.to.id, reason: 'Priya is swamped' },
      });
    }
    expect((await h().request('GET', `/api/v1/handoffs/${piled[0]!.id}`)).body.owner.id).toBe(id('priya'));
    // Evened out, a second run finds nothing to move.
    const again = await h().request('POST', '/api/v1/teams/finance/even-out', {}, { token: supervisor });
    expect(again.body.moves).toEqual([]);
  });

  it('moves what someone away is holding to those who can take it', async () => {
    const held = await sendTo('tom', 2);
    const away = await h().request('POST', `/api/v1/people/${id('tom')}/availability`, {
      availability: 'away',
    });
    expect(away.status).toBe(200);
    const done = (await h().request('POST', '/api/v1/teams/finance/even-out', {})).body as Answer;
    for (const s of held) {
      const moved = done.moves.find((m) => m.handoffId === s.id);
      expect(moved?.to.id).not.toBe(id('tom'));
    }
    expect(done.members.find((m) => m.id === id('tom'))).toMatchObject({ able: false, after: 0 });
    await h().request('POST', `/api/v1/people/${id('tom')}/availability`, { availability: 'available' });
  });

  it('says which waiting handoffs stay, and why, when nobody who can take work has room', async () => {
    const held = await sendTo('tom', 2);
    const everyone = ['tom', 'priya', 'grace'];
    const set = (availability: string) =>
      Promise.all(
        everyone.map((k) => h().request('POST', `/api/v1/people/${id(k)}/availability`, { availability })),
      );
    await set('away');
    const plan = (await h().request('POST', '/api/v1/teams/finance/even-out', { dryRun: true }))
      .body as Answer;
    expect(plan.moves).toEqual([]);
    for (const s of held)
      expect(plan.staying.find((x) => x.handoffId === s.id)).toEqual({
        handoffId: s.id,
        caseId: s.caseId,
        subject: expect.stringMatching(/^Even out tom \d$/),
        holder: { id: id('tom'), name: 'Tom Becker' },
        reason: 'nobody_free',
      });
    expect(plan.staying.every((x) => x.reason === 'nobody_free')).toBe(true);
    // Someone back with room: they move, and nothing is said to stay.
    await h().request('POST', `/api/v1/people/${id('grace')}/availability`, { availability: 'available' });
    const back = (await h().request('POST', '/api/v1/teams/finance/even-out', { dryRun: true }))
      .body as Answer;
    for (const s of held) expect(back.moves.find((m) => m.handoffId === s.id)?.to.id).toBe(id('grace'));
    expect(back.staying.filter((x) => held.some((s) => s.id === x.handoffId))).toEqual([]);
    await set('available');
  });

  it('leaves the handoffs the supervisor keeps with their holder, moving others in their place', async () => {
    const piled = await sendTo('priya', 6);
    const supervisor = await h().tokenFor('samuel');
    const first = (
      await h().request('POST', '/api/v1/teams/finance/even-out', { dryRun: true }, { token: supervisor })
    ).body as Answer;
    const chosen = first.moves.map((m) => m.handoffId).filter((id) => piled.some((p) => p.id === id));
    expect(chosen.length).toBeGreaterThan(0);
    const kept = chosen[0]!;
    const done = (
      await h().request(
        'POST',
        '/api/v1/teams/finance/even-out',
        { keep: [kept, 'no-such-handoff'] },
        { token: supervisor },
      )
    ).body as Answer;
    // As many move (someone else's waiting handoff goes instead), never the one kept.
    expect(done.moves.length).toBe(first.moves.length);
    expect(done.moves.map((m) => m.handoffId)).not.toContain(kept);
    expect(done.staying.find((x) => x.handoffId === kept)).toMatchObject({
      holder: { id: id('priya') },
      reason: 'kept',
    });
    expect((await h().request('GET', `/api/v1/handoffs/${kept}`)).body.owner.id).toBe(id('priya'));
    // A list that is not one of ids is refused whole, moving nothing.
    const before = await snapshot(h().database);
    const bad = await h().request(
      'POST',
      '/api/v1/teams/finance/even-out',
      { keep: 'all' },
      { token: supervisor },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('keep');
    expect(await snapshot(h().database)).toEqual(before);
  });

  it('refuses an unknown team, an agent, and a bad reason, changing nothing', async () => {
    const priya = await h().tokenFor('priya');
    const before = await snapshot(h().database);
    const unknown = await h().request('POST', '/api/v1/teams/nope/even-out', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    const agent = await h().request('POST', '/api/v1/teams/finance/even-out', {}, { token: priya });
    expect(agent.status).toBe(403);
    const long = await h().request('POST', '/api/v1/teams/finance/even-out', { reason: 'x'.repeat(1001) });
    expect(long.status).toBe(400);
    expect(long.body.error.code).toBe('validation_failed');
    expect(await snapshot(h().database)).toEqual(before);
  });
});
