import { expect, it } from 'vitest';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';

type Handoff = { id: string; owner: { id: string } };
type Answer = {
  moves: { handoffId: string; from: { id: string }; to: { id: string } }[];
  staying: { handoffId: string; holder: { id: string; name: string }; reason: string; skills?: string[] }[];
};

/**
 * A handoff sent under a scenario that routes by skills keeps to people with those skills whenever
 * its owner is chosen again: reassigned by the team's rule (one, or several at once), handed on, or
 * moved by an even-out; someone less loaded without the skills is not chosen over someone with them.
 */
describeOnDatabases('skills honoured whenever an owner is chosen again', (h) => {
  const id = (key: string) => h().org.personIds.get(key)!;
  const mobile = {
    id: 'mobile-to-engineering',
    name: 'Mobile app to Engineering',
    toTeam: 'engineering',
    required: ['whatHappened'],
    sla: [{ name: 'acknowledge', target: 'P1D' }],
    ownership: 'skills',
    skills: ['mobile'],
  };
  const send = async (subject: string) => {
    const kase = await h().request('POST', '/api/v1/cases', newCase({ subject }));
    const sent = await h().request('POST', `/api/v1/cases/${kase.body.id}/handoffs`, {
      scenario: mobile.id,
      packet: fullPacket,
    });
    expect(sent.status).toBe(201);
    return sent.body as Handoff;
  };
  const ownerOf = async (handoffId: string) =>
    ((await h().request('GET', `/api/v1/handoffs/${handoffId}`)).body as Handoff).owner.id;

  it('reassigns, hands on and evens out to people with the skills, not to the least loaded without them', async () => {
    expect((await h().request('POST', '/api/v1/scenarios', mobile)).status).toBe(201);
    // Kenji and Olivia know the mobile app; Mateo (the lead) does not, and owns nothing here.
    const olivia = await h().request('PATCH', `/api/v1/people/${id('olivia')}`, {
      skills: ['web', 'api', 'mobile'],
    });
    expect(olivia.status).toBe(200);
    const skilled = [id('kenji'), id('olivia')];
    const sent: Handoff[] = [];
    for (let i = 0; i < 4; i++) sent.push(await send(`Mobile app crash ${i}`));
    for (const s of sent) expect(skilled).toContain(s.owner.id);

    // One by the team's rule: to the other one with the skill, though Mateo is less loaded.
    const first = sent[0]!;
    const moved = await h().request('POST', `/api/v1/handoffs/${first.id}/reassign`, { reason: 'Swap' });
    expect(moved.status).toBe(200);
    const other = skilled.find((p) => p !== first.owner.id)!;
    expect(moved.body.owner.id).toBe(other);
    const events = (await h().request('GET', `/api/v1/cases/${moved.body.caseId}/events`)).body.items as {
      type: string;
      data: { reason: string };
    }[];
    // The reason names the rule that chose, as several reassigned at once do.
    expect(events.filter((e) => e.type === 'owner.changed').at(-1)?.data.reason).toBe(
      'Swap (skills match (1/1), least loaded)',
    );

    // Several at once, by the rule: each to the other one with the skill.
    const bulk = await h().request('POST', '/api/v1/handoffs/reassign', {
      ids: sent.slice(1, 3).map((s) => s.id),
      reason: 'Rebalancing',
    });
    expect(bulk.status).toBe(200);
    for (const o of bulk.body.outcomes as { outcome: string; ownerId: string; previousOwnerId: string }[]) {
      expect(o.outcome).toBe('reassigned');
      expect(skilled).toContain(o.ownerId);
      expect(o.ownerId).not.toBe(o.previousOwnerId);
    }

    // Olivia goes away: evening out gives what waits on her to Kenji alone.
    expect(
      (await h().request('POST', `/api/v1/people/${id('olivia')}/availability`, { availability: 'away' }))
        .status,
    ).toBe(200);
    const hers = [];
    for (const s of sent) if ((await ownerOf(s.id)) === id('olivia')) hers.push(s.id);
    expect(hers.length).toBeGreaterThan(0);
    const evened = await h().request(
      'POST',
      '/api/v1/teams/engineering/even-out',
      {},
      { token: await h().tokenFor('samuel') },
    );
    expect(evened.status).toBe(200);
    const moves = (evened.body as Answer).moves;
    expect(moves.map((m) => m.handoffId).sort()).toEqual([...hers].sort());
    for (const m of moves) expect(m.to.id).toBe(id('kenji'));
    // Balanced by load alone, Mateo (owning nothing) would have taken some: the skills hold them.
    const again = await h().request(
      'POST',
      '/api/v1/teams/engineering/even-out',
      { dryRun: true },
      { token: await h().tokenFor('samuel') },
    );
    expect((again.body as Answer).moves).toEqual([]);
    // ... and the plan says why they stay with Kenji: nobody else with room knows mobile.
    const stays = (again.body as Answer).staying;
    expect(stays.map((x) => x.handoffId).sort()).toEqual(sent.map((x) => x.id).sort());
    for (const x of stays) {
      expect(x.holder.id).toBe(id('kenji'));
      expect(x.reason).toBe('skills');
      expect(x.skills).toEqual(['mobile']);
    }

    // Kenji loses his team: what he held goes to whoever of the rest can take it (Olivia is away,
    // nobody else has the skill): Mateo, by load, as a send would.
    const left = await h().request('POST', `/api/v1/teams/engineering/members/${id('kenji')}/leave`);
    expect(left.status).toBe(200);
    for (const s of sent) expect(await ownerOf(s.id)).toBe(id('mateo'));
    await h().request('POST', `/api/v1/people/${id('olivia')}/availability`, { availability: 'available' });
  });
});
