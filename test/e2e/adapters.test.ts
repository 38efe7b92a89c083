import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../support/harness.ts';
import { snapshot } from '../support/snapshot.ts';
import {
  intercomHeaders,
  postInbound,
  useVendorSecrets,
  vendorSecrets,
  zendeskHeaders,
} from '../support/vendor-webhooks.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8');
const secrets = vendorSecrets;

describeOnDatabases('helpdesk adapters', (h) => {
  useVendorSecrets(h);

  const post = (vendor: string, raw: string, headers: Record<string, string>) =>
    postInbound(h, vendor, raw, headers);
  const zendesk = (raw: string, extra: Record<string, string> = {}) =>
    post('zendesk', raw, { ...zendeskHeaders(raw, h().now().toISOString()), ...extra });
  const intercom = (raw: string, secret = secrets.intercom) =>
    post('intercom', raw, intercomHeaders(raw, secret));
  const freshdesk = (raw: string, secret = secrets.freshdesk) =>
    post('freshdesk', raw, { authorization: `Basic ${Buffer.from(`baton:${secret}`).toString('base64')}` });
  const map = (source: string, group: string, scenario: string) =>
    h().request('PUT', '/api/v1/integrations/group-mappings', { source, group, scenario });
  const eventsOf = async (caseId: string) =>
    (await h().request('GET', `/api/v1/cases/${caseId}/events`)).body.items;

  it('Zendesk: refuses a wrong or missing signature storing nothing, applies a signed event once', async () => {
    const raw = fixture('zendesk-ticket-created');
    const before = await snapshot(h().database);
    const wrong = await post('zendesk', raw, zendeskHeaders(raw, h().now().toISOString(), 'not-the-secret'));
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'invalid_signature' } } });
    const stale = zendeskHeaders(raw, h().now().toISOString());
    stale['x-zendesk-webhook-signature-timestamp'] = '2026-11-20T10:00:00Z';
    expect((await post('zendesk', raw, stale)).status).toBe(401);
    expect((await post('zendesk', raw, {})).status).toBe(401);
    expect(await snapshot(h().database)).toEqual(before);

    const first = await zendesk(raw);
    expect(first).toMatchObject({ status: 202, body: { duplicate: false, handoffId: null } });
    const mid = await snapshot(h().database);
    const again = await zendesk(raw);
    expect(again.body).toMatchObject({ caseId: first.body.caseId, duplicate: true });
    expect(await snapshot(h().database)).toEqual(mid);

    const comment = await zendesk(fixture('zendesk-comment-added'));
    expect(comment.body.caseId).toBe(first.body.caseId);
    const kase = await h().request('GET', `/api/v1/cases/${first.body.caseId}`);
    expect(kase.body).toMatchObject({
      subject: 'Meter reading on my November bill is wrong',
      channel: 'email',
    });
    expect(kase.body.messages.map((m: { role: string }) => m.role)).toEqual(['customer', 'customer']);
  });

  it('Zendesk: a move to a mapped group drafts a handoff asking for its packet; unmapped groups are only logged', async () => {
    const unmapped = JSON.parse(fixture('zendesk-group-changed'));
    unmapped.id = 'zd-unmapped-1';
    unmapped.event.current.id = '3600119999';
    unmapped.detail.group_id = '3600119999';
    const logged = await zendesk(JSON.stringify(unmapped));
    expect(logged.body).toMatchObject({ outcome: 'unmapped', handoffId: null });

    expect((await map('zendesk', '3600118822', 'billing-to-finance')).status).toBe(200);
    const moved = await zendesk(fixture('zendesk-group-changed'));
    expect(moved).toMatchObject({ status: 202, body: { outcome: 'drafted', duplicate: false } });
    const handoff = await h().request('GET', `/api/v1/handoffs/${moved.body.handoffId}`);
    expect(handoff.body).toMatchObject({
      caseId: moved.body.caseId,
      scenario: 'billing-to-finance',
      state: 'draft',
      toTeam: 'finance',
      fromKind: 'team',
    });
    expect(handoff.body.missing.length).toBeGreaterThan(0);

    const mid = await snapshot(h().database);
    const redelivered = await zendesk(fixture('zendesk-group-changed'));
    expect(redelivered.body).toMatchObject({ handoffId: moved.body.handoffId, duplicate: true });
    expect(await snapshot(h().database)).toEqual(mid);

    const agent = await zendesk(fixture('zendesk-agent-changed'));
    expect(agent.body).toMatchObject({ outcome: 'already_open', handoffId: moved.body.handoffId });
    const log = await eventsOf(moved.body.caseId);
    const reassigned = log.filter((e: { type: string }) => e.type === 'helpdesk.reassigned');
    expect(reassigned.map((e: { data: { outcome: string } }) => e.data.outcome)).toEqual([
      'unmapped',
      'drafted',
      'already_open',
    ]);
  });

  it('Zendesk trigger bodies are keyed on the invocation id and map groups by name', async () => {
    await map('zendesk', 'tier 2', 'tier1-to-tier2');
    const raw = fixture('zendesk-trigger-group-changed');
    const first = await zendesk(raw, { 'x-zendesk-webhook-invocation-id': 'inv-9001' });
    expect(first.body).toMatchObject({ outcome: 'drafted', duplicate: false });
    const again = await zendesk(raw, { 'x-zendesk-webhook-invocation-id': 'inv-9001' });
    expect(again.body).toMatchObject({ handoffId: first.body.handoffId, duplicate: true });
  });

  it('Freshdesk: basic auth with the shared secret; a group change by name drafts a handoff', async () => {
    const raw = fixture('freshdesk-ticket-created');
    const before = await snapshot(h().database);
    expect((await freshdesk(raw, 'guess')).status).toBe(401);
    expect((await post('freshdesk', raw, {})).status).toBe(401);
    expect(await snapshot(h().database)).toEqual(before);
    const created = await freshdesk(raw);
    expect(created).toMatchObject({ status: 202, body: { duplicate: false } });
    expect((await freshdesk(raw)).body).toMatchObject({ caseId: created.body.caseId, duplicate: true });

    await map('freshdesk', 'Finance', 'billing-to-finance');
    const moved = await freshdesk(fixture('freshdesk-group-changed'));
    expect(moved.body).toMatchObject({ caseId: created.body.caseId, outcome: 'drafted' });
    const note = await freshdesk(fixture('freshdesk-note-added'));
    expect(note.status).toBe(202);
    const kase = await h().request('GET', `/api/v1/cases/${created.body.caseId}`);
    expect(kase.body.messages.map((m: { role: string; text: string }) => [m.role, m.text])).toEqual([
      ['customer', 'Hi team,\ntwo payments of 64.20 left my account on the 3rd. Please return one of them.'],
      ['internal', 'Bank reference for both collections is DD-22914.'],
    ]);
  });

  it('Intercom: X-Hub-Signature; created, replied, then assigned to a mapped team', async () => {
    const raw = fixture('intercom-conversation-created');
    const before = await snapshot(h().database);
    expect((await intercom(raw, 'wrong')).status).toBe(401);
    expect(await snapshot(h().database)).toEqual(before);
    const created = await intercom(raw);
    expect(created).toMatchObject({ status: 202, body: { duplicate: false } });
    expect((await intercom(raw)).body).toMatchObject({ caseId: created.body.caseId, duplicate: true });
    expect((await intercom(fixture('intercom-user-replied'))).body.caseId).toBe(created.body.caseId);

    await map('intercom', '7301446', 'tier1-to-tier2');
    const assigned = await intercom(fixture('intercom-admin-assigned'));
    expect(assigned.body).toMatchObject({ caseId: created.body.caseId, outcome: 'drafted' });
    const handoff = await h().request('GET', `/api/v1/handoffs/${assigned.body.handoffId}`);
    expect(handoff.body).toMatchObject({ state: 'draft', scenario: 'tier1-to-tier2', toTeam: 'tier2' });
    expect(handoff.body.packet.summary).toMatch(/thermostat/i);
  });

  it('acknowledges events Baton does not act on, and refuses malformed payloads', async () => {
    const other = JSON.parse(fixture('intercom-user-replied'));
    other.id = 'notif_other';
    other.topic = 'conversation.admin.snoozed';
    expect(await intercom(JSON.stringify(other))).toMatchObject({
      status: 202,
      body: { ignored: expect.any(String) },
    });
    const bad = await intercom('{"type":"notification_event","id":"n1"}');
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'validation_failed' } } });
  });

  it('group mappings are managed by leads', async () => {
    const unknown = await map('zendesk', '1', 'no-such-scenario');
    expect(unknown).toMatchObject({ status: 422, body: { error: { code: 'unknown_scenario' } } });
    const agent = await h().tokenFor('amara');
    const refused = await h().request('GET', '/api/v1/integrations/group-mappings', undefined, {
      token: agent,
    });
    expect(refused.status).toBe(403);
    const list = await h().request('GET', '/api/v1/integrations/group-mappings?source=zendesk');
    expect(list.body.items.map((m: { group: string }) => m.group)).toEqual(['3600118822', 'tier 2']);
    const gone = await h().request('DELETE', '/api/v1/integrations/group-mappings/zendesk/tier%202');
    expect(gone).toMatchObject({ status: 200, body: { deleted: true } });
    expect((await h().request('DELETE', '/api/v1/integrations/group-mappings/zendesk/tier%202')).status).toBe(
      404,
    );
  });
});
