import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { customers } from '../../src/customers/customers.table.ts';
import { describeOnDatabases } from '../support/harness.ts';
import { snapshot } from '../support/snapshot.ts';

/**
 * The generic inbound webhook keeps a known customer's profile current: every signed event, not only
 * a ticket's first, updates the fields it carries; absent fields keep their value; unreadable ones
 * are dropped while the event itself still applies.
 */
describeOnDatabases('customer profile from the generic webhook', (h) => {
  const secret = 'generic-profile-secret';
  beforeAll(() => {
    h().runtime.services.config.webhookSecret = secret;
  });

  let seq = 0;
  const event = async (ticket: string, customer: Record<string, unknown>, text: string, eventId?: string) => {
    const raw = JSON.stringify({
      eventId: eventId ?? `gp-${++seq}`,
      type: seq === 1 ? 'case.created' : 'message.created',
      case: { externalId: ticket, subject: 'Invoice in the wrong currency', channel: 'email', customer },
      message: { role: 'customer', text },
    });
    const res = await h().runtime.app.request('/api/v1/webhooks/inbound/generic', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-baton-signature': `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`,
      },
      body: raw,
    });
    return { status: res.status, body: await res.json() };
  };
  const customerOf = async (caseId: string) => {
    const kase = await h().request('GET', `/api/v1/cases/${caseId}`);
    const {
      id: _,
      erasedAt,
      erasedBy,
      ...c
    } = (await h().request('GET', `/api/v1/customers/${kase.body.customer.id}`)).body;
    // Never erased here: the profile is the rest.
    expect([erasedAt, erasedBy]).toEqual([null, null]);
    return c;
  };
  const textsOf = async (caseId: string) =>
    (await h().request('GET', `/api/v1/cases/${caseId}`)).body.messages.map((m: { text: string }) => m.text);

  let caseId = '';

  it('the first event creates the customer with the profile it carries', async () => {
    const first = await event(
      'T-500',
      {
        externalId: 'gc-500',
        name: 'Ana Silva',
        customerSince: '2020-01-15',
        annualValue: 12000,
        tier: 'Gold',
        language: 'pt-BR',
        timezone: 'America/Sao_Paulo',
      },
      'The invoice is in dollars, I pay in reais.',
    );
    expect(first.status).toBe(202);
    caseId = first.body.caseId;
    expect(await customerOf(caseId)).toEqual({
      externalId: 'gc-500',
      name: 'Ana Silva',
      email: null,
      timezone: 'America/Sao_Paulo',
      language: 'pt-BR',
      customerSince: '2020-01-15',
      annualValue: 12000,
      tier: 'gold',
      profileSource: 'helpdesk',
    });
  });

  it('a later event on the known ticket updates the fields it carries and keeps the rest', async () => {
    h().advance(60_000);
    const later = await event(
      'T-500',
      {
        externalId: 'gc-500',
        name: 'Ana Silva Costa',
        annualValue: '48,000',
        tier: 'Platinum',
        timezone: 'europe/lisbon',
      },
      'I have moved to Lisbon, by the way.',
    );
    expect(later).toEqual({ status: 202, body: { caseId } });
    expect(await customerOf(caseId)).toEqual({
      externalId: 'gc-500',
      name: 'Ana Silva Costa',
      email: null,
      timezone: 'Europe/Lisbon',
      language: 'pt-BR',
      customerSince: '2020-01-15',
      annualValue: 48000,
      tier: 'platinum',
      profileSource: 'helpdesk',
    });
  });

  it('a new name alone leaves the profile’s source and time as they were', async () => {
    const stamp = async () =>
      (
        await h()
          .database.db.select({ at: customers.profileUpdatedAt, name: customers.name })
          .from(customers)
          .where(eq(customers.externalId, 'gc-500'))
      )[0]!;
    const before = await stamp();
    expect(before.at?.toISOString()).toBe(h().now().toISOString());
    h().advance(60_000);
    const renamed = await event(
      'T-500',
      { externalId: 'gc-500', name: 'Ana S. Costa', annualValue: 48000, tier: 'platinum' },
      'Please use my full name on the invoice.',
    );
    expect(renamed.status).toBe(202);
    expect(await stamp()).toEqual({ at: before.at, name: 'Ana S. Costa' });
    await event('T-500', { externalId: 'gc-500', name: 'Ana Silva Costa' }, 'Sorry, my usual name is fine.');
  });

  it('bad values change nothing, and the event still applies', async () => {
    h().advance(60_000);
    const before = await customerOf(caseId);
    const customersBefore = (await snapshot(h().database)).customers;
    const bad = await event(
      'T-500',
      {
        externalId: 'gc-500',
        name: '   ',
        customerSince: 'last spring',
        annualValue: -5,
        tier: 42,
        language: 'Portuguese!',
        timezone: 'Mars/Olympus',
      },
      'Still waiting for the corrected invoice.',
    );
    expect(bad).toEqual({ status: 202, body: { caseId } });
    expect(await customerOf(caseId)).toEqual(before);
    expect((await snapshot(h().database)).customers).toBe(customersBefore);
    expect((await textsOf(caseId)).at(-1)).toBe('Still waiting for the corrected invoice.');

    // A customer-since after today is a typo: dropped like an unreadable one.
    const future = await event(
      'T-500',
      { externalId: 'gc-500', name: 'Ana Silva Costa', customerSince: '2031-01-01' },
      'Hello?',
    );
    expect(future.status).toBe(202);
    expect((await snapshot(h().database)).customers).toBe(customersBefore);
  });

  it('a redelivered event changes nothing, whatever profile it carries now', async () => {
    const before = await snapshot(h().database);
    const again = await event(
      'T-500',
      { externalId: 'gc-500', name: 'Someone Else', annualValue: 1, language: 'en' },
      'Still waiting for the corrected invoice.',
      `gp-${seq}`,
    );
    expect(again).toEqual({ status: 202, body: { caseId } });
    expect(await snapshot(h().database)).toEqual(before);
  });

  it('a new ticket of a known customer updates them too', async () => {
    const other = await event(
      'T-501',
      { externalId: 'gc-500', name: 'Ana Silva Costa', customerSince: '2019-06-01', language: 'pt_pt' },
      'A second question, about my contract.',
    );
    expect(other.status).toBe(202);
    expect(other.body.caseId).not.toBe(caseId);
    expect(await customerOf(other.body.caseId)).toMatchObject({
      externalId: 'gc-500',
      name: 'Ana Silva Costa',
      customerSince: '2019-06-01',
      language: 'pt-PT',
      timezone: 'Europe/Lisbon',
      annualValue: 48000,
    });
    expect((await customerOf(caseId)).customerSince).toBe('2019-06-01');
  });

  it('an unsigned event with a profile is refused and stores nothing', async () => {
    const before = await snapshot(h().database);
    const raw = JSON.stringify({
      eventId: 'gp-unsigned',
      type: 'message.created',
      case: {
        externalId: 'T-500',
        subject: 'Invoice in the wrong currency',
        channel: 'email',
        customer: { externalId: 'gc-500', name: 'Mallory', annualValue: 0 },
      },
    });
    const res = await h().runtime.app.request('/api/v1/webhooks/inbound/generic', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-baton-signature': `sha256=${'0'.repeat(64)}` },
      body: raw,
    });
    expect(res.status).toBe(401);
    expect(await snapshot(h().database)).toEqual(before);
  });
});
