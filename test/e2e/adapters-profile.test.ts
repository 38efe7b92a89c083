import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../support/harness.ts';

/**
 * Tenure and value from the helpdesk adapters, end to end: signed vendor webhooks in, the customer's
 * profile (what the churn risk reads) out of GET /customers/{id}.
 */
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'));
const secrets = { zendesk: 'zd-signing-secret', freshdesk: 'fd-shared-secret', intercom: 'ic-client-secret' };

describeOnDatabases('tenure and value from helpdesk adapters', (h) => {
  beforeAll(() => {
    const config = h().runtime.services.config;
    config.zendeskSecret = secrets.zendesk;
    config.freshdeskSecret = secrets.freshdesk;
    config.intercomSecret = secrets.intercom;
  });

  const post = async (vendor: string, body: unknown, headers: (raw: string) => Record<string, string>) => {
    const raw = JSON.stringify(body);
    const res = await h().runtime.app.request(`/api/v1/webhooks/inbound/${vendor}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers(raw) },
      body: raw,
    });
    return { status: res.status, body: await res.json() };
  };
  const zendesk = (body: unknown, invocation: string) =>
    post('zendesk', body, (raw) => {
      const timestamp = h().now().toISOString();
      return {
        'x-zendesk-webhook-signature': createHmac('sha256', secrets.zendesk)
          .update(timestamp + raw)
          .digest('base64'),
        'x-zendesk-webhook-signature-timestamp': timestamp,
        'x-zendesk-webhook-invocation-id': invocation,
      };
    });
  const freshdesk = (body: unknown) =>
    post('freshdesk', body, () => ({
      authorization: `Basic ${Buffer.from(`baton:${secrets.freshdesk}`).toString('base64')}`,
    }));
  const intercom = (body: unknown) =>
    post('intercom', body, (raw) => ({
      'x-hub-signature': `sha1=${createHmac('sha1', secrets.intercom).update(raw).digest('hex')}`,
    }));
  const profileOf = async (caseId: string) => {
    const kase = await h().request('GET', `/api/v1/cases/${caseId}`);
    const c = (await h().request('GET', `/api/v1/customers/${kase.body.customer.id}`)).body;
    return {
      externalId: c.externalId,
      customerSince: c.customerSince,
      annualValue: c.annualValue,
      tier: c.tier,
      profileSource: c.profileSource,
    };
  };

  it('Zendesk trigger: the requester’s and organisation’s custom fields become the customer’s profile', async () => {
    h().setNow('2026-11-23T10:00:00Z');
    const res = await zendesk(fixture('zendesk-trigger-ticket-created-profile'), 'zd-inv-profile-1');
    expect(res.status).toBe(202);
    expect(await profileOf(res.body.caseId)).toEqual({
      externalId: 'zendesk:9911007788',
      customerSince: '2019-03-14',
      annualValue: 48000,
      tier: 'enterprise',
      profileSource: 'helpdesk',
    });
  });

  it('Freshdesk: a later event on the same ticket brings the profile the first one lacked', async () => {
    h().setNow('2026-11-23T10:05:00Z');
    const plain = fixture('freshdesk-ticket-created-profile');
    const fields = plain.freshdesk_webhook;
    const withProfile = { ...fields };
    for (const k of ['customer_since', 'annual_value', 'customer_tier']) delete fields[k];
    const created = await freshdesk(plain);
    expect(created.status).toBe(202);
    expect(await profileOf(created.body.caseId)).toMatchObject({
      customerSince: null,
      annualValue: null,
      tier: null,
      profileSource: null,
    });
    const reply = await freshdesk({
      freshdesk_webhook: {
        ...withProfile,
        baton_event: 'reply_added',
        event_id: 'fd-reply-31902-1',
        ticket_latest_public_comment: '<p>Any news? The depot is still offline.</p>',
      },
    });
    expect(reply.body.caseId).toBe(created.body.caseId);
    expect(await profileOf(created.body.caseId)).toEqual({
      externalId: 'freshdesk:80019931',
      customerSince: '2024-11-05',
      annualValue: 12500,
      tier: 'premium',
      profileSource: 'helpdesk',
    });
  });

  it('Intercom: an expanded contact’s sign-up date, plan and company spend; a future date is dropped', async () => {
    h().setNow('2026-11-23T10:10:00Z');
    const res = await intercom(fixture('intercom-conversation-created-profile'));
    expect(res.status).toBe(202);
    expect(await profileOf(res.body.caseId)).toMatchObject({
      customerSince: '2022-05-01',
      annualValue: 15000,
      tier: 'scale',
    });

    const typo = fixture('intercom-conversation-created-profile');
    typo.id = 'notif_future-since-1';
    typo.data.item.id = '215472009999';
    typo.data.item.source.author = {
      type: 'user',
      id: '6650a1b2c3d4e5f600000777',
      name: 'Owen Price',
      custom_attributes: { customer_since: '2027-06-01', annual_value: '9,000' },
    };
    typo.data.item.contacts.contacts = [{ type: 'contact', id: '6650a1b2c3d4e5f600000777' }];
    const later = await intercom(typo);
    expect(later.status).toBe(202);
    expect(await profileOf(later.body.caseId)).toMatchObject({
      externalId: 'intercom:6650a1b2c3d4e5f600000777',
      customerSince: null,
      annualValue: 9000,
    });
  });

  it('an unreadable field never costs the ticket its event', async () => {
    h().setNow('2026-11-23T10:15:00Z');
    const body = fixture('zendesk-trigger-ticket-created-profile');
    body.ticket.id = '6099';
    body.ticket.requester = { id: '9911008899', name: 'Ana Ruiz', customer_since: 'last spring' };
    body.ticket.organization = { annual_value: 'ask finance', tier: 42 };
    const res = await zendesk(body, 'zd-inv-profile-2');
    expect(res.status).toBe(202);
    expect(await profileOf(res.body.caseId)).toMatchObject({
      customerSince: null,
      annualValue: null,
      tier: null,
    });
    const kase = await h().request('GET', `/api/v1/cases/${res.body.caseId}`);
    expect(kase.body.messages).toHaveLength(1);
  });
});
