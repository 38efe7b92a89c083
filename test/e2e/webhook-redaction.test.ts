import { expect, it } from 'vitest';
import { outbox } from '../../src/integrations/integrations.table.ts';
import { describeOnDatabases, newCase } from '../support/harness.ts';

describeOnDatabases('personal data in outbound webhooks', (h) => {
  it('redacts free text in every payload, keeping the contract fields', async () => {
    h().runtime.services.config.webhookAllowPrivate = true;
    const sub = await h().request('POST', '/api/v1/webhooks/subscriptions', {
      url: 'http://127.0.0.1:9/hook',
      secret: 'whsec-redaction',
      events: ['sentiment.dip', 'handoff.bounced', 'document.rerequested'],
    });
    expect(sub.status).toBe(201);
    const kase = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({ customer: { externalId: 'pii-1', name: 'Maria Lopez', email: 'maria.lopez@example.com' } }),
    );
    h().advance(60_000);
    await h().request('POST', `/api/v1/cases/${kase.body.id}/messages`, {
      role: 'customer',
      text: 'This is RIDICULOUS, third time!!! I am Maria Lopez, call me on +44 7700 900123 or write to maria.lopez@example.com. Card 4111 1111 1111 1111 was charged twice. Absolutely unacceptable!!!',
    });
    await h().request('POST', `/api/v1/cases/${kase.body.id}/messages`, {
      role: 'agent',
      text: 'Sorry Maria. Could you send the invoice again to maria.lopez@example.com?',
    });
    const rows = await h().database.db.select().from(outbox);
    const bodies = rows.map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => b.type).sort()).toEqual(['document.rerequested', 'sentiment.dip']);
    for (const b of bodies) {
      expect(Object.keys(b).sort()).toEqual(['createdAt', 'data', 'id', 'seq', 'type']);
      expect(b.data.caseId).toBe(kase.body.id);
      const raw = JSON.stringify(b);
      for (const secret of ['Maria', 'Lopez', '7700 900123', 'maria.lopez@', '4111 1111']) {
        expect(raw).not.toContain(secret);
      }
    }
    const dip = bodies.find((b) => b.type === 'sentiment.dip');
    expect(dip.data.text).toContain('[PHONE_1]');
    expect(dip.data.text).toContain('[CARD_1]');
    expect(dip.data.reason).toBeTruthy();
    const rerequest = bodies.find((b) => b.type === 'document.rerequested');
    expect(rerequest.data).toMatchObject({ kind: 'invoice', onFile: 'INV-2026-10.pdf' });
  });
});
