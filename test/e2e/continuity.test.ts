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

  it("writes the reply time in the receiving team's zone, named, when the customer's zone is unknown", async () => {
    h().setNow('2026-11-23T10:00:00Z');
    const c = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({ customer: { externalId: 'warm-nozone', name: 'Ada Quinn' } }),
    );
    const sent = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    const u = sent.body.customerUpdate;
    // Finance works in London, where November is GMT.
    const london = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(u.replyBy));
    expect(u.replyBy.slice(0, 10)).toBe('2026-11-23');
    expect(u.text).toContain('Monday 23 November');
    expect(u.text).toContain(`${london} GMT`);
    expect(u.text).not.toMatch(/UTC|2026-11-23/);
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

  it('turns a follow-up promise into a clock whose breach is a broken promise, counted in the risk', async () => {
    h().setNow('2026-11-23T10:00:00Z');
    const c = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({ customer: { externalId: 'promise-1', name: 'Lee Park' } }),
    );
    const sent = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    const promise = await h().request('POST', `/api/v1/handoffs/${sent.body.id}/promises`, {
      text: 'We will call you back by noon',
      due: '2026-11-23T12:00:00Z',
    });
    expect(promise.status).toBe(201);
    expect(promise.body).toMatchObject({ clock: 'promise-1', due: '2026-11-23T12:00:00.000Z' });
    const past = await h().request('POST', `/api/v1/handoffs/${sent.body.id}/promises`, {
      text: 'yesterday',
      due: '2026-11-22T12:00:00Z',
    });
    expect(past.status).toBe(400);
    h().setNow('2026-11-23T12:00:01Z');
    await h().runtime.scheduler.runDue();
    await h().runtime.scheduler.runDue();
    const events = (await h().request('GET', `/api/v1/cases/${c.body.id}/events`)).body.items;
    const broken = events.filter(
      (e: { type: string; data: { clock: string } }) =>
        e.type === 'sla.breached' && e.data.clock === 'promise-1',
    );
    expect(broken).toHaveLength(1);
    expect(
      events.filter(
        (e: { type: string; data: { clock: string } }) =>
          e.type === 'sla.warning' && e.data.clock === 'promise-1',
      ),
    ).toHaveLength(1);
    const risk = await h().request('GET', `/api/v1/customers/${c.body.customer.id}/risk`);
    expect(risk.body.reasons.map((r: { id: string }) => r.id)).toContain('broken_promise');
    const overview = await h().request('GET', `/api/v1/customers/${c.body.customer.id}/overview`);
    expect(overview.body.promises).toMatchObject({ kept: 0, broken: 1, open: 0 });
    expect(overview.body.promises.items[0]).toMatchObject({ clock: 'promise-1', state: 'broken' });
    expect(overview.body.cases.map((x: { id: string }) => x.id)).toEqual([c.body.id]);
    expect(overview.body.handoffs[0]).toMatchObject({ id: sent.body.id, toTeam: 'Finance', state: 'sent' });
    expect(overview.body.sentiment.length).toBeGreaterThan(0);
    expect(overview.body.risk).toEqual(risk.body);
    expect((await h().request('GET', '/api/v1/customers/cu_nope/overview')).status).toBe(404);
    const marked = await h().request('POST', `/api/v1/handoffs/${sent.body.id}/customer-update/sent`, {});
    expect(marked.body.customerUpdate.sentAt).toBe('2026-11-23T12:00:01.000Z');
  });
});
