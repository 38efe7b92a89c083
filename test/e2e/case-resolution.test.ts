import { expect, it } from 'vitest';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';
import { snapshotAll } from '../support/snapshot.ts';

/** A case resolved by its first team, never handed off: the log records it and analytics count it. */
describeOnDatabases('resolving a case where it is', (h) => {
  it('resolves a case with no open handoff, once, and analytics count its resolution time', async () => {
    const agent = { token: await h().tokenFor('amara') };
    const created = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({ subject: 'Password reset link' }),
      agent,
    );
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    h().advance(2 * 3_600_000);
    const resolved = await h().request('POST', `/api/v1/cases/${id}/resolve`, {}, agent);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ id, status: 'resolved' });
    const events = (await h().request('GET', `/api/v1/cases/${id}/events`)).body.items as { type: string }[];
    expect(events.map((e) => e.type)).toContain('case.resolved');

    const before = await snapshotAll(h().database);
    const again = await h().request('POST', `/api/v1/cases/${id}/resolve`, {}, agent);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invalid_transition');
    expect(await snapshotAll(h().database)).toEqual(before);

    const metrics = await h().request('GET', '/api/v1/analytics/metrics?from=2026-11-01&to=2026-11-30');
    expect(metrics.status).toBe(200);
    expect(metrics.body.resolutionTime.count).toBe(1);
    expect(metrics.body.resolutionTime.calendar).toEqual({ count: 1, p50Ms: 7_200_000, p90Ms: 7_200_000 });
    expect(metrics.body.escalation.count).toBe(0);
  });

  it('refuses while a handoff of the case is open, changing nothing', async () => {
    const created = await h().request('POST', '/api/v1/cases', newCase({ subject: 'Charged twice' }));
    const id = created.body.id as string;
    const sent = await h().request('POST', `/api/v1/cases/${id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    expect(sent.status).toBe(201);
    const before = await snapshotAll(h().database);
    const refused = await h().request('POST', `/api/v1/cases/${id}/resolve`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('invalid_transition');
    expect(refused.body.error.handoffId).toBe(sent.body.id);
    expect(await snapshotAll(h().database)).toEqual(before);
    const missing = await h().request('POST', '/api/v1/cases/no-such-case/resolve', {});
    expect(missing.status).toBe(404);
  });
  it('opens a resolved case again when the customer writes, not when the team does', async () => {
    const agent = { token: await h().tokenFor('amara') };
    const created = await h().request('POST', '/api/v1/cases', newCase({ subject: 'Reopen run' }), agent);
    const id = created.body.id as string;
    expect((await h().request('POST', `/api/v1/cases/${id}/resolve`, {}, agent)).status).toBe(200);
    // A closing word from the agent leaves it resolved.
    await h().request(
      'POST',
      `/api/v1/cases/${id}/messages`,
      { role: 'agent', text: 'Glad that worked!' },
      agent,
    );
    expect((await h().request('GET', `/api/v1/cases/${id}`)).body.status).toBe('resolved');

    h().advance(60_000);
    const back = await h().request('POST', `/api/v1/cases/${id}/messages`, {
      role: 'customer',
      text: 'Sorry, the reset link has expired again.',
    });
    expect(back.status).toBe(201);
    expect((await h().request('GET', `/api/v1/cases/${id}`)).body.status).toBe('open');
    const events = (await h().request('GET', `/api/v1/cases/${id}/events`)).body.items as {
      type: string;
      data: Record<string, unknown>;
    }[];
    const reopened = events.filter((e) => e.type === 'case.reopened');
    expect(reopened).toHaveLength(1);
    expect(reopened[0]!.data).toEqual({ from: 'resolved', messageId: back.body.id });
    // The event follows the message that caused it.
    const types = events.map((e) => e.type);
    expect(types.lastIndexOf('case.reopened')).toBeGreaterThan(types.lastIndexOf('message.added'));
    // Another customer message on the open case opens nothing more.
    await h().request('POST', `/api/v1/cases/${id}/messages`, {
      role: 'customer',
      text: 'Thanks, I will wait.',
    });
    const after = (await h().request('GET', `/api/v1/cases/${id}/events`)).body.items as { type: string }[];
    expect(after.filter((e) => e.type === 'case.reopened')).toHaveLength(1);
    expect((await h().request('GET', `/api/v1/cases/${id}`)).body.status).toBe('open');
  });
});
