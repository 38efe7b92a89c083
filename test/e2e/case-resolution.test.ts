import { expect, it } from 'vitest';
import { describeOnDatabases, fullPacket, type Harness, newCase } from '../support/harness.ts';
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

  it('leaves a resolved case resolved when the customer only thanks, and says so in the log', async () => {
    const agent = { token: await h().tokenFor('amara') };
    const id = (await h().request('POST', '/api/v1/cases', newCase({ subject: 'Thanks run' }), agent)).body
      .id as string;
    expect((await h().request('POST', `/api/v1/cases/${id}/resolve`, {}, agent)).status).toBe(200);
    const thanks = await h().request('POST', `/api/v1/cases/${id}/messages`, {
      role: 'customer',
      text: 'Cheers, forwarded to the accountant.',
    });
    expect(thanks.status).toBe(201);
    expect((await h().request('GET', `/api/v1/cases/${id}`)).body.status).toBe('resolved');
    let events = (await h().request('GET', `/api/v1/cases/${id}/events`)).body.items as Ev[];
    expect(events.filter((e) => e.type === 'case.reopened')).toEqual([]);
    expect(
      events.find((e) => e.type === 'message.added' && e.data.messageId === thanks.body.id)?.data,
    ).toMatchObject({
      role: 'customer',
      closingThanks: true,
    });

    // Thanks with a problem in it is a new message: it opens the case.
    const but = await h().request('POST', `/api/v1/cases/${id}/messages`, {
      role: 'customer',
      text: 'Thanks, but the invoice still shows the old amount',
    });
    expect((await h().request('GET', `/api/v1/cases/${id}`)).body.status).toBe('open');
    events = (await h().request('GET', `/api/v1/cases/${id}/events`)).body.items as Ev[];
    expect(events.filter((e) => e.type === 'case.reopened').map((e) => e.data)).toEqual([
      { from: 'resolved', messageId: but.body.id },
    ]);
    expect(
      events.find((e) => e.data.messageId === but.body.id && e.type === 'message.added')?.data,
    ).not.toHaveProperty('closingThanks');
  });
});

type Ev = { type: string; data: Record<string, unknown> };
const eventsOf = async (h: () => Harness, id: string) =>
  (await h().request('GET', `/api/v1/cases/${id}/events`)).body.items as Ev[];

