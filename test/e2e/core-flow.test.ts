import { expect, it } from 'vitest';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';

describeOnDatabases('core flow over HTTP', (h) => {
  it('creates a case, hands it off, accepts, resolves', async () => {
    const created = await h().request('POST', '/api/v1/cases', newCase());
    expect(created.status).toBe(201);
    const caseId = created.body.id;
    expect(created.body.customer.id).toMatch(/^cu_/);

    const sent = await h().request('POST', `/api/v1/cases/${caseId}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    expect(sent.status).toBe(201);
    expect(sent.body.state).toBe('sent');
    expect(sent.body.toTeam).toBe('finance');
    expect(sent.body.owner.id).toMatch(/^p_/);
    const ack = sent.body.sla.find((c: { name: string }) => c.name === 'acknowledge');
    expect(ack.target).toBe('PT4H');
    expect(ack.deadline).toBe('2026-11-23T14:45:00.000Z'); // 4 business hours with a 45-minute lunch
    expect(sent.body.customerUpdate.replyBy).toBe(ack.deadline);

    const accepted = await h().request('POST', `/api/v1/handoffs/${sent.body.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.state).toBe('accepted');
    const again = await h().request('POST', `/api/v1/handoffs/${sent.body.id}/accept`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invalid_transition');
    const resolved = await h().request('POST', `/api/v1/handoffs/${sent.body.id}/resolve`);
    expect(resolved.body.state).toBe('resolved');

    const events = await h().request('GET', `/api/v1/cases/${caseId}/events`);
    const types = events.body.items.map((e: { type: string }) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'case.created',
        'handoff.sent',
        'owner.assigned',
        'handoff.accepted',
        'handoff.resolved',
      ]),
    );
  });

  it('refuses an incomplete packet, naming each missing field, and stores nothing', async () => {
    const c = await h().request('POST', '/api/v1/cases', newCase());
    const res = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: { whatHappened: ' ', urgency: 'high' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('packet_incomplete');
    expect(res.body.error.missing).toEqual([
      'whatHappened',
      'attempted',
      'emotion',
      'documents',
      'nextSteps',
    ]);
    const kase = await h().request('GET', `/api/v1/cases/${c.body.id}`);
    expect(kase.body.handoffs).toEqual([]);
  });

  it('saves an incomplete draft, names what is missing, and cancels it with an owner', async () => {
    const c = await h().request('POST', '/api/v1/cases', newCase());
    const draft = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: { whatHappened: 'Charged twice' },
      draft: true,
    });
    expect(draft.status).toBe(201);
    expect(draft.body.state).toBe('draft');
    expect(draft.body.owner).toBeNull();
    expect(draft.body.missing).toEqual(['attempted', 'emotion', 'documents', 'urgency', 'nextSteps']);
    const refused = await h().request('POST', `/api/v1/handoffs/${draft.body.id}/send`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('packet_incomplete');
    const cancelled = await h().request('POST', `/api/v1/handoffs/${draft.body.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.state).toBe('cancelled');
    expect(cancelled.body.owner.name).toBe('Sofía Herrera');
  });
});
