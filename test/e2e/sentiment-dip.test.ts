import { expect, it } from 'vitest';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';
import { snapshotAll } from '../support/snapshot.ts';

describeOnDatabases('sentiment dips pull in a supervisor', (h) => {
  it('scores each customer message and raises agent-to-supervisor on a dip, once', async () => {
    const c = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({
        messages: [
          { role: 'customer', text: 'Hi, could you help me check my October invoice please?' },
          { role: 'agent', text: 'Of course, let me look.' },
        ],
      }),
    );
    const caseId = c.body.id;
    h().advance(60_000);
    await h().request('POST', `/api/v1/cases/${caseId}/messages`, {
      role: 'customer',
      text: 'This is RIDICULOUS. Third time I explain this, still waiting and nobody helps. Absolutely unacceptable!!!',
    });
    const events = (await h().request('GET', `/api/v1/cases/${caseId}/events`)).body.items;
    const dip = events.find((e: { type: string }) => e.type === 'sentiment.dip');
    expect(dip).toBeDefined();
    expect(dip.data.score).toBeLessThan(-0.5);
    // Measured against the customer's earlier message, with the scores as stored.
    const scored = (await h().request('GET', `/api/v1/cases/${caseId}/sentiment`)).body.messages;
    expect(scored).toHaveLength(2);
    expect(dip.data.baseline).toBeCloseTo(scored[0].score, 3);
    expect(dip.data.score).toBeCloseTo(scored[1].score, 3);
    expect(dip.data.drop).toBeCloseTo(scored[0].score - scored[1].score, 3);
    const raised = await h().request('GET', `/api/v1/handoffs?caseId=${caseId}`);
    expect(raised.body.items).toHaveLength(1);
    const handoff = raised.body.items[0];
    expect(handoff).toMatchObject({ scenario: 'agent-to-supervisor', state: 'sent', toTeam: 'supervisors' });
    // Baton raised it, not a person and not a chatbot.
    expect(handoff).toMatchObject({ fromKind: 'baton', sender: null });
    expect(handoff.owner.id).toBeTruthy();
    expect(dip.data.handoffId).toBe(handoff.id);
    const full = await h().request('GET', `/api/v1/handoffs/${handoff.id}`);
    expect(['frustrated', 'angry']).toContain(full.body.packet.emotion);
    // The supervisor is paged at once: the customer is promised the resolve clock's time, not a
    // reply time already past as the handoff is sent.
    const resolve = full.body.sla.find((c: { name: string }) => c.name === 'resolve');
    expect(full.body.customerUpdate.replyBy).toBe(resolve.deadline);
    expect(Date.parse(full.body.customerUpdate.replyBy)).toBeGreaterThan(Date.parse(full.body.sentAt));
    // Its zero-target clock "breaches" at once: the event says it paged, so no page calls it a broken promise.
    await h().runtime.scheduler.runDue();
    const breaches = (await h().request('GET', `/api/v1/cases/${caseId}/events`)).body.items.filter(
      (e: { type: string }) => e.type === 'sla.breached',
    );
    expect(breaches.length).toBeGreaterThanOrEqual(1);
    for (const b of breaches) expect(b.data.paged).toBe(true);

    h().advance(60_000);
    await h().request('POST', `/api/v1/cases/${caseId}/messages`, {
      role: 'customer',
      text: 'I am furious, this is the worst service ever, cancel my account!!!',
    });
    expect((await h().request('GET', `/api/v1/handoffs?caseId=${caseId}`)).body.items).toHaveLength(1);
    const sentiment = await h().request('GET', `/api/v1/cases/${caseId}/sentiment`);
    expect(sentiment.body.messages).toHaveLength(3);
    expect(sentiment.body.trend).toBe('worsening');
  });

  it('logs a dip in a conversation brought in from the past, and pages nobody for it', async () => {
    const at = (msAgo: number) => new Date(h().now().getTime() - msAgo).toISOString();
    const c = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({
        subject: 'Imported with its history',
        messages: [
          {
            role: 'customer',
            text: 'Hi, could you help me check my October invoice please?',
            at: at(3 * 86_400_000),
          },
          {
            role: 'customer',
            text: 'This is RIDICULOUS. Third time I explain this, still waiting and nobody helps. Absolutely unacceptable!!!',
            at: at(3 * 86_400_000 - 60_000),
          },
        ],
      }),
    );
    expect(c.status).toBe(201);
    const events = (await h().request('GET', `/api/v1/cases/${c.body.id}/events`)).body.items;
    const dip = events.find((e: { type: string }) => e.type === 'sentiment.dip');
    expect(dip.data).toMatchObject({ historical: true, handoffId: null });
    expect((await h().request('GET', `/api/v1/handoffs?caseId=${c.body.id}`)).body.items).toEqual([]);
    const inbox = await h().request('GET', '/api/v1/notifications', undefined, {
      token: await h().tokenFor('samuel'),
    });
    expect(
      (inbox.body.items as { kind: string; link: string }[]).filter((n) => n.link === `/cases/${c.body.id}`),
    ).toEqual([]);

    // A message dated ahead of the server's clock is refused, naming it, and nothing is written.
    const before = await snapshotAll(h().database);
    const future = await h().request('POST', `/api/v1/cases/${c.body.id}/messages`, {
      role: 'customer',
      text: 'Hello from next year',
      at: at(-3_600_000),
    });
    expect(future.status).toBe(400);
    expect(future.body.error).toMatchObject({ code: 'validation_failed', field: 'at' });
    expect(future.body.error.message).toMatch(/ahead of the server's clock/);
    const ahead = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({ messages: [{ role: 'customer', text: 'x', at: at(-3_600_000) }] }),
    );
    expect(ahead.body.error).toMatchObject({ code: 'validation_failed', field: 'messages.0.at' });
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it('keeps the baton kind to Baton: a caller sending as baton is refused and nothing changes', async () => {
    const c = await h().request('POST', '/api/v1/cases', newCase());
    const before = await snapshotAll(h().database);
    const res = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'agent-to-supervisor',
      packet: fullPacket,
      fromKind: 'baton',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it('pre-fills the packet from the conversation', async () => {
    const c = await h().request('POST', '/api/v1/cases', newCase());
    const res = await h().request('GET', `/api/v1/cases/${c.body.id}/prefill`);
    expect(res.status).toBe(200);
    expect(res.body.summary.length).toBeGreaterThan(10);
    expect(res.body.packet.documents.onFile).toContain('invoice');
    expect(res.body.packet.whatHappened).toMatch(/charged twice/i);
  });

  it('claims on file only what the case holds, not what the customer says they sent', async () => {
    const c = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({
        messages: [
          { role: 'customer', text: 'I already sent you the receipt and my bank statement last week.' },
        ],
      }),
    );
    const res = await h().request('GET', `/api/v1/cases/${c.body.id}/prefill`);
    expect(res.status).toBe(200);
    // The case holds an invoice (newCase's document), nothing else.
    expect(res.body.packet.documents.onFile).toEqual(['invoice']);
  });
});
