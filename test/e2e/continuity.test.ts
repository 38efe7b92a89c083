import { expect, it } from 'vitest';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';

describeOnDatabases('customer continuity and handoff quality', (h) => {
  it('drafts a warm customer update with the committed reply time and no internal note', async () => {
    const c = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({ customer: { externalId: 'warm-1', name: 'Maria Lopez', timezone: 'Europe/Madrid' } }),
    );
    const packet = {
      ...fullPacket,
      whatHappened: 'INTERNAL: ledger shows double capture',
      nextSteps: ['INTERNAL: refund via Stripe dashboard'],
    };
    const sent = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet,
    });
    const u = sent.body.customerUpdate;
    expect(u.replyBy).toBe(sent.body.sla.find((s: { name: string }) => s.name === 'acknowledge').deadline);
    expect(u.text).toContain('Finance');
    expect(u.text).toContain('Maria');
    expect(u.text).not.toMatch(/INTERNAL|ledger|Stripe/);
  });

  it('scores the transition, failing no_repeat_explanation and routed_right with evidence', async () => {
    const c = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({ customer: { externalId: 'risky-1', name: 'Tom Hart' } }),
    );
    const sent = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    h().advance(60_000);
    const repeat = await h().request('POST', `/api/v1/cases/${c.body.id}/messages`, {
      role: 'customer',
      text: 'As I said before, I was charged twice for my October invoice. Can you fix this?',
    });
    const bounced = await h().request('POST', `/api/v1/handoffs/${sent.body.id}/bounce`, {
      reason: 'wrong_team',
      note: 'This is a card dispute: Tier 2',
    });
    expect(bounced.body.state).toBe('bounced');
    expect(bounced.body.owner.name).toBe('Sofía Herrera'); // no sending person: the sending team's lead owns it
    const checks = Object.fromEntries(bounced.body.quality.checks.map((x: { id: string }) => [x.id, x]));
    expect(checks.no_repeat_explanation).toMatchObject({ result: 'fail', evidence: repeat.body.id });
    expect(checks.routed_right.result).toBe('fail');
    expect(checks.routed_right.evidence).toMatch(/^ev_/);
    expect(checks.packet_complete.result).toBe('pass');
    expect(bounced.body.quality.score).toBeLessThan(80);

    const risk = await h().request('GET', `/api/v1/customers/${c.body.customer.id}/risk`);
    expect(risk.status).toBe(200);
    expect(risk.body.reasons.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining(['repeated_explanation', 'bounced_handoff']),
    );
    expect(['medium', 'high']).toContain(risk.body.level);
  });

  it('answers 404 for an unknown customer', async () => {
    const res = await h().request('GET', '/api/v1/customers/cu_nope/risk');
    expect(res.status).toBe(404);
  });
});
