import { expect, it } from 'vitest';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';
import { snapshotAll } from '../support/snapshot.ts';

/** Freshdesk's `GET /api/v2/surveys/satisfaction_ratings` answer, as its documentation shows one. */
const freshdeskAnswer = (
  id: number,
  ticket: number,
  value: number,
  at: string,
  feedback: string | null = null,
) => ({
  id,
  survey_id: 50000004,
  user_id: 50001234,
  agent_id: 50004321,
  feedback,
  group_id: 50000123,
  ticket_id: ticket,
  created_at: at,
  updated_at: at,
  ratings: { default_question: value },
});

describeOnDatabases("importing a helpdesk's satisfaction ratings", (h) => {
  const cases: Record<string, { id: string; handoff: string }> = {};
  const open = async (ticket: string) => {
    const c = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({ externalId: ticket, customer: { externalId: `cust-${ticket}`, name: `Customer ${ticket}` } }),
    );
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const sent = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    cases[ticket] = { id: c.body.id, handoff: sent.body.id };
  };
  const ratingsOf = async (ticket: string) =>
    (await h().request('GET', `/api/v1/cases/${cases[ticket]!.id}/satisfaction`)).body.items as {
      rating: string;
      comment: string | null;
      ratedAt: string;
      handoffId: string | null;
    }[];
  const lead = async () => ({ token: await h().tokenFor('grace') });

  it('records ratings by the helpdesk ticket or the Baton case, skips unknown tickets, and changes nothing the second time', async () => {
    h().setNow('2026-11-02T09:00:00Z');
    await open('5101');
    await open('5102');
    h().setNow('2026-11-09T09:00:00Z');
    const batch = {
      source: 'zendesk',
      ratings: [
        {
          caseExternalId: '5101',
          rating: 'good',
          at: '2026-11-03T10:00:00Z',
          externalId: 'zr-1',
          comment: 'Quick',
        },
        { caseId: cases['5102']!.id, rating: 'bad', at: '2026-11-04T10:00:00Z', externalId: 'zr-2' },
        { caseExternalId: '4999', rating: 'bad', at: '2026-10-01T10:00:00Z', externalId: 'zr-0' },
      ],
    };
    const res = await h().request('POST', '/api/v1/satisfaction/import', batch, await lead());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      created: 2,
      changed: 0,
      unchanged: 0,
      skipped: [{ index: 2, reason: 'case_not_found', case: '4999' }],
    });
    // Each counted for the handoff that held its case at its own time, as a single rating is.
    expect(await ratingsOf('5101')).toEqual([
      expect.objectContaining({
        rating: 'good',
        comment: 'Quick',
        ratedAt: '2026-11-03T10:00:00.000Z',
        handoffId: cases['5101']!.handoff,
      }),
    ]);
    // A week old when it arrived: recorded, not announced.
    const inbox = await h().request('GET', '/api/v1/notifications', undefined, await lead());
    expect(
      inbox.body.items.filter(
        (n: { kind: string; caseId: string }) =>
          n.kind === 'unsatisfied_rating' && n.caseId === cases['5102']!.id,
      ),
    ).toEqual([]);
    const before = await snapshotAll(h().database);
    const again = await h().request('POST', '/api/v1/satisfaction/import', batch, await lead());
    expect(again.body).toMatchObject({ created: 0, changed: 0, unchanged: 2 });
    expect(await snapshotAll(h().database)).toEqual(before);
    // The customer changed their mind in the helpdesk: the same id replaces the rating.
    const changed = await h().request(
      'POST',
      '/api/v1/satisfaction/import',
      { source: 'zendesk', ratings: [{ ...batch.ratings[1], rating: 'good' }] },
      await lead(),
    );
    expect(changed.body).toMatchObject({ created: 0, changed: 1 });
    expect((await ratingsOf('5102')).map((r) => r.rating)).toEqual(['good']);
  });

  it("takes a page of Freshdesk's ratings API as it is, its survey values as stars", async () => {
    h().setNow('2026-11-16T09:00:00Z');
    await open('7001');
    await open('7002');
    const page = [
      freshdeskAnswer(90001, 7001, 103, '2026-11-16T12:00:00Z', 'Lovely, thanks'),
      freshdeskAnswer(90002, 7002, -102, '2026-11-16T13:00:00Z', '  '),
    ];
    h().setNow('2026-11-17T09:00:00Z');
    // Sent by an admin's token: the lead, who did not import it, is told.
    const res = await h().request('POST', '/api/v1/satisfaction/import/freshdesk', page);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ created: 2, skipped: [] });
    expect((await ratingsOf('7001'))[0]).toMatchObject({ rating: '5', comment: 'Lovely, thanks' });
    expect((await ratingsOf('7002'))[0]).toMatchObject({ rating: '2', comment: null });
    const list = await h().request(
      'GET',
      '/api/v1/satisfaction?from=2026-11-16&to=2026-11-16',
      undefined,
      await lead(),
    );
    expect(list.body.items.map((r: { source: string }) => r.source)).toEqual(['freshdesk', 'freshdesk']);
    // Given yesterday: the receiving team's lead hears of the unhappy one.
    const inbox = await h().request('GET', '/api/v1/notifications', undefined, await lead());
    expect(
      inbox.body.items.filter(
        (n: { kind: string; caseId: string }) =>
          n.kind === 'unsatisfied_rating' && n.caseId === cases['7002']!.id,
      ),
    ).toHaveLength(1);
  });

  it('refuses the whole batch, naming the rating, when one cannot be recorded; bad input and agents too', async () => {
    h().setNow('2026-11-23T09:00:00Z');
    await open('8001');
    const agentToken = await h().tokenFor('amara');
    const asLead = await lead();
    const before = await snapshotAll(h().database);
    const refusals: [string, unknown, number, string, string][] = [
      [
        '/api/v1/satisfaction/import',
        {
          source: 'zendesk',
          ratings: [
            { caseExternalId: '8001', rating: 4, externalId: 'ok-1' },
            { caseExternalId: '8001', rating: 2, at: '2026-11-24T09:00:00Z', externalId: 'future-1' },
          ],
        },
        422,
        'rating_in_future',
        'ratings.1.at',
      ],
      [
        '/api/v1/satisfaction/import',
        { source: 'zendesk', ratings: [{ caseExternalId: '8001', rating: 4, externalId: 'zr-1' }] },
        409,
        'conflict',
        'ratings.0.externalId',
      ],
      [
        '/api/v1/satisfaction/import',
        { source: 'zendesk', ratings: [] },
        400,
        'validation_failed',
        'ratings',
      ],
      [
        '/api/v1/satisfaction/import',
        { source: 'zendesk', ratings: [{ rating: 4 }] },
        400,
        'validation_failed',
        'ratings.0.caseExternalId',
      ],
      [
        '/api/v1/satisfaction/import',
        { source: 'zendesk', ratings: [{ caseExternalId: '8001', rating: 7 }] },
        400,
        'validation_failed',
        'ratings.0.rating',
      ],
      [
        '/api/v1/satisfaction/import/freshdesk',
        [freshdeskAnswer(1, 8001, 104, '2026-11-22T09:00:00Z')],
        400,
        'validation_failed',
        '0.ratings.default_question',
      ],
      [
        '/api/v1/satisfaction/import/freshdesk',
        [{ ...freshdeskAnswer(2, 8001, 103, '2026-11-22T09:00:00Z'), created_at: 'yesterday' }],
        400,
        'validation_failed',
        '0.created_at',
      ],
    ];
    for (const [path, body, status, code, field] of refusals) {
      const res = await h().request('POST', path, body, asLead);
      expect([res.status, res.body.error?.code, res.body.error?.field], JSON.stringify(body)).toEqual([
        status,
        code,
        field,
      ]);
    }
    const agent = await h().request(
      'POST',
      '/api/v1/satisfaction/import',
      { source: 'zendesk', ratings: [{ caseExternalId: '8001', rating: 4 }] },
      { token: agentToken },
    );
    expect([agent.status, agent.body.error.code]).toEqual([403, 'forbidden']);
    expect(await snapshotAll(h().database)).toEqual(before);
  });
});
