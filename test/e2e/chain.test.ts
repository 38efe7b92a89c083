import { expect, it } from 'vitest';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';

type Clock = { name: string; state: string };

describeOnDatabases('a case passed on along a chain: one accountable leg at a time', (h) => {
  it('closes the leg its owner passed on once the next team accepts, not before; the last leg resolves the case', async () => {
    const as = async (key: string) => ({ token: await h().tokenFor(key) });
    const handoff = async (id: string) => (await h().request('GET', `/api/v1/handoffs/${id}`)).body;
    const c = await h().request('POST', '/api/v1/cases', newCase());
    const tier2 = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'tier1-to-tier2',
      packet: fullPacket,
    });
    expect(tier2.status, JSON.stringify(tier2.body)).toBe(201);
    const noah = await as('noah');
    expect((await h().request('POST', `/api/v1/handoffs/${tier2.body.id}/accept`, {}, noah)).status).toBe(
      200,
    );
    h().advance(10 * 60_000);

    // Noah passes the case on to Engineering: until Engineering accepts, Tier 2 is accountable.
    const eng = await h().request(
      'POST',
      `/api/v1/cases/${c.body.id}/handoffs`,
      { scenario: 'tech-to-engineering', packet: fullPacket },
      noah,
    );
    expect(eng.status, JSON.stringify(eng.body)).toBe(201);
    expect((await handoff(tier2.body.id)).state).toBe('accepted');
    const kenji = await as('kenji');
    const bounced = await h().request(
      'POST',
      `/api/v1/handoffs/${eng.body.id}/bounce`,
      { reason: 'missing_context', note: 'Which firmware?' },
      kenji,
    );
    expect(bounced.status).toBe(200);
    expect((await handoff(tier2.body.id)).state).toBe('accepted');

    const again = await h().request(
      'POST',
      `/api/v1/cases/${c.body.id}/handoffs`,
      { scenario: 'tech-to-engineering', packet: fullPacket, previousId: eng.body.id },
      noah,
    );
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    h().advance(5 * 60_000);
    expect((await h().request('POST', `/api/v1/handoffs/${again.body.id}/accept`, {}, kenji)).status).toBe(
      200,
    );

    // Accepted: the Tier 2 leg is done, its clocks stopped as met, in the same transaction.
    const leg = await handoff(tier2.body.id);
    expect(leg.state).toBe('resolved');
    expect((leg.sla as Clock[]).map((k) => [k.name, k.state]).sort()).toEqual([
      ['acknowledge', 'met'],
      ['resolve', 'met'],
    ]);
    const events = (await h().request('GET', `/api/v1/cases/${c.body.id}/events`)).body.items as {
      type: string;
      handoffId: string | null;
      data: Record<string, unknown>;
    }[];
    const closed = events.filter((e) => e.type === 'handoff.resolved' && e.handoffId === tier2.body.id);
    expect(closed).toHaveLength(1);
    expect(closed[0]!.data).toMatchObject({ passedOnTo: again.body.id, toTeam: 'engineering' });
    // The case is with Engineering now, and resolving its leg resolves the journey.
    const listed = (await h().request('GET', `/api/v1/cases?q=${c.body.id}`)).body.items[0];
    expect(listed.handoff).toMatchObject({ id: again.body.id, state: 'accepted' });
    expect((await h().request('POST', `/api/v1/handoffs/${again.body.id}/resolve`, {}, kenji)).status).toBe(
      200,
    );
    const open = (await h().request('GET', `/api/v1/handoffs?caseId=${c.body.id}`)).body.items.filter(
      (x: { state: string }) => x.state === 'sent' || x.state === 'accepted',
    );
    expect(open).toEqual([]);
  });

  it('leaves a leg alone when someone other than its owner sends the case on', async () => {
    const c = await h().request('POST', '/api/v1/cases', newCase());
    const tier2 = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'tier1-to-tier2',
      packet: fullPacket,
    });
    const noah = { token: await h().tokenFor('noah') };
    await h().request('POST', `/api/v1/handoffs/${tier2.body.id}/accept`, {}, noah);
    const amara = { token: await h().tokenFor('amara') };
    const billing = await h().request(
      'POST',
      `/api/v1/cases/${c.body.id}/handoffs`,
      { scenario: 'billing-to-finance', packet: fullPacket },
      amara,
    );
    expect(billing.status).toBe(201);
    const priya = { token: await h().tokenFor('priya') };
    expect((await h().request('POST', `/api/v1/handoffs/${billing.body.id}/accept`, {}, priya)).status).toBe(
      200,
    );
    expect((await h().request('GET', `/api/v1/handoffs/${tier2.body.id}`)).body.state).toBe('accepted');
  });
});
