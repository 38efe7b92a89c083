import { afterAll, beforeAll, expect, it } from 'vitest';
import { deliverDue } from '../../src/integrations/delivery.jobs.ts';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';
import { snapshotAll } from '../support/snapshot.ts';
import { type Receiver, startReceiver } from '../support/webhook-receiver.ts';

/**
 * A subscription kept to teams (a team's own chat channel): it receives only the events about
 * handoffs to or from those teams, and an event of the case alone when the case's latest handoff
 * is theirs; a subscription without teams receives every team's.
 */
describeOnDatabases('webhooks kept to teams', (h) => {
  let hook: Receiver;
  beforeAll(async () => {
    hook = await startReceiver('kept to a team, still signed', { dedupe: false });
    h().runtime.services.config.webhookAllowPrivate = true;
  });
  afterAll(async () => {
    await hook.close();
  });

  const events = ['handoff.sent', 'handoff.bounced', 'message.added'];
  const subscribe = (path: string, teams?: unknown) =>
    h().request('POST', '/api/v1/webhooks/subscriptions', {
      url: `${hook.url}${path}`,
      secret: 'kept to a team, still signed',
      events,
      ...(teams === undefined ? {} : { teams }),
    });
  const at = (path: string) =>
    hook.arrivals
      .filter((r) => r.path === `/hook${path}`)
      .map((r) => `${r.type} ${JSON.parse(r.body).data.handoffId ?? null}`);
  const flush = async () => {
    await deliverDue(h().runtime.services);
  };

  it('refuses a team the organisation does not have, on subscribing and on changing, changing nothing', async () => {
    const before = await snapshotAll(h().database);
    const bad = await subscribe('/nope', ['finance', 'astronauts']);
    expect([bad.status, bad.body.error.code, bad.body.error.field, bad.body.error.team]).toEqual([
      422,
      'unknown_team',
      'teams',
      'astronauts',
    ]);
    const malformed = await subscribe('/nope', ['Finance Team']);
    expect([malformed.status, malformed.body.error.field]).toEqual([400, 'teams.0']);
    expect(await snapshotAll(h().database)).toEqual(before);

    const ok = await subscribe('/unchanged');
    expect([ok.status, ok.body.teams]).toEqual([201, []]);
    const saved = await snapshotAll(h().database);
    const change = await h().request('PATCH', `/api/v1/webhooks/subscriptions/${ok.body.id}`, {
      teams: ['engineering', 'nobody-here'],
    });
    expect([change.status, change.body.error.code]).toEqual([422, 'unknown_team']);
    expect(await snapshotAll(h().database)).toEqual(saved);
    await h().request('PATCH', `/api/v1/webhooks/subscriptions/${ok.body.id}`, { active: false });
  });

  it("sends each team's channel only the events about its handoffs", async () => {
    const finance = await subscribe('/finance', ['finance', 'finance']);
    await subscribe('/support', ['support']);
    const engineering = await subscribe('/engineering', ['engineering']);
    const everyone = await subscribe('/everyone');
    expect([finance.status, finance.body.teams, everyone.body.teams]).toEqual([201, ['finance'], []]);
    const listed = await h().request('GET', '/api/v1/webhooks/subscriptions');
    expect(listed.body.items.find((s: { id: string }) => s.id === engineering.body.id).teams).toEqual([
      'engineering',
    ]);

    const billing = await h().request('POST', '/api/v1/cases', newCase());
    const toFinance = await h().request('POST', `/api/v1/cases/${billing.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    const crash = await h().request('POST', '/api/v1/cases', newCase({ subject: 'App crashes on start' }));
    const toEngineering = await h().request('POST', `/api/v1/cases/${crash.body.id}/handoffs`, {
      scenario: 'tech-to-engineering',
      packet: fullPacket,
    });
    expect([toFinance.status, toEngineering.status]).toEqual([201, 201]);
    // A message on a case: its latest handoff's teams; on a case with none, no team's.
    await h().request('POST', `/api/v1/cases/${billing.body.id}/messages`, {
      role: 'customer',
      text: 'Any news on the refund?',
    });
    const lone = await h().request('POST', '/api/v1/cases', newCase({ subject: 'Question about plans' }));
    await h().request('POST', `/api/v1/cases/${lone.body.id}/messages`, { role: 'customer', text: 'Hello?' });
    await flush();

    const f = toFinance.body.id;
    const e = toEngineering.body.id;
    expect(at('/finance')).toEqual([`handoff.sent ${f}`, 'message.added null']);
    expect(at('/engineering')).toEqual([`handoff.sent ${e}`]);
    // Support sent both: the sending team's channel hears of both.
    expect(at('/support')).toEqual([`handoff.sent ${f}`, `handoff.sent ${e}`, 'message.added null']);
    expect(at('/everyone').filter((x) => x.startsWith('handoff.'))).toEqual([
      `handoff.sent ${f}`,
      `handoff.sent ${e}`,
    ]);
    // Every message, the lone case's included (and the new cases' first messages).
    expect(at('/everyone').filter((x) => x.startsWith('message.')).length).toBeGreaterThan(
      at('/finance').filter((x) => x.startsWith('message.')).length,
    );

    // Widened to every team: the next event of engineering's reaches it.
    const widened = await h().request('PATCH', `/api/v1/webhooks/subscriptions/${finance.body.id}`, {
      teams: [],
    });
    expect([widened.status, widened.body.teams]).toEqual([200, []]);
    const ownerKey = [...h().org.personIds].find(([, id]) => id === toEngineering.body.owner.id)![0];
    const bounced = await h().request(
      'POST',
      `/api/v1/handoffs/${e}/bounce`,
      { reason: 'missing_context' },
      { token: await h().tokenFor(ownerKey) },
    );
    expect(bounced.status).toBe(200);
    await flush();
    expect(at('/finance').at(-1)).toBe(`handoff.bounced ${e}`);
    expect(at('/engineering').at(-1)).toBe(`handoff.bounced ${e}`);
  });
});