/** A case's status follows its journey: the last open leg resolved resolves it; a new send opens it. */
describeOnDatabases('a case resolved with its journey', (h) => {
  const statusOf = async (id: string) => (await h().request('GET', `/api/v1/cases/${id}`)).body.status;
  /** Accepted, then resolved: the way a receiving team finishes a handoff. */
  const finish = async (handoffId: string) => {
    await h().request('POST', `/api/v1/handoffs/${handoffId}/accept`);
    return h().request('POST', `/api/v1/handoffs/${handoffId}/resolve`);
  };
  const send = (caseId: string, scenario = 'billing-to-finance', extra: Record<string, unknown> = {}) =>
    h().request('POST', `/api/v1/cases/${caseId}/handoffs`, { scenario, packet: fullPacket, ...extra });

  it('resolves the case when its last open handoff is resolved, naming it, and not before', async () => {
    const id = (await h().request('POST', '/api/v1/cases', newCase({ subject: 'Two teams at once' }))).body
      .id as string;
    const finance = await send(id);
    const supervisor = await send(id, 'agent-to-supervisor');
    expect([finance.status, supervisor.status]).toEqual([201, 201]);
    expect((await finish(finance.body.id)).status).toBe(200);
    // The supervisor still holds the case: it stays open.
    expect(await statusOf(id)).toBe('open');
    expect((await eventsOf(h, id)).filter((e) => e.type === 'case.resolved')).toEqual([]);

    h().advance(60_000);
    expect((await finish(supervisor.body.id)).status).toBe(200);
    expect(await statusOf(id)).toBe('resolved');
    const events = await eventsOf(h, id);
    const resolved = events.filter((e) => e.type === 'case.resolved');
    expect(resolved.map((e) => e.data)).toEqual([{ from: 'open', handoffId: supervisor.body.id }]);
    // After the handoff's own resolution, in the same transaction.
    const types = events.map((e) => e.type);
    expect(types.indexOf('case.resolved')).toBeGreaterThan(types.lastIndexOf('handoff.resolved'));

    // Nothing left to resolve where it is: the case endpoint says so and changes nothing.
    const before = await snapshotAll(h().database);
    const again = await h().request('POST', `/api/v1/cases/${id}/resolve`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('the case is already resolved');
    expect(await snapshotAll(h().database)).toEqual(before);

    // The customer writing again opens it, as after a resolution where it was.
    await h().request('POST', `/api/v1/cases/${id}/messages`, {
      role: 'customer',
      text: 'It happened again.',
    });
    expect(await statusOf(id)).toBe('open');
  });

  it('is counted by analytics as the case list shows it: resolved, open again, resolved in place', async () => {
    const figures = async () => {
      const m = await h().request('GET', '/api/v1/analytics/metrics?from=2026-11-01&to=2026-11-30');
      expect(m.status).toBe(200);
      return { resolved: m.body.resolutionTime.count as number, open: m.body.resolutionTime.open as number };
    };
    const start = await figures();
    const id = (await h().request('POST', '/api/v1/cases', newCase({ subject: 'Counted as shown' }))).body
      .id as string;
    expect((await finish((await send(id)).body.id)).status).toBe(200);
    expect(await figures()).toEqual({ resolved: start.resolved + 1, open: start.open });

    h().advance(60_000);
    await h().request('POST', `/api/v1/cases/${id}/messages`, {
      role: 'customer',
      text: 'It is back again.',
    });
    expect(await statusOf(id)).toBe('open');
    expect(await figures()).toEqual({ resolved: start.resolved, open: start.open + 1 });

    expect((await h().request('POST', `/api/v1/cases/${id}/resolve`, {})).status).toBe(200);
    expect(await figures()).toEqual({ resolved: start.resolved + 1, open: start.open });

    // Bounced back to its sender, the case is open until the sender resolves it where it is.
    const back = (await h().request('POST', '/api/v1/cases', newCase({ subject: 'Not ours' }))).body
      .id as string;
    const bounced = await send(back);
    await h().request('POST', `/api/v1/handoffs/${bounced.body.id}/bounce`, { reason: 'not_ours' });
    expect(await figures()).toEqual({ resolved: start.resolved + 1, open: start.open + 1 });
    expect((await h().request('POST', `/api/v1/cases/${back}/resolve`, {})).status).toBe(200);
    expect(await figures()).toEqual({ resolved: start.resolved + 2, open: start.open });
  });

  it('leaves the case open when a handoff is bounced or cancelled, and when a leg is passed on', async () => {
    const id = (await h().request('POST', '/api/v1/cases', newCase({ subject: 'Back and forth' }))).body
      .id as string;
    const first = await send(id);
    await h().request('POST', `/api/v1/handoffs/${first.body.id}/bounce`, { reason: 'wrong_team' });
    expect(await statusOf(id)).toBe('open');
    const second = await send(id, 'agent-to-supervisor');
    await h().request('POST', `/api/v1/handoffs/${second.body.id}/cancel`);
    expect(await statusOf(id)).toBe('open');
    expect((await eventsOf(h, id)).filter((e) => e.type === 'case.resolved')).toEqual([]);
  });

  it('resolves the case once when its two open handoffs are resolved at the same moment', async () => {
    const id = (await h().request('POST', '/api/v1/cases', newCase({ subject: 'Both at once' }))).body
      .id as string;
    const a = await send(id);
    const b = await send(id, 'agent-to-supervisor');
    for (const x of [a, b]) await h().request('POST', `/api/v1/handoffs/${x.body.id}/accept`);
    const both = await Promise.all(
      [a, b].map((x) => h().request('POST', `/api/v1/handoffs/${x.body.id}/resolve`)),
    );
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(await statusOf(id)).toBe('resolved');
    expect((await eventsOf(h, id)).filter((e) => e.type === 'case.resolved')).toHaveLength(1);
  });

  it('opens a resolved case again when a handoff is sent on it, not when one is only drafted', async () => {
    const agent = { token: await h().tokenFor('amara') };
    const id = (await h().request('POST', '/api/v1/cases', newCase({ subject: 'Resolved too soon' }), agent))
      .body.id as string;
    expect((await h().request('POST', `/api/v1/cases/${id}/resolve`, {}, agent)).status).toBe(200);

    const draft = await send(id, 'billing-to-finance', { draft: true });
    expect(draft.status).toBe(201);
    expect(await statusOf(id)).toBe('resolved');

    h().advance(60_000);
    const sent = await h().request('POST', `/api/v1/handoffs/${draft.body.id}/send`, {});
    expect(sent.status).toBe(200);
    expect(await statusOf(id)).toBe('open');
    let reopened = (await eventsOf(h, id)).filter((e) => e.type === 'case.reopened');
    expect(reopened.map((e) => e.data)).toEqual([{ from: 'resolved', handoffId: draft.body.id }]);

    // Resolved with its journey, then sent on directly: opened again by that send.
    expect((await finish(draft.body.id)).status).toBe(200);
    expect(await statusOf(id)).toBe('resolved');
    const direct = await send(id, 'agent-to-supervisor');
    expect(direct.status).toBe(201);
    expect(await statusOf(id)).toBe('open');
    reopened = (await eventsOf(h, id)).filter((e) => e.type === 'case.reopened');
    expect(reopened.map((e) => e.data)).toEqual([
      { from: 'resolved', handoffId: draft.body.id },
      { from: 'resolved', handoffId: direct.body.id },
    ]);
  });

  it('changes nothing on a resolve the handoff refuses, or of a handoff that does not exist', async () => {
    const id = (await h().request('POST', '/api/v1/cases', newCase({ subject: 'Refused' }))).body
      .id as string;
    const sent = await send(id);
    await finish(sent.body.id);
    const before = await snapshotAll(h().database);
    const twice = await h().request('POST', `/api/v1/handoffs/${sent.body.id}/resolve`);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('invalid_transition');
    const missing = await h().request('POST', '/api/v1/handoffs/ho_missing/resolve');
    expect(missing.status).toBe(404);
    expect(await snapshotAll(h().database)).toEqual(before);
  });
});
