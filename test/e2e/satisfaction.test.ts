import { expect, it } from 'vitest';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';
import { snapshotAll } from '../support/snapshot.ts';

type Rating = {
  id: string;
  rating: string;
  satisfied: boolean;
  comment: string | null;
  ratedAt: string;
  handoffId: string | null;
  team: { key: string; name: string } | null;
  outcome?: string;
};

describeOnDatabases('customer satisfaction ratings (CSAT)', (h) => {
  const open = async (externalId: string) => {
    const res = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({ customer: { externalId, name: externalId } }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const send = async (caseId: string, scenario = 'billing-to-finance', packet: object = fullPacket) => {
    const res = await h().request('POST', `/api/v1/cases/${caseId}/handoffs`, { scenario, packet });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const rate = (caseId: string, body: object) =>
    h().request('POST', `/api/v1/cases/${caseId}/satisfaction`, body);

  it('records a rating counted for the team whose handoff held the case, logs it, and lists it', async () => {
    h().setNow('2026-11-23T10:00:00Z');
    const caseId = await open('csat-1');
    // Before any handoff: counted for nobody's handoff.
    const early = await rate(caseId, { rating: 3 });
    expect(early.status, JSON.stringify(early.body)).toBe(201);
    expect(early.body).toMatchObject({
      rating: '3',
      satisfied: false,
      handoffId: null,
      team: null,
      outcome: 'created',
    });
    h().advance(60_000);
    const handoffId = await send(caseId);
    h().advance(3_600_000);
    const res = await rate(caseId, {
      rating: 'good',
      comment: 'Finance sorted it quickly',
      source: 'zendesk',
      externalId: 'zr-1',
    });
    expect(res.status).toBe(201);
    const rated = res.body as Rating;
    expect(rated).toMatchObject({
      rating: 'good',
      satisfied: true,
      comment: 'Finance sorted it quickly',
      handoffId,
      team: { key: 'finance' },
      ratedAt: '2026-11-23T11:01:00.000Z',
    });
    const list = (await h().request('GET', `/api/v1/cases/${caseId}/satisfaction`)).body;
    expect(list.items.map((r: Rating) => r.rating)).toEqual(['3', 'good']);
    expect(list.latest.id).toBe(rated.id);
    const events = (await h().request('GET', `/api/v1/cases/${caseId}/events`)).body.items.filter(
      (e: { type: string }) => e.type === 'satisfaction.rated',
    );
    expect(events).toHaveLength(2);
    expect(events[1].data).toEqual({
      ratingId: rated.id,
      rating: 'good',
      satisfied: true,
      team: 'finance',
      source: 'zendesk',
      comment: 'Finance sorted it quickly',
    });
  });

  it('takes the same rating from a helpdesk again without a second one, and a changed one as a change', async () => {
    h().setNow('2026-11-23T10:00:00Z');
    const caseId = await open('csat-2');
    await send(caseId);
    const first = await rate(caseId, { rating: 'good', source: 'zendesk', externalId: 'zr-2' });
    expect(first.status).toBe(201);
    const before = await snapshotAll(h().database);
    const again = await rate(caseId, { rating: 'good', source: 'zendesk', externalId: 'zr-2' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, outcome: 'unchanged' });
    expect(await snapshotAll(h().database)).toEqual(before);

    const changed = await rate(caseId, {
      rating: 'bad',
      comment: 'It came back',
      source: 'zendesk',
      externalId: 'zr-2',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      id: first.body.id,
      rating: 'bad',
      satisfied: false,
      outcome: 'changed',
    });
    const list = (await h().request('GET', `/api/v1/cases/${caseId}/satisfaction`)).body.items;
    expect(list).toHaveLength(1);
    const log = (await h().request('GET', `/api/v1/cases/${caseId}/events`)).body.items.filter(
      (e: { type: string }) => e.type === 'satisfaction.rated',
    );
    expect(
      log.map((e: { data: { rating: string; changedFrom?: string } }) => [e.data.rating, e.data.changedFrom]),
    ).toEqual([
      ['good', undefined],
      ['bad', 'good'],
    ]);
    // The same helpdesk rating id on another case is a mistake, not a move.
    const other = await open('csat-2b');
    const moved = await rate(other, { rating: 'good', source: 'zendesk', externalId: 'zr-2' });
    expect(moved.status).toBe(409);
    expect(moved.body.error.field).toBe('externalId');
  });

  it('refuses bad input with the field at fault and changes nothing', async () => {
    h().setNow('2026-11-23T10:00:00Z');
    const caseId = await open('csat-3');
    const qa = await h().tokenFor('hannah');
    const before = await snapshotAll(h().database);
    for (const [body, status, code, field] of [
      [{ rating: 6 }, 400, 'validation_failed', 'rating'],
      [{ rating: 0 }, 400, 'validation_failed', 'rating'],
      [{ rating: 4.5 }, 400, 'validation_failed', 'rating'],
      [{ rating: 'great' }, 400, 'validation_failed', 'rating'],
      [{}, 400, 'validation_failed', 'rating'],
      [{ rating: 5, at: 'yesterday' }, 400, 'validation_failed', 'at'],
      [{ rating: 5, comment: 'x'.repeat(2001) }, 400, 'validation_failed', 'comment'],
      [{ rating: 5, at: '2026-11-23T10:06:00Z' }, 422, 'rating_in_future', 'at'],
    ] as const) {
      const res = await rate(caseId, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.field).toBe(field);
    }
    const missing = await rate('case_nope', { rating: 5 });
    expect(missing.status).toBe(404);
    expect((await h().request('GET', '/api/v1/cases/case_nope/satisfaction')).status).toBe(404);
    const forbidden = await h().request(
      'POST',
      `/api/v1/cases/${caseId}/satisfaction`,
      { rating: 5 },
      { token: qa },
    );
    expect(forbidden.status).toBe(403);
    expect(await snapshotAll(h().database)).toEqual(before);
    // A rating a few minutes ahead (a helpdesk's clock running fast) is taken.
    expect((await rate(caseId, { rating: 5, at: '2026-11-23T10:04:00Z' })).status).toBe(201);
  });

  it('reports CSAT, by team and against what the handoffs went through', async () => {
    h().setNow('2026-12-01T09:00:00Z');
    // Two cases finance handled cleanly (both satisfied), one bounced back then unsatisfied, one never handed off.
    const clean1 = await open('csat-m1');
    await send(clean1);
    const clean2 = await open('csat-m2');
    await send(clean2);
    const bounced = await open('csat-m3');
    const h3 = await send(bounced);
    const lead = await h().tokenFor('grace');
    const b = await h().request(
      'POST',
      `/api/v1/handoffs/${h3}/bounce`,
      { reason: 'missing_context' },
      { token: lead },
    );
    expect(b.status, JSON.stringify(b.body)).toBe(200);
    const alone = await open('csat-m4');
    const unrated = await open('csat-m5');
    await send(unrated);
    h().advance(3_600_000);
    await rate(clean1, { rating: 5 });
    await rate(clean2, { rating: 3 });
    await rate(clean2, { rating: 4 }); // the latest rating is the customer's view
    await rate(bounced, { rating: 'bad' });
    await rate(alone, { rating: 'good' });

    const m = (await h().request('GET', '/api/v1/analytics/metrics?from=2026-12-01&to=2026-12-02')).body;
    expect(m.satisfaction).toEqual({ count: 3, of: 4, rate: 0.75 });
    const byTeam = Object.fromEntries(
      m.satisfactionBy.team.map((t: { team: string | null; rate: number }) => [t.team, t.rate]),
    );
    // The bounce gave the case back to support: its rating is still counted for finance's handoff, the last sent.
    expect(byTeam).toEqual({ finance: 0.6667, null: 1 });
    const bounce = m.satisfactionBy.signal.find((s: { signal: string }) => s.signal === 'bounced');
    expect(bounce).toEqual({
      signal: 'bounced',
      with: { count: 0, of: 1, rate: 0 },
      without: { count: 3, of: 3, rate: 1 },
      gap: -100,
    });
    const handedOff = m.satisfactionBy.signal.find((s: { signal: string }) => s.signal === 'handed_off');
    expect(handedOff.with).toEqual({ count: 2, of: 3, rate: 0.6667 });
    // Filtered to a team: only the cases it touched.
    const finance = (
      await h().request('GET', '/api/v1/analytics/metrics?from=2026-12-01&to=2026-12-02&team=finance')
    ).body;
    expect(finance.satisfaction).toEqual({ count: 2, of: 3, rate: 0.6667 });
    const compare = (
      await h().request(
        'GET',
        '/api/v1/analytics/compare?before=2026-11-16/2026-11-22&after=2026-11-30/2026-12-06',
      )
    ).body;
    expect(compare.rates.find((r: { figure: string }) => r.figure === 'satisfaction')).toMatchObject({
      before: { of: 0 },
      after: { count: 3, of: 4, rate: 0.75 },
      verdict: 'not enough data',
    });
  });

  it('lists the ratings of a period newest first, narrowed to the unsatisfied or a team, page by page', async () => {
    h().setNow('2026-12-08T09:00:00Z');
    const ids: string[] = [];
    for (const [i, rating] of (['good', 'bad', 2, 5, 'bad'] as const).entries()) {
      const caseId = await open(`csat-l${i}`);
      if (i % 2 === 0) await send(caseId); // to finance
      h().advance(60_000);
      const r = await rate(caseId, { rating, comment: `comment ${i}` });
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
    const lead = await h().tokenFor('grace');
    const list = (q: string) =>
      h().request('GET', `/api/v1/satisfaction?from=2026-12-08&to=2026-12-08${q}`, undefined, {
        token: lead,
      });
    const all = (await list('')).body;
    expect(all.items.map((r: Rating) => r.id)).toEqual([...ids].reverse());
    expect(all.items[0]).toMatchObject({
      rating: 'bad',
      satisfied: false,
      comment: 'comment 4',
      caseSubject: 'Charged twice for October',
      customer: { name: 'csat-l4' },
      team: { key: 'finance' },
      superseded: false,
    });
    expect(all.nextCursor).toBeNull();
    const unhappy = (await list('&satisfied=false')).body.items.map((r: Rating) => r.rating);
    expect(unhappy).toEqual(['bad', '2', 'bad']);
    const finance = (await list('&team=finance')).body.items.map((r: Rating) => r.id);
    expect(finance).toEqual([ids[4], ids[2], ids[0]]);
    // Two at a time: every rating once, in order.
    const first = (await list('&limit=2')).body;
    const second = (await list(`&limit=2&cursor=${first.nextCursor}`)).body;
    const third = (await list(`&limit=2&cursor=${second.nextCursor}`)).body;
    expect([...first.items, ...second.items, ...third.items].map((r: Rating) => r.id)).toEqual(
      [...ids].reverse(),
    );
    expect(third.nextCursor).toBeNull();
    // Bad input names its field; an agent may not read the organisation's ratings.
    const badCursor = await list('&cursor=nope');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.field).toBe('cursor');
    expect((await list('&satisfied=maybe')).body.error.field).toBe('satisfied');
    expect(
      (
        await h().request('GET', '/api/v1/satisfaction?from=2026-12-09&to=2026-12-08', undefined, {
          token: lead,
        })
      ).status,
    ).toBe(400);
    const agent = await h().tokenFor('amara');
    expect((await h().request('GET', '/api/v1/satisfaction', undefined, { token: agent })).status).toBe(403);
  });

  it("erases the customer's comment with them and gives it in their data export", async () => {
    h().setNow('2026-11-23T10:00:00Z');
    const caseId = await open('csat-5');
    await rate(caseId, { rating: 2, comment: 'Maria here, nobody called me back' });
    const c = (await h().request('GET', `/api/v1/cases/${caseId}`)).body;
    const customerId = c.customer.id as string;
    const risk = (await h().request('GET', `/api/v1/customers/${customerId}/risk`)).body;
    expect(risk.reasons).toContainEqual({
      id: 'low_satisfaction',
      weight: 20,
      detail: 'rated a case not satisfied',
    });
    const exported = (await h().request('GET', `/api/v1/customers/${customerId}/export`)).body;
    expect(exported.cases[0].satisfaction).toEqual([
      expect.objectContaining({ rating: '2', comment: 'Maria here, nobody called me back' }),
    ]);
    const erased = await h().request('POST', `/api/v1/customers/${customerId}/erasure`, {
      confirm: 'csat-5',
    });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    const after = (await h().request('GET', `/api/v1/cases/${caseId}/satisfaction`)).body.items;
    expect(after[0]).toMatchObject({ rating: '2', comment: '[erased]' });
    const log = (await h().request('GET', `/api/v1/cases/${caseId}/events`)).body.items.find(
      (e: { type: string }) => e.type === 'satisfaction.rated',
    );
    expect(log.data.comment).toBe('[erased]');
  });
});
