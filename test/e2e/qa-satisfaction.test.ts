import { beforeAll, expect, it } from 'vitest';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';

const rubric = {
  name: 'Handoff rubric',
  criteria: [
    { id: 'context', label: 'Context is complete', scale: { min: 1, max: 5 } },
    { id: 'routing', label: 'Routed to the right team', scale: 'pass_fail' },
  ],
};

type Item = { handoffId: string; qaScore: number; scoredBy: string; rating: { rating: string } };

describeOnDatabases("QA against the customers' satisfaction ratings", (h) => {
  const tokens: Record<string, string> = {};
  const happy: string[] = [];
  const unhappy: string[] = [];
  let scorecard = '';
  let outside = '';

  const handoff = async (externalId: string) => {
    const c = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({ customer: { externalId, name: externalId } }),
    );
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const sent = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    return { caseId: c.body.id as string, id: sent.body.id as string };
  };
  const rate = async (caseId: string, rating: number | string, comment?: string) => {
    const res = await h().request('POST', `/api/v1/cases/${caseId}/satisfaction`, { rating, comment });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };
  const review = async (handoffId: string, context: number, routing: boolean) => {
    const res = await h().request(
      'POST',
      '/api/v1/qa/reviews',
      {
        handoffId,
        scorecardId: scorecard,
        scores: [
          { criterion: 'context', value: context },
          { criterion: 'routing', value: routing },
        ],
      },
      { token: tokens.hannah },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };
  const read = (query: string, token = tokens.grace) =>
    h().request('GET', `/api/v1/qa/satisfaction?${query}`, undefined, { token });

  beforeAll(async () => {
    tokens.grace = await h().tokenFor('grace');
    tokens.hannah = await h().tokenFor('hannah');
    tokens.diana = await h().tokenFor('diana');
    tokens.amara = await h().tokenFor('amara');
    const card = await h().request('POST', '/api/v1/qa/scorecards', rubric, { token: tokens.grace });
    expect(card.status).toBe(201);
    scorecard = card.body.id;

    h().setNow('2026-10-05T09:00:00Z');
    // Sent the week before the period: its rating must not count.
    const early = await handoff('qa-csat-early');
    outside = early.id;
    await rate(early.caseId, 1);

    h().setNow('2026-10-12T09:00:00Z');
    for (let i = 0; i < 6; i++) {
      const sent = await handoff(`qa-csat-happy-${i}`);
      h().advance(10 * 60_000);
      expect((await h().request('POST', `/api/v1/handoffs/${sent.id}/accept`)).status).toBe(200);
      // The customer first rated 2, then changed their mind: the latest rating counts.
      if (i === 0) await rate(sent.caseId, 2);
      h().advance(60_000);
      await rate(sent.caseId, 5, 'Sorted quickly');
      happy.push(sent.id);
    }
    for (let i = 0; i < 6; i++) {
      const sent = await handoff(`qa-csat-unhappy-${i}`);
      h().advance(10 * 60_000);
      const bounce = await h().request('POST', `/api/v1/handoffs/${sent.id}/bounce`, {
        reason: 'missing_context',
        note: 'No invoice number',
      });
      expect(bounce.status, JSON.stringify(bounce.body)).toBe(200);
      h().advance(60_000);
      await rate(sent.caseId, 'bad', 'I had to explain it all again');
      unhappy.push(sent.id);
    }
    // The reviewer liked one handoff the customer did not, and disliked one the customer liked.
    await review(unhappy[0]!, 5, true);
    await review(happy[0]!, 1, false);
    await review(happy[1]!, 5, true);
  });

  it("sets the automatic score and the reviewers' against the customers' latest ratings", async () => {
    const res = await read('from=2026-10-12&to=2026-10-18');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const a = res.body;
    expect(a).toMatchObject({
      from: '2026-10-12T00:00:00.000Z',
      to: '2026-10-19T00:00:00.000Z',
      scorecard: null,
    });
    expect(a.rated).toEqual({ count: 6, of: 12, rate: 0.5 });
    // Bounced for missing context fails packet_complete: every unhappy handoff scored below every happy one.
    expect(a.automatic).toMatchObject({ satisfied: 6, unsatisfied: 6, auc: 1, verdict: 'predicts' });
    const packet = a.automatic.checks.find((c: { check: string }) => c.check === 'packet_complete');
    expect(packet).toMatchObject({ failed: { count: 0, of: 6 }, passed: { count: 6, of: 6 }, gap: -100 });
    expect(a.automatic.checks[0].check).toBe('packet_complete');
    expect(a.reviews).toMatchObject({ handoffs: 3, satisfied: 2, unsatisfied: 1, verdict: 'insufficient' });
    expect(a.reviews.criteria).toEqual([]);

    const passed = a.disagreements.qaPassedCustomerUnsatisfied as Item[];
    expect(passed.map((i) => i.handoffId)).toEqual([unhappy[0]]);
    expect(passed[0]).toMatchObject({ qaScore: 100, scoredBy: 'reviews', rating: { rating: 'bad' } });
    const failed = a.disagreements.qaFailedCustomerSatisfied as Item[];
    expect(failed.map((i) => [i.handoffId, i.qaScore, i.scoredBy])).toEqual([[happy[0], 0, 'reviews']]);
    expect(failed[0]!.rating.rating).toBe('5');
    expect(JSON.stringify(a)).not.toContain(outside);
  });

  it("reads one scorecard's criteria, and the sent week before on its own", async () => {
    const res = await read(`from=2026-10-12&to=2026-10-18&scorecard=${scorecard}`);
    expect(res.status).toBe(200);
    const [context, routing] = res.body.reviews.criteria;
    expect(context).toMatchObject({
      criterion: 'context',
      label: 'Context is complete',
      failed: { count: 1, of: 1 },
      passed: { count: 1, of: 2 },
      gap: 50,
    });
    expect(routing).toMatchObject({ criterion: 'routing', failed: { of: 1 }, passed: { of: 2 } });
    const before = await read('from=2026-10-05&to=2026-10-11');
    expect(before.body.rated).toEqual({ count: 0, of: 1, rate: 0 });
    expect(before.body.automatic.verdict).toBe('insufficient');
  });

  it('names each reviewer with their totals against the customers', async () => {
    const res = await read('from=2026-10-12&to=2026-10-18');
    expect(res.body.reviews.reviewers).toEqual([
      expect.objectContaining({
        reviewer: { id: h().org.personIds.get('hannah'), name: expect.any(String) },
        handoffs: 3,
        satisfied: 2,
        unsatisfied: 1,
        verdict: 'insufficient',
      }),
    ]);
    // One handoff a case: the journey is the rated handoff.
    expect(res.body.journey).toMatchObject({ afterEarlierHandoffs: 0, auc: 1, verdict: 'predicts' });
  });

  it('reads the whole journey: an earlier bounced handoff counts against the one the customer rated', async () => {
    h().setNow('2026-10-26T09:00:00Z');
    const first = await handoff('qa-csat-journey');
    h().advance(10 * 60_000);
    const bounce = await h().request('POST', `/api/v1/handoffs/${first.id}/bounce`, {
      reason: 'missing_context',
      note: 'Which invoice?',
    });
    expect(bounce.status, JSON.stringify(bounce.body)).toBe(200);
    h().advance(60 * 60_000);
    const second = await h().request('POST', `/api/v1/cases/${first.caseId}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    h().advance(10 * 60_000);
    expect((await h().request('POST', `/api/v1/handoffs/${second.body.id}/accept`)).status).toBe(200);
    h().advance(60_000);
    await rate(first.caseId, 1, 'Bounced around for an hour');
    const res = await read('from=2026-10-26&to=2026-11-01');
    expect(res.status).toBe(200);
    expect(res.body.rated).toEqual({ count: 0, of: 1, rate: 0 });
    expect(res.body.disagreements.qaPassedCustomerUnsatisfied.map((i: Item) => i.handoffId)).toEqual([
      second.body.id,
    ]);
    expect(res.body.journey).toMatchObject({
      afterEarlierHandoffs: 1,
      unsatisfied: 1,
      verdict: 'insufficient',
    });
    expect(res.body.journey.meanUnsatisfied).toBeLessThan(res.body.automatic.meanUnsatisfied);
  });

  it('is read by QA and supervisors, not agents; bad input is refused with the field named', async () => {
    expect((await read('from=2026-10-12&to=2026-10-18', tokens.hannah)).status).toBe(200);
    expect((await read('from=2026-10-12&to=2026-10-18', tokens.diana)).status).toBe(200);
    expect((await read('from=2026-10-12', tokens.amara)).status).toBe(403);
    const unknown = await read('scorecard=qsc_nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'not_found', resource: 'scorecard' });
    const badDate = await read('from=last-week');
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.code).toBe('validation_failed');
    expect(JSON.stringify(badDate.body.error)).toContain('from');
  });
});
