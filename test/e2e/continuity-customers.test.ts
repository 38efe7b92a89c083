import { expect, it } from 'vitest';
import { describeOnDatabases, newCase } from '../support/harness.ts';
import { snapshot } from '../support/snapshot.ts';

const csv = [
  'external_id,name,customer_since,annual_value,tier,timezone',
  'acme-1,Acme Boilers Ltd,2019-05-01,"48,000",,Europe/London',
  'tiny-1,Sam Small,2026-10-01,300,,',
].join('\n');

describeOnDatabases('customer tenure, value and high-value risk pages', (h) => {
  it('imports tenure and value from a CSV, refusing a wrong file whole with per-row errors', async () => {
    const agent = await h().tokenFor('amara');
    const forbidden = await h().request('POST', '/api/v1/customers/import', { csv }, { token: agent });
    expect(forbidden.status).toBe(403);

    const before = await snapshot(h().database);
    const bad = await h().request('POST', '/api/v1/customers/import', {
      csv: `${csv}\nbad-1,,yesterday,-3,,\n`,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('invalid_import');
    expect(bad.body.error.issues).toEqual([
      { line: 4, column: 'customer_since', message: '"yesterday" is not a date YYYY-MM-DD' },
      { line: 4, column: 'annual_value', message: '"-3" is not an amount of 0 or more' },
    ]);
    const unnamed = await h().request('POST', '/api/v1/customers/import', {
      csv: 'external_id,annual_value\nnobody-knows,100\n',
    });
    expect(unnamed.status).toBe(422);
    expect(unnamed.body.error.issues).toEqual([
      { line: 2, column: 'name', message: 'a new customer nobody-knows needs a name' },
    ]);
    expect(await snapshot(h().database)).toEqual(before);

    const c = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({ customer: { externalId: 'acme-1', name: 'Acme' } }),
    );
    const done = await h().request('POST', '/api/v1/customers/import', { csv });
    expect(done.body).toEqual({ created: 1, updated: 1, rows: 2 });
    const acme = await h().request('GET', `/api/v1/customers/${c.body.customer.id}`);
    expect(acme.body).toMatchObject({
      name: 'Acme Boilers Ltd',
      customerSince: '2019-05-01',
      annualValue: 48000,
      timezone: 'Europe/London',
      profileSource: 'import',
    });
    // A blank cell keeps what is known.
    await h().request('POST', '/api/v1/customers/import', {
      csv: 'external_id,tier,annual_value\nacme-1,gold,\n',
    });
    const again = await h().request('GET', `/api/v1/customers/${c.body.customer.id}`);
    expect(again.body).toMatchObject({ annualValue: 48000, tier: 'gold', customerSince: '2019-05-01' });
  });

  it('lets a lead set the page threshold and the high-value definition', async () => {
    expect((await h().request('GET', '/api/v1/settings/customer-risk')).body).toEqual({
      pageThreshold: 60,
      highValueMinAnnual: 10000,
      highValueTiers: [],
      caps: {},
    });
    const agent = await h().tokenFor('amara');
    expect(
      (await h().request('PUT', '/api/v1/settings/customer-risk', { pageThreshold: 10 }, { token: agent }))
        .status,
    ).toBe(403);
    const bad = await h().request('PUT', '/api/v1/settings/customer-risk', { pageThreshold: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('pageThreshold');
    const saved = await h().request('PUT', '/api/v1/settings/customer-risk', {
      pageThreshold: 40,
      highValueTiers: ['Enterprise'],
    });
    expect(saved.body).toEqual({
      pageThreshold: 40,
      highValueMinAnnual: 10000,
      highValueTiers: ['enterprise'],
      caps: {},
    });
  });

  it("lets a lead cap each reason of the risk model: points scale with the cap, 0 turns a reason off, null restores the model's", async () => {
    const c = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({
        customer: { externalId: 'capped-1', name: 'Capped Customer' },
        messages: [{ role: 'customer', text: 'This is unacceptable. I want to make a formal complaint.' }],
      }),
    );
    expect(c.status).toBe(201);
    const complaint = async () => {
      const risk = await h().request('GET', `/api/v1/customers/${c.body.customer.id}/risk`);
      expect(risk.status).toBe(200);
      return risk.body.reasons.find((r: { id: string }) => r.id === 'complaint')?.weight ?? null;
    };
    const settings = async () => (await h().request('GET', '/api/v1/settings/customer-risk')).body;
    expect(await complaint()).toBe(20);
    const put = (body: object) => h().request('PUT', '/api/v1/settings/customer-risk', body);
    const raised = await put({ caps: { complaint: 40, long_tenure: -10 } });
    expect(raised.status).toBe(200);
    expect(raised.body.caps).toEqual({ complaint: 40, long_tenure: -10 });
    expect(await complaint()).toBe(27); // 20 x 40 / 30
    // Caps merge reason by reason; other settings keep their value.
    expect((await put({ caps: { complaint: 0 } })).body.caps).toEqual({ complaint: 0, long_tenure: -10 });
    expect(await complaint()).toBeNull();
    const before = await settings();
    for (const [caps, field] of [
      [{ complaint: 101 }, 'caps.complaint'],
      [{ complaint: 2.5 }, 'caps.complaint'],
      [{ long_tenure: 5 }, 'caps.long_tenure'],
      [{ loyalty: 3 }, 'caps'],
      ['lots', 'caps'],
    ] as const) {
      const bad = await put({ pageThreshold: 70, caps });
      expect(bad.status, JSON.stringify(caps)).toBe(400);
      expect(bad.body.error.field).toBe(field);
      expect(await settings()).toEqual(before);
    }
    expect((await put({ caps: { complaint: null, long_tenure: null } })).body.caps).toEqual({});
    expect(await complaint()).toBe(20);
  });

  it('pages every supervisor once when a high-value customer crosses the threshold, and again only after falling back', async () => {
    h().setNow('2026-11-23T10:00:00Z');
    await h().request('PUT', '/api/v1/settings/customer-risk', { pageThreshold: 40 });
    await h().request('POST', '/api/v1/customers/import', {
      csv: 'external_id,name,customer_since,annual_value\nbig-1,Harbour Hotels,2020-01-01,90000\nsmall-1,Pat Low,2020-01-01,50\n',
    });
    const pagesOf = async (key: string) => {
      const token = await h().tokenFor(key);
      const inbox = await h().request('GET', '/api/v1/notifications?limit=200', undefined, { token });
      return inbox.body.items.filter((n: { kind: string }) => n.kind === 'customer_risk');
    };
    const complain = (caseId: string, text: string) =>
      h().request('POST', `/api/v1/cases/${caseId}/messages`, { role: 'customer', text });

    const small = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({ customer: { externalId: 'small-1', name: 'Pat' } }),
    );
    const big = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({ customer: { externalId: 'big-1', name: 'Harbour' } }),
    );
    for (const id of [small.body.id, big.body.id]) {
      await complain(id, 'This is unacceptable service. I want to make a formal complaint.');
      await complain(id, 'I want to speak to a manager, this is the worst service ever.');
    }
    const risk = await h().request('GET', `/api/v1/customers/${big.body.customer.id}/risk`);
    expect(risk.body.score).toBeGreaterThanOrEqual(40);
    expect(risk.body.reasons.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining(['complaint', 'high_value', 'long_tenure']),
    );
    const diana = await pagesOf('diana');
    expect(diana).toHaveLength(1);
    expect(diana[0].title).toContain('Harbour Hotels');
    expect(diana[0].link).toBe(`/customers/${big.body.customer.id}`);
    expect(await pagesOf('samuel')).toHaveLength(1);

    // More bad messages while above the threshold: no new page.
    await complain(big.body.id, 'Still nothing. I am taking my business elsewhere.');
    expect(await pagesOf('diana')).toHaveLength(1);
    const events = (await h().request('GET', `/api/v1/cases/${big.body.id}/events`)).body.items;
    expect(events.filter((e: { type: string }) => e.type === 'customer.risk_crossed')).toHaveLength(1);

    // Raising the threshold puts them below it; lowering it under their score is a new crossing and a new page.
    await h().request('PUT', '/api/v1/settings/customer-risk', { pageThreshold: 100 });
    await h().request('POST', `/api/v1/cases/${big.body.id}/messages`, { role: 'customer', text: 'Hello?' });
    await h().request('PUT', '/api/v1/settings/customer-risk', { pageThreshold: 25 });
    await h().request('POST', `/api/v1/cases/${big.body.id}/messages`, {
      role: 'customer',
      text: 'Any news?',
    });
    expect(await pagesOf('diana')).toHaveLength(2);
  });

  it('takes tenure and value from a helpdesk payload where the vendor has them', async () => {
    const c = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({
        customer: {
          externalId: 'hd-1',
          name: 'Nia Lee',
          customerSince: '2026-11-01',
          annualValue: 1200,
          tier: 'Silver',
        },
      }),
    );
    expect(c.status).toBe(201);
    const got = await h().request('GET', `/api/v1/customers/${c.body.customer.id}`);
    expect(got.body).toMatchObject({
      customerSince: '2026-11-01',
      annualValue: 1200,
      tier: 'Silver',
      profileSource: 'helpdesk',
    });
    await h().request('POST', `/api/v1/cases/${c.body.id}/messages`, {
      role: 'customer',
      text: 'This is unacceptable service.',
    });
    const risk = await h().request('GET', `/api/v1/customers/${c.body.customer.id}/risk`);
    expect(risk.body.reasons.map((r: { id: string }) => r.id)).toContain('new_customer');
  });

  it('pages for a customer high-value by tier alone when the saved settings say so', async () => {
    h().setNow('2026-11-23T10:00:00Z');
    // Last in the suite, which shares one organisation (its page would count in the next test's
    // inbox); the settings are put back as well.
    const before = (await h().request('GET', '/api/v1/settings/customer-risk')).body;
    await h().request('PUT', '/api/v1/settings/customer-risk', {
      pageThreshold: 20,
      highValueMinAnnual: null,
      highValueTiers: ['Platinum'],
    });
    const crossed = async (customer: {
      externalId: string;
      name: string;
      tier?: string;
      annualValue?: number;
    }) => {
      const c = await h().request(
        'POST',
        '/api/v1/cases',
        newCase({
          customer,
          messages: [
            { role: 'customer', text: 'This is unacceptable service. I want to make a formal complaint.' },
          ],
        }),
      );
      expect(c.status).toBe(201);
      const events = (await h().request('GET', `/api/v1/cases/${c.body.id}/events`)).body.items;
      return events.filter((e: { type: string }) => e.type === 'customer.risk_crossed');
    };
    const [page] = await crossed({ externalId: 'tier-1', name: 'Tiered Customer', tier: 'platinum' });
    expect(page.data).toMatchObject({ threshold: 20, highValue: 'platinum tier' });
    // Without a minimum annual value, value alone no longer makes a customer high-value.
    expect(await crossed({ externalId: 'rich-1', name: 'Rich Customer', annualValue: 500000 })).toEqual([]);
    const restored = await h().request('PUT', '/api/v1/settings/customer-risk', before);
    expect(restored.body).toEqual(before);
  });
});
