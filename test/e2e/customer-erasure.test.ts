import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database.ts';
import { describeOnDatabases, fullPacket } from '../support/harness.ts';
import { snapshotAll } from '../support/snapshot.ts';

// A word planted in every free text a customer's cases can hold, and another for a second customer
// whose data must stay. After the erasure the first must be nowhere in the database.
const SECRET = 'Quillfeather';
const KEPT = 'Marrowdale';

describeOnDatabases("erasing a customer's personal data", (h) => {
  const tokens: Record<string, string> = {};
  let customerId = '';
  let caseIds: string[] = [];
  let otherCaseId = '';
  let eventsBefore: unknown[] = [];

  const as = (key: string) => ({ token: tokens[key] });
  const erase = (body: unknown, who = 'ines', id = customerId) =>
    h().request('POST', `/api/v1/customers/${id}/erasure`, body, as(who));
  /** How many rows of each table (as text) still hold `word`. */
  async function tablesHolding(word: string): Promise<Record<string, number>> {
    const tables = rowsOf<{ t: string }>(
      await h().database.db.execute(
        sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      ),
    ).map((r) => r.t);
    const found: Record<string, number> = {};
    for (const t of tables) {
      const [row] = rowsOf<{ n: number }>(
        await h().database.db.execute(
          sql.raw(`select count(*)::int as n from "${t}" x where x::text ilike '%${word}%'`),
        ),
      );
      if (row!.n > 0) found[t] = row!.n;
    }
    return found;
  }
  const caseLog = async () =>
    rowsOf(
      await h().database.db.execute(
        sql`select seq, id, case_id, handoff_id, type, at, actor_id, data::text as data from case_events order by seq`,
      ),
    );

  beforeAll(async () => {
    for (const key of ['ines', 'amara', 'grace', 'hannah', 'diana']) tokens[key] = await h().tokenFor(key);
    h().runtime.services.config.webhookAllowPrivate = true;
    const sub = await h().request(
      'POST',
      '/api/v1/webhooks/subscriptions',
      { url: 'http://127.0.0.1:9/hook', secret: 'erasure-test-secret', events: ['*'] },
      as('ines'),
    );
    expect(sub.status).toBe(201);

    const customer = { externalId: 'cust-erase-1', name: `Ada ${SECRET}`, email: `ada@${SECRET}.example` };
    const open = async (n: number) => {
      const res = await h().request(
        'POST',
        '/api/v1/cases',
        {
          subject: `Refund for ${SECRET} order ${n}`,
          customer,
          channel: 'chat',
          messages: [
            { role: 'customer', text: `My name is Ada ${SECRET}, I live at 4 ${SECRET} Lane.` },
            { role: 'agent', text: `Thanks Ada ${SECRET}, let me check.` },
          ],
          documents: [{ kind: 'invoice', name: `invoice-${SECRET}.pdf` }],
        },
        as('amara'),
      );
      expect(res.status).toBe(201);
      return res.body as { id: string; customer: { id: string } };
    };
    const first = await open(1);
    const second = await open(2);
    customerId = first.customer.id;
    caseIds = [first.id, second.id];

    const packet = {
      ...fullPacket,
      whatHappened: `Ada ${SECRET} was charged twice.`,
      attempted: [`Called ${SECRET} on her mobile`],
      nextSteps: [`Refund ${SECRET}`],
      summary: `Duplicate charge for ${SECRET}.`,
    };
    const sent = await h().request(
      'POST',
      `/api/v1/cases/${first.id}/handoffs`,
      { scenario: 'billing-to-finance', packet },
      as('amara'),
    );
    expect(sent.status).toBe(201);
    const handoffId = sent.body.id as string;
    const promise = await h().request(
      'POST',
      `/api/v1/handoffs/${handoffId}/promises`,
      { text: `Call ${SECRET} back tomorrow`, due: new Date(h().now().getTime() + 86_400_000).toISOString() },
      as('amara'),
    );
    expect(promise.status).toBe(201);
    const reassigned = await h().request(
      'POST',
      `/api/v1/handoffs/${handoffId}/reassign`,
      { reason: `${SECRET} asked for a senior` },
      as('grace'),
    );
    expect(reassigned.status).toBe(200);
    const bounced = await h().request(
      'POST',
      `/api/v1/handoffs/${handoffId}/bounce`,
      { reason: 'missing_context', note: `Which card did ${SECRET} use?` },
      as('grace'),
    );
    expect(bounced.status).toBe(200);
    const asked = await h().request(
      'POST',
      `/api/v1/cases/${first.id}/document-requests`,
      { kind: 'bank_statement', reason: `${SECRET} disputes the bank's record` },
      as('amara'),
    );
    expect(asked.status).toBe(201);
    // An angry message dips the sentiment: the dip's event quotes it.
    const dip = await h().request(
      'POST',
      `/api/v1/cases/${first.id}/messages`,
      { role: 'customer', text: `This is terrible, awful, I hate this, ${SECRET} is furious and disgusted!` },
      as('amara'),
    );
    expect(dip.status).toBe(201);

    const other = await h().request(
      'POST',
      '/api/v1/cases',
      {
        subject: `Boiler for ${KEPT}`,
        customer: { externalId: 'cust-keep-1', name: `Bo ${KEPT}` },
        channel: 'voice',
        messages: [{ role: 'customer', text: `${KEPT} here, my boiler is broken.` }],
      },
      as('amara'),
    );
    otherCaseId = other.body.id;
    eventsBefore = await caseLog();
  });
  afterAll(() => {
    h().runtime.services.config.webhookAllowPrivate = false;
  });

  it('holds the planted word in the cases, the packet, the log beside it, notifications and deliveries first', async () => {
    const holding = await tablesHolding(SECRET);
    expect(holding).toMatchObject({
      customers: 1,
      cases: 2,
      messages: 5,
      documents: 2,
      handoffs: expect.any(Number),
      event_personal_data: expect.any(Number),
    });
    // Webhook deliveries never carried it (redacted when written).
    expect(holding.outbox).toBeUndefined();
    // The log itself never held it: its personal text is kept beside it.
    expect(holding.case_events).toBeUndefined();
    const events = await h().request('GET', `/api/v1/cases/${caseIds[0]}/events`, undefined, as('amara'));
    const byType = (type: string) => events.body.items.find((e: { type: string }) => e.type === type)?.data;
    expect(byType('case.created').subject).toBe(`Refund for ${SECRET} order 1`);
    expect(byType('handoff.bounced').note).toBe(`Which card did ${SECRET} use?`);
    expect(byType('promise.made').text).toBe(`Call ${SECRET} back tomorrow`);
    expect(byType('sentiment.dip').text).toContain(SECRET);
  });

  it('gives an admin everything held about the customer as one file, and logs who took it', async () => {
    const before = await snapshotAll(h().database);
    const agent = await h().request('GET', `/api/v1/customers/${customerId}/export`, undefined, as('amara'));
    expect([agent.status, agent.body.error.code]).toEqual([403, 'forbidden']);
    const unknown = await h().request('GET', '/api/v1/customers/cu_nobody/export', undefined, as('ines'));
    expect(unknown.status).toBe(404);
    expect(await snapshotAll(h().database)).toEqual(before);

    const res = await h().request('GET', `/api/v1/customers/${customerId}/export`, undefined, as('ines'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="baton-customer-cust-erase-1-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const data = res.body;
    expect(data.customer).toMatchObject({
      id: customerId,
      name: `Ada ${SECRET}`,
      email: `ada@${SECRET}.example`,
    });
    expect(data.risk).toMatchObject({ score: expect.any(Number), reasons: expect.any(Array) });
    expect(data.cases.map((c: { id: string }) => c.id).sort()).toEqual([...caseIds].sort());
    const first = data.cases.find((c: { id: string }) => c.id === caseIds[0]);
    expect(first.messages.map((m: { text: string }) => m.text)).toContain(
      `My name is Ada ${SECRET}, I live at 4 ${SECRET} Lane.`,
    );
    expect(first.documents).toEqual([
      expect.objectContaining({ kind: 'invoice', name: `invoice-${SECRET}.pdf` }),
    ]);
    expect(first.handoffs.find((x: { state: string }) => x.state === 'bounced').packet.whatHappened).toBe(
      `Ada ${SECRET} was charged twice.`,
    );
    const bounced = first.events.find((e: { type: string }) => e.type === 'handoff.bounced');
    expect(bounced.data.note).toBe(`Which card did ${SECRET} use?`);
    // Nothing of another customer's.
    expect(JSON.stringify(data)).not.toContain(KEPT);

    const log = await h().request('GET', '/api/v1/admin/changes?area=customers', undefined, as('ines'));
    expect(log.body.items[0]).toMatchObject({
      action: 'customer.exported',
      subject: customerId,
      subjectName: 'Customer',
      detail: { cases: { to: 2 } },
    });
  });

  it('refuses anyone but an admin, an unconfirmed erasure and bad input, changing nothing', async () => {
    const before = await snapshotAll(h().database);
    const agent = await erase({ confirm: 'cust-erase-1' }, 'amara');
    expect([agent.status, agent.body.error.code]).toEqual([403, 'forbidden']);
    const lead = await erase({ confirm: 'cust-erase-1' }, 'grace');
    expect(lead.status).toBe(403);
    const wrong = await erase({ confirm: 'cust-erase-2' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error).toMatchObject({ code: 'erasure_unconfirmed', field: 'confirm' });
    const blank = await erase({ confirm: '   ' });
    expect(blank.body.error.code).toBe('erasure_unconfirmed');
    const missing = await erase({});
    expect([missing.status, missing.body.error.code]).toEqual([400, 'validation_failed']);
    const unknown = await erase({ confirm: 'x' }, 'ines', 'cu_nobody');
    expect(unknown.status).toBe(404);
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it('erases every word of theirs, keeps the log as it was and adds one event a case', async () => {
    const res = await erase({ confirm: `  Ada ${SECRET} `, reason: 'Request DSR-2026-118' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      customerId,
      erasedAt: h().now().toISOString(),
      erasedBy: { name: expect.stringContaining('Inès') },
      erased: { cases: 2, messages: 5, documents: 2 },
    });
    expect(res.body.erased.events).toBeGreaterThan(0);
    expect(res.body.erased.notifications).toBeGreaterThanOrEqual(0);
    expect(res.body.erased.handoffs).toBeGreaterThan(0);

    expect(await tablesHolding(SECRET)).toEqual({});
    // The second customer is untouched.
    expect(Object.keys(await tablesHolding(KEPT)).sort()).toEqual(
      expect.arrayContaining(['cases', 'customers', 'messages']),
    );

    // Invariant 4: every event before is unchanged; the erasure appended one per case.
    const after = await caseLog();
    expect(after.slice(0, eventsBefore.length)).toEqual(eventsBefore);
    const added = after.slice(eventsBefore.length) as { type: string; case_id: string }[];
    expect(added.map((e) => [e.type, e.case_id]).sort()).toEqual(
      caseIds.map((id) => ['customer.erased', id]).sort(),
    );
  });

  it('reads as erased through the API, and says when and by whom', async () => {
    const customer = await h().request('GET', `/api/v1/customers/${customerId}`, undefined, as('amara'));
    expect(customer.body).toMatchObject({
      name: '[erased]',
      email: null,
      externalId: `erased:${customerId}`,
      erasedAt: h().now().toISOString(),
      erasedBy: { name: expect.stringContaining('Inès') },
    });
    const kase = await h().request('GET', `/api/v1/cases/${caseIds[0]}`, undefined, as('amara'));
    expect(kase.body.subject).toBe('[erased]');
    const events = await h().request('GET', `/api/v1/cases/${caseIds[0]}/events`, undefined, as('amara'));
    const byType = (type: string) => events.body.items.find((e: { type: string }) => e.type === type)?.data;
    expect(byType('case.created')).toMatchObject({ subject: '[erased]', channel: 'chat' });
    expect(byType('handoff.bounced')).toMatchObject({ note: '[erased]', reason: 'missing_context' });
    expect(byType('promise.made').text).toBe('[erased]');
    expect(byType('customer.erased')).toEqual({ customerId });
    const handoff = await h().request(
      'GET',
      `/api/v1/handoffs/${events.body.items.find((e: { type: string }) => e.type === 'handoff.sent').data.handoffId}`,
      undefined,
      as('amara'),
    );
    expect(handoff.body.packet).toMatchObject({
      whatHappened: '[erased]',
      attempted: ['[erased]'],
      emotion: 'frustrated',
      urgency: 'high',
      documents: fullPacket.documents,
    });
    expect(handoff.body.state).toBe('bounced');

    const log = await h().request('GET', '/api/v1/admin/changes?area=customers', undefined, as('ines'));
    expect(log.body.items[0]).toMatchObject({
      action: 'customer.erased',
      subject: customerId,
      subjectName: 'Erased customer',
      detail: { reason: { to: 'Request DSR-2026-118' }, cases: { to: 2 } },
    });
  });

  it('exports an erased customer as erased', async () => {
    const res = await h().request('GET', `/api/v1/customers/${customerId}/export`, undefined, as('ines'));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
    expect(res.body.customer).toMatchObject({ name: '[erased]', erasedAt: h().now().toISOString() });
  });

  it('counts a rating the helpdesk sends after the erasure, without keeping its comment', async () => {
    const res = await h().request(
      'POST',
      `/api/v1/cases/${caseIds[0]}/satisfaction`,
      { rating: 1, comment: `Still waiting, ${SECRET} here`, source: 'zendesk', externalId: 'late-rating-1' },
      as('amara'),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ rating: '1', satisfied: false, comment: null, outcome: 'created' });
    expect(await tablesHolding(SECRET)).toEqual({});
  });

  it('refuses a second erasure, and a new contact under the old id is a new customer', async () => {
    const again = await erase({ confirm: `erased:${customerId}` });
    expect([again.status, again.body.error.code]).toEqual([409, 'customer_erased']);
    const back = await h().request(
      'POST',
      '/api/v1/cases',
      { subject: 'Hello again', customer: { externalId: 'cust-erase-1', name: 'Ada' }, channel: 'chat' },
      as('amara'),
    );
    expect(back.status).toBe(201);
    expect(back.body.customer.id).not.toBe(customerId);
    expect(
      (await h().request('GET', `/api/v1/cases/${otherCaseId}`, undefined, as('amara'))).body.subject,
    ).toBe(`Boiler for ${KEPT}`);
  });
});
