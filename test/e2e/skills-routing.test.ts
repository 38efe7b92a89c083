import { expect, it } from 'vitest';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';
import { snapshotAll } from '../support/snapshot.ts';

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

/**
 * Skills a sender asks for on the handoff itself ("someone who knows the web app") join the
 * scenario's, make the choice a skills match whatever the team's rule, and stay with the handoff.
 */
describeOnDatabases('skills asked for on a handoff', (h) => {
  const id = (key: string) => h().org.personIds.get(key)!;
  const inTurn = {
    id: 'eng-in-turn',
    name: 'Engineering, in turn',
    toTeam: 'engineering',
    required: ['whatHappened'],
    sla: [{ name: 'acknowledge', target: 'P1D' }],
    ownership: 'round-robin',
  };
  const newCaseId = async (subject: string) =>
    (await h().request('POST', '/api/v1/cases', newCase({ subject }))).body.id as string;

  it('gives the handoff to the member with them, keeps them on it, and says so in its events', async () => {
    expect((await h().request('POST', '/api/v1/scenarios', inTurn)).status).toBe(201);
    // Of engineering only Olivia knows the web app: round-robin would take each member in turn.
    const owners: string[] = [];
    for (let i = 0; i < 3; i++) {
      const caseId = await newCaseId(`Checkout page blank ${i}`);
      const sent = await h().request('POST', `/api/v1/cases/${caseId}/handoffs`, {
        scenario: inTurn.id,
        packet: fullPacket,
        skills: [' web ', 'web'],
      });
      expect(sent.status).toBe(201);
      expect(sent.body.skills).toEqual(['web']);
      owners.push(sent.body.owner.id);
      const events = (await h().request('GET', `/api/v1/cases/${caseId}/events`)).body.items as {
        type: string;
        data: Record<string, unknown>;
      }[];
      expect(events.find((e) => e.type === 'handoff.sent')?.data.skills).toEqual(['web']);
      expect(events.find((e) => e.type === 'owner.assigned')?.data.rule).toBe(
        'skills match (1/1), least loaded',
      );
      expect((await h().request('GET', `/api/v1/handoffs/${sent.body.id}`)).body.skills).toEqual(['web']);
    }
    expect(owners).toEqual([id('olivia'), id('olivia'), id('olivia')]);

    // Without skills the same scenario goes round the team.
    const plain = await h().request('POST', `/api/v1/cases/${await newCaseId('Plain')}/handoffs`, {
      scenario: inTurn.id,
      packet: fullPacket,
    });
    expect(plain.body.skills).toEqual([]);

    // A draft keeps them until it is sent (under a scenario that goes by load).
    const byLoad = { ...inTurn, id: 'eng-by-load', name: 'Engineering, by load', ownership: 'least-loaded' };
    expect((await h().request('POST', '/api/v1/scenarios', byLoad)).status).toBe(201);
    const draftCase = await newCaseId('Drafted first');
    const draft = await h().request('POST', `/api/v1/cases/${draftCase}/handoffs`, {
      scenario: byLoad.id,
      packet: fullPacket,
      draft: true,
      skills: ['mobile'],
    });
    expect(draft.status).toBe(201);
    const sent = await h().request('POST', `/api/v1/handoffs/${draft.body.id}/send`, {});
    expect(sent.status).toBe(200);
    expect(sent.body.owner.id).toBe(id('kenji'));
    expect(sent.body.skills).toEqual(['mobile']);

    // Chosen again by the rule, it keeps to the skills it asked for: to Olivia, now that she knows
    // the mobile app too, not to Mateo, who owns less (by load alone he would have it).
    expect(
      (await h().request('PATCH', `/api/v1/people/${id('olivia')}`, { skills: ['web', 'api', 'mobile'] }))
        .status,
    ).toBe(200);
    const moved = await h().request('POST', `/api/v1/handoffs/${draft.body.id}/reassign`, {
      reason: 'Kenji is out',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.owner.id).toBe(id('olivia'));
  });

  it('refuses skills it cannot read, changing nothing', async () => {
    const caseId = await newCaseId('Bad skills');
    const before = await snapshotAll(h().database);
    for (const skills of [[''], Array.from({ length: 11 }, (_, i) => `skill-${i}`), 'web', [42]]) {
      const res = await h().request('POST', `/api/v1/cases/${caseId}/handoffs`, {
        scenario: 'tech-to-engineering',
        packet: fullPacket,
        skills,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect(await snapshotAll(h().database)).toEqual(before);
  });
});
