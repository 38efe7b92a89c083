import { expect, it } from 'vitest';
import { getHandoff } from '../../src/handoffs/handoffs.queries.ts';
import { createHandoffsIn } from '../../src/handoffs/send.commands.ts';
import type { Packet } from '../../src/packets/packet.types.ts';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';

// A send's answer is built from what its transaction read and wrote (src/handoffs/made-facts.ts),
// not read back after it: it must be exactly what `GET /handoffs/{id}` shows next, whatever the
// case already holds.

describeOnDatabases('the answer to a send', (h) => {
  const newCaseId = async (subject = 'answer') =>
    (await h().request('POST', '/api/v1/cases', newCase({ subject }))).body.id as string;
  const send = (caseId: string, body: object) =>
    h().request('POST', `/api/v1/cases/${caseId}/handoffs`, body);
  const expectSameAsRead = async (answer: { status: number; body: { id: string } }) => {
    expect(answer.status).toBe(201);
    const read = await h().request('GET', `/api/v1/handoffs/${answer.body.id}`);
    expect(read.status).toBe(200);
    expect(answer.body).toEqual(read.body);
  };

  it('is the handoff as read afterwards, for a send and for a draft', async () => {
    const caseId = await newCaseId();
    const sent = await send(caseId, { scenario: 'billing-to-finance', packet: fullPacket });
    // Clocks started together are listed shorter target first (PT4H, then P2D), on every read.
    expect(sent.body).toMatchObject({
      state: 'sent',
      toTeam: 'finance',
      sla: [{ name: 'acknowledge' }, { name: 'resolve' }],
    });
    const listed = await h().request('GET', `/api/v1/handoffs?team=finance&state=sent&limit=5`);
    const row = listed.body.items.find((i: { id: string }) => i.id === sent.body.id);
    expect(row.sla.map((c: { name: string }) => c.name)).toEqual(['acknowledge', 'resolve']);
    expect(sent.body.quality.checks.length).toBeGreaterThan(0);
    await expectSameAsRead(sent);
    const other = await newCaseId();
    const draft = await send(other, {
      scenario: 'tier1-to-tier2',
      packet: { whatHappened: 'x' },
      draft: true,
    });
    expect(draft.body).toMatchObject({ state: 'draft', owner: null, sla: [] });
    await expectSameAsRead(draft);
  });

  it('carries the tuned check weights and the journey before it (a send back to a team that held the case)', async () => {
    const weights = await h().request('PUT', '/api/v1/qa/weights/tier1-to-tier2', {
      weights: { packet_complete: 5, no_ping_pong: 40 },
    });
    expect(weights.status).toBe(200);
    const caseId = await newCaseId('journey');
    const first = await send(caseId, { scenario: 'tier1-to-tier2', packet: fullPacket });
    await expectSameAsRead(first);
    h().advance(60_000);
    const bounced = await h().request('POST', `/api/v1/handoffs/${first.body.id}/bounce`, {
      reason: 'missing_context',
    });
    expect(bounced.status).toBe(200);
    h().advance(60_000);
    const again = await send(caseId, {
      scenario: 'tier1-to-tier2',
      packet: fullPacket,
      previousId: first.body.id,
    });
    const pingPong = again.body.quality.checks.find((c: { id: string }) => c.id === 'no_ping_pong');
    expect(pingPong?.result).toBe('fail');
    await expectSameAsRead(again);
  });

  it('counts messages and re-requested documents dated after the send, as the read does', async () => {
    const caseId = await newCaseId('late message');
    // Messages are never dated ahead of the server's clock: the send is made with a clock set back
    // instead, so the messages fall after its instant (as a send from a process whose clock lags).
    const now = h().now();
    const say = async (role: string, text: string) =>
      expect((await h().request('POST', `/api/v1/cases/${caseId}/messages`, { role, text })).status).toBe(
        201,
      );
    await say(
      'customer',
      'As I said before, my October invoice shows two payments of 89.00, please refund one.',
    );
    h().advance(60_000);
    await say('agent', 'Could you send me a copy of the October invoice so Finance can check it?');
    h().setNow(new Date(now.getTime() - 60 * 60_000));
    try {
      const sent = await send(caseId, { scenario: 'billing-to-finance', packet: fullPacket });
      await expectSameAsRead(sent);
    } finally {
      h().setNow(new Date(now.getTime() + 60_000));
    }
  });

  it('answers each of several sends on one case, made in one transaction, as they are read', async () => {
    const caseId = await newCaseId('together');
    const principal = {
      orgId: h().org.orgId,
      personId: h().org.personIds.get('amara') ?? null,
      roles: new Set(['admin'] as const),
      via: 'api-token' as const,
    };
    const start = h().now().getTime();
    const outcomes = await h().database.db.transaction((tx) =>
      createHandoffsIn(
        tx,
        [
          'billing-to-finance',
          'tier1-to-tier2',
          'tech-to-engineering',
          'tier1-to-tier2',
          'tier1-to-tier2',
        ].map((scenario, i) => ({
          caseId,
          input: { scenario, packet: fullPacket as Packet, draft: i === 4 },
          ctx: { principal, now: new Date(start + 1000 * i) },
        })),
      ),
    );
    // The second send to Tier 2 comes back to a team that held the case earlier in the same group.
    const second = outcomes[3]!;
    expect(second.ok && second.view().quality.checks.find((c) => c.id === 'no_ping_pong')?.result).toBe(
      'fail',
    );
    for (const outcome of outcomes) {
      if (!outcome.ok) throw outcome.error;
      if (outcome.view().state === 'sent')
        expect(outcome.view().sla.map((c) => c.name)).toEqual(['acknowledge', 'resolve']);
      expect(JSON.parse(JSON.stringify(outcome.view()))).toEqual(
        JSON.parse(JSON.stringify(await getHandoff(h().database.db, principal.orgId, outcome.id))),
      );
    }
  });
});
