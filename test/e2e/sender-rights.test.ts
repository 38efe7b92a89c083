import { expect, it } from 'vitest';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';

describeOnDatabases('what a sending agent may do to their own handoff', (h) => {
  it('finishes and sends their draft, recalls a sent handoff nobody accepted, and no more', async () => {
    const amara = await h().tokenFor('amara', ['agent']);
    const priya = await h().tokenFor('priya', ['agent']);
    const as = (token: string) => ({ token });
    const c = await h().request('POST', '/api/v1/cases', newCase(), as(amara));
    expect(c.status).toBe(201);

    // A draft, finished and sent by the agent who wrote it (nobody owns a draft yet).
    const draft = await h().request(
      'POST',
      `/api/v1/cases/${c.body.id}/handoffs`,
      { scenario: 'billing-to-finance', packet: { whatHappened: 'Charged twice' }, draft: true },
      as(amara),
    );
    expect(draft.body.state).toBe('draft');
    const finished = await h().request(
      'POST',
      `/api/v1/handoffs/${draft.body.id}/packet`,
      { packet: fullPacket },
      as(amara),
    );
    expect(finished.status, JSON.stringify(finished.body)).toBe(200);
    const sent = await h().request('POST', `/api/v1/handoffs/${draft.body.id}/send`, {}, as(amara));
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.state).toBe('sent');

    // Sent: the sender may recall it, not accept, bounce or resolve it.
    for (const action of ['accept', 'resolve']) {
      const res = await h().request('POST', `/api/v1/handoffs/${draft.body.id}/${action}`, {}, as(amara));
      expect(res.status, action).toBe(403);
    }
    const recalled = await h().request('POST', `/api/v1/handoffs/${draft.body.id}/cancel`, {}, as(amara));
    expect(recalled.status, JSON.stringify(recalled.body)).toBe(200);
    expect(recalled.body.state).toBe('cancelled');

    // Once Finance accepted, it is theirs: the sender can no longer recall it.
    const again = await h().request(
      'POST',
      `/api/v1/cases/${c.body.id}/handoffs`,
      { scenario: 'billing-to-finance', packet: fullPacket },
      as(amara),
    );
    expect(again.status).toBe(201);
    expect(
      (await h().request('POST', `/api/v1/handoffs/${again.body.id}/accept`, {}, as(priya))).status,
    ).toBe(200);
    const late = await h().request('POST', `/api/v1/handoffs/${again.body.id}/cancel`, {}, as(amara));
    expect(late.status).toBe(403);
    expect(late.body.error.code).toBe('forbidden');
    expect((await h().request('GET', `/api/v1/handoffs/${again.body.id}`)).body.state).toBe('accepted');
  });
});
