import { expect, it } from 'vitest';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';
import { snapshot } from '../support/snapshot.ts';

const ackOf = (h: { sla: { name: string; deadline: string }[] }) =>
  h.sla.find((s) => s.name === 'acknowledge')!.deadline;

describeOnDatabases('warm-handoff templates per scenario', (h) => {
  it('names the receiving team and the reply time in the customer zone, across a DST change', async () => {
    // Friday 30 October 2026, 16:30 in London (GMT since 25 October); New York is still on EDT until
    // 1 November. Finance's 4 business hours: 1 h on Friday, 3 h on Monday -> Monday 12:00Z.
    h().setNow('2026-10-30T16:30:00Z');
    const c = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({
        customer: {
          externalId: 'tz-ny',
          name: 'Dana Smith',
          timezone: 'America/New_York',
          language: 'en-US',
        },
      }),
    );
    const sent = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    expect(sent.status).toBe(201);
    expect(ackOf(sent.body)).toBe('2026-11-02T12:00:00.000Z');
    const u = sent.body.customerUpdate;
    expect(u.replyBy).toBe('2026-11-02T12:00:00.000Z');
    expect(u.text).toContain('Hi Dana');
    expect(u.text).toContain('our Finance team');
    expect(u.text).toContain(`where ${sent.body.owner.name.split(' ')[0]} is looking after it`);
    expect(u.text).toMatch(/Monday, November 2/);
    expect(u.text).toMatch(/07:00\s?AM EST/); // not 08:00: the offset is the one on the reply day
    expect(u.template).toEqual({ scenario: 'billing-to-finance', version: 1, language: 'en' });
  });

  it('writes to a Madrid customer in Spanish with the time in Madrid', async () => {
    h().setNow('2026-10-30T16:30:00Z');
    const c = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({
        customer: {
          externalId: 'tz-mad',
          name: 'Lucía Ortega',
          timezone: 'Europe/Madrid',
          language: 'es-ES',
        },
      }),
    );
    const sent = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    const u = sent.body.customerUpdate;
    expect(u.text).toContain('Hola Lucía');
    expect(u.text).toContain('nuestro equipo de Finance');
    expect(u.text).toContain('lunes, 2 de noviembre');
    expect(u.text).toContain('13:00'); // 12:00Z is 13:00 in Madrid (CET)
    expect(u.template.language).toBe('es');
  });

  it('never carries an internal note, a packet field or contact details the customer did not give', async () => {
    h().setNow('2026-11-23T10:00:00Z');
    const c = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({
        customer: {
          externalId: 'leak-1',
          name: 'Maria Lopez',
          email: 'maria.lopez@example.com',
          timezone: 'Europe/London',
        },
        messages: [
          { role: 'customer', text: 'I was charged twice for October.' },
          { role: 'internal', text: 'Card ending 4242, DOB 1980-02-01: looks like fraud, do not tell her' },
          { role: 'agent', text: 'Passing this to Finance now.' },
        ],
      }),
    );
    const sent = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: {
        ...fullPacket,
        whatHappened: 'INTERNAL: chargeback risk, ledger shows double capture',
        attempted: ['Checked Stripe dashboard'],
        nextSteps: ['Refund via the back office'],
        summary: 'Suspected fraud on card 4242',
      },
    });
    const text: string = sent.body.customerUpdate.text;
    for (const secret of [
      'INTERNAL',
      'ledger',
      'Stripe',
      '4242',
      'fraud',
      'DOB',
      'maria.lopez',
      'Lopez',
      'back office',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    expect(text).toContain('Hi Maria');
  });

  it('lets a lead edit the templates as a new version; the draft records which version it used', async () => {
    h().setNow('2026-11-23T10:00:00Z');
    const agent = await h().tokenFor('amara');
    const refused = await h().request(
      'PUT',
      '/api/v1/scenarios/tier1-to-tier2/customer-update',
      { templates: { en: 'Hi {customer}, by {replyBy}' } },
      { token: agent },
    );
    expect(refused.status).toBe(403);

    const before = await snapshot(h().database);
    const bad = await h().request('PUT', '/api/v1/scenarios/tier1-to-tier2/customer-update', {
      templates: { en: 'Hi {customer}, about {packet.whatHappened}: we reply by {replyBy}' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.message).toMatch(/unknown placeholder/);
    const noTime = await h().request('PUT', '/api/v1/scenarios/tier1-to-tier2/customer-update', {
      templates: { en: 'Hi {customer}, someone will be in touch' },
    });
    expect(noTime.status).toBe(400);
    const missing = await h().request('PUT', '/api/v1/scenarios/no-such/customer-update', {
      templates: { en: 'Hi {customer}, by {replyBy}' },
    });
    expect(missing.status).toBe(404);
    expect(await snapshot(h().database)).toEqual(before);

    const c1 = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({ customer: { externalId: 'v-1', name: 'Ann' } }),
    );
    const first = await h().request('POST', `/api/v1/cases/${c1.body.id}/handoffs`, {
      scenario: 'tier1-to-tier2',
      packet: fullPacket,
    });
    expect(first.body.customerUpdate.template.version).toBe(1);

    const lead = await h().tokenFor('sofia');
    const edited = await h().request(
      'PUT',
      '/api/v1/scenarios/tier1-to-tier2/customer-update',
      {
        templates: { en: 'Dear {customer}, {team} has your case. Reply by {replyBy}.' },
        shareOwnerName: false,
      },
      { token: lead },
    );
    expect(edited.status).toBe(200);
    expect(edited.body.customerUpdate).toMatchObject({
      version: 2,
      lastReviewed: '2026-11-23',
      shareOwnerName: false,
    });
    expect(edited.body.customerUpdateStale).toBe(false);

    const c2 = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({ customer: { externalId: 'v-2', name: 'Ben' } }),
    );
    const second = await h().request('POST', `/api/v1/cases/${c2.body.id}/handoffs`, {
      scenario: 'tier1-to-tier2',
      packet: fullPacket,
    });
    expect(second.body.customerUpdate.text).toMatch(/^Dear Ben, Tier 2 has your case\. Reply by /);
    expect(second.body.customerUpdate.template).toEqual({
      scenario: 'tier1-to-tier2',
      version: 2,
      language: 'en',
    });
    const again = await h().request('GET', `/api/v1/handoffs/${first.body.id}`);
    expect(again.body.customerUpdate).toEqual(first.body.customerUpdate);
  });

  it('shows templates not reviewed for 180 days as stale', async () => {
    h().setNow('2026-11-23T10:00:00Z');
    await h().request('PUT', '/api/v1/scenarios/voice-to-chat/customer-update', {
      templates: { en: 'Hi {customer}, continuing in chat with {owner}; reply by {replyBy}.' },
      lastReviewed: '2026-03-01',
    });
    const s = await h().request('GET', '/api/v1/scenarios/voice-to-chat');
    expect(s.body.customerUpdateStale).toBe(true);
  });
});
