import { beforeAll, expect, it } from 'vitest';
import { krippendorffAlpha } from '../../src/qa/alpha.ts';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';

type Score = { criterion: string; value: number | boolean; comment?: string };

const rubric = {
  name: 'Handoff rubric',
  criteria: [
    { id: 'context', label: 'Context is complete', weight: 2, scale: { min: 1, max: 5 } },
    { id: 'routing', label: 'Routed to the right team', scale: 'pass_fail', critical: true },
    {
      id: 'refund',
      label: 'Refund amount stated',
      scale: 'pass_fail',
      onlyForScenarios: ['billing-to-finance'],
    },
  ],
};

describeOnDatabases('QA: scorecards, reviews, queue, calibration and reports', (h) => {
  const ids = { clean: '', bounced: '', tech: '', cleanCase: '', scorecard: '' };
  const tokens: Record<string, string> = {};
  const scores = (context: number, routing: boolean, refund?: boolean): Score[] => [
    { criterion: 'context', value: context },
    { criterion: 'routing', value: routing },
    ...(refund === undefined ? [] : [{ criterion: 'refund', value: refund }]),
  ];
  const review = (who: string, handoffId: string, s: Score[], scorecardId = ids.scorecard) =>
    h().request('POST', '/api/v1/qa/reviews', { handoffId, scorecardId, scores: s }, { token: tokens[who] });

  beforeAll(async () => {
    tokens.amara = await h().tokenFor('amara');
    tokens.hannah = await h().tokenFor('hannah');
    tokens.grace = await h().tokenFor('grace');
    tokens.diana = await h().tokenFor('diana', ['qa']);
    tokens.samuel = await h().tokenFor('samuel', ['qa']);
    const send = async (scenario: string, token?: string) => {
      const c = await h().request('POST', '/api/v1/cases', newCase());
      const sent = await h().request(
        'POST',
        `/api/v1/cases/${c.body.id}/handoffs`,
        { scenario, packet: fullPacket },
        { token },
      );
      expect(sent.status).toBe(201);
      return { id: sent.body.id as string, caseId: c.body.id as string };
    };
    const clean = await send('billing-to-finance', tokens.amara);
    ids.clean = clean.id;
    ids.cleanCase = clean.caseId;
    ids.bounced = (await send('billing-to-finance', tokens.amara)).id;
    ids.tech = (await send('tech-to-engineering')).id;
    h().advance(30 * 60_000);
    expect((await h().request('POST', `/api/v1/handoffs/${ids.clean}/accept`)).status).toBe(200);
    const bounce = await h().request('POST', `/api/v1/handoffs/${ids.bounced}/bounce`, {
      reason: 'wrong_team',
    });
    expect(bounce.status).toBe(200);
  });

  it('lets a lead define a versioned scorecard, and nobody else', async () => {
    const denied = await h().request('POST', '/api/v1/qa/scorecards', rubric, { token: tokens.hannah });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('forbidden');
    const bad = await h().request(
      'POST',
      '/api/v1/qa/scorecards',
      { name: 'Bad', criteria: [{ id: 'x', label: 'X', scale: { min: 5, max: 1 } }] },
      { token: tokens.grace },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'validation_failed', field: 'criteria.0.scale' });

    const created = await h().request('POST', '/api/v1/qa/scorecards', rubric, { token: tokens.grace });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ version: 1, name: 'Handoff rubric' });
    expect(created.body.criteria[1]).toMatchObject({ id: 'routing', weight: 1, critical: true });
    ids.scorecard = created.body.id;

    const list = await h().request('GET', '/api/v1/qa/scorecards', undefined, { token: tokens.hannah });
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([ids.scorecard]);
  });

  it('refuses bad reviews with the criterion named, and changes nothing', async () => {
    const unknown = await review('hannah', ids.clean, [
      ...scores(4, true, true),
      { criterion: 'tone', value: 3 },
    ]);
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({
      code: 'invalid_review',
      criterion: 'tone',
      field: 'scores.3.criterion',
    });

    const outOfScale = await review('hannah', ids.clean, scores(7, true, true));
    expect(outOfScale.status).toBe(422);
    expect(outOfScale.body.error).toMatchObject({
      code: 'invalid_review',
      criterion: 'context',
      field: 'scores.0.value',
    });
    expect(outOfScale.body.error.message).toContain('outside the scale 1 to 5');

    const missing = await review('hannah', ids.clean, scores(4, true));
    expect(missing.body.error).toMatchObject({ code: 'invalid_review', criterion: 'refund' });
    const inapplicable = await review('hannah', ids.tech, scores(4, true, true));
    expect(inapplicable.body.error).toMatchObject({ code: 'invalid_review', criterion: 'refund' });

    const agent = await review('amara', ids.clean, scores(4, true, true));
    expect(agent.status).toBe(403);
    const lead = await review('grace', ids.clean, scores(4, true, true));
    expect(lead.status).toBe(403);

    const noHandoff = await review('hannah', 'ho_nope', scores(4, true, true));
    expect(noHandoff.status).toBe(404);
    expect(noHandoff.body.error).toMatchObject({ code: 'not_found', resource: 'handoff' });
    const noScorecard = await review('hannah', ids.clean, scores(4, true, true), 'qsc_nope');
    expect(noScorecard.status).toBe(404);
    expect(noScorecard.body.error).toMatchObject({ code: 'not_found', resource: 'scorecard' });

    const reviews = await h().request('GET', `/api/v1/qa/handoffs/${ids.clean}/reviews`, undefined, {
      token: tokens.hannah,
    });
    expect(reviews.body.items).toEqual([]);
    const events = await h().request('GET', `/api/v1/cases/${ids.cleanCase}/events`);
    expect(events.body.items.map((e: { type: string }) => e.type)).not.toContain('qa.reviewed');
    const unknownHandoff = await h().request('GET', '/api/v1/qa/handoffs/ho_nope/reviews', undefined, {
      token: tokens.hannah,
    });
    expect(unknownHandoff.status).toBe(404);
  });

  it('fills the queue from the sampling rules: every bounce, a deterministic random share', async () => {
    const rules = await h().request(
      'PUT',
      '/api/v1/qa/sampling',
      { randomPercent: 0, everyBounce: true, everyBreach: true },
      { token: tokens.grace },
    );
    expect(rules.status).toBe(200);
    const queue = await h().request('GET', '/api/v1/qa/queue', undefined, { token: tokens.hannah });
    expect(queue.status).toBe(200);
    expect(
      queue.body.items.map((i: { handoffId: string; reasons: string[] }) => [i.handoffId, i.reasons]),
    ).toEqual([[ids.bounced, ['bounce']]]);
    await h().request('PUT', '/api/v1/qa/sampling', { randomPercent: 100 }, { token: tokens.grace });
    const all = await h().request('GET', '/api/v1/qa/queue', undefined, { token: tokens.hannah });
    expect(all.body.items.map((i: { handoffId: string }) => i.handoffId).sort()).toEqual(
      [ids.clean, ids.bounced, ids.tech].sort(),
    );
    const agent = await h().request('GET', '/api/v1/qa/queue', undefined, { token: tokens.amara });
    expect(agent.status).toBe(403);
  });

  it('scores reviews, one per reviewer, each logged on the case', async () => {
    const first = await review('hannah', ids.clean, scores(5, true, true));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      handoffId: ids.clean,
      scorecardVersion: 1,
      total: 100,
      criticalFail: [],
      reviewer: { name: 'Hannah Schmidt' },
    });
    const critical = await review('hannah', ids.bounced, scores(3, false, true));
    expect(critical.body).toMatchObject({ total: 0, criticalFail: ['routing'] });
    const tech = await review('hannah', ids.tech, scores(4, true));
    expect(tech.body.total).toBe(83.3); // (2 * 0.75 + 1) / 3

    const again = await review('hannah', ids.clean, scores(4, true, true));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');

    for (const [who, clean, bounced, tech] of [
      ['diana', scores(4, true, true), scores(3, false, false), scores(4, true)],
      ['samuel', scores(5, true, true), scores(2, false, false), undefined],
    ] as const) {
      h().advance(60_000);
      expect((await review(who, ids.clean, [...clean])).status).toBe(201);
      expect((await review(who, ids.bounced, [...bounced])).status).toBe(201);
      if (tech) expect((await review(who, ids.tech, [...tech])).status).toBe(201);
    }

    const list = await h().request('GET', `/api/v1/qa/handoffs/${ids.clean}/reviews`, undefined, {
      token: tokens.grace,
    });
    expect(list.body.items.map((r: { reviewer: { name: string } }) => r.reviewer.name)).toEqual([
      'Hannah Schmidt',
      'Diana Costa',
      'Samuel Adeyemi',
    ]);
    const events = await h().request('GET', `/api/v1/cases/${ids.cleanCase}/events`);
    const logged = events.body.items.filter((e: { type: string }) => e.type === 'qa.reviewed');
    expect(logged).toHaveLength(3);
    expect(logged[0].data).toMatchObject({ handoffId: ids.clean, reviewId: first.body.id, total: 100 });

    const queue = await h().request('GET', '/api/v1/qa/queue', undefined, { token: tokens.hannah });
    expect(queue.body.items).toEqual([]);
  });

  it("shows leads each criterion's agreement and each reviewer's drift", async () => {
    const denied = await h().request('GET', `/api/v1/qa/calibration?scorecard=${ids.scorecard}`, undefined, {
      token: tokens.hannah,
    });
    expect(denied.status).toBe(403);
    const res = await h().request('GET', `/api/v1/qa/calibration?scorecard=${ids.scorecard}`, undefined, {
      token: tokens.grace,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ reviews: 8, handoffs: 3 });
    const [context, routing, refund] = res.body.criteria;
    expect(context).toMatchObject({ criterion: 'context', metric: 'interval', units: 3, pairable: 8 });
    const contextAlpha = krippendorffAlpha(
      [
        [5, 4, 5],
        [3, 3, 2],
        [4, 4],
      ],
      'interval',
    ).alpha;
    expect(context.alpha).toBeCloseTo(contextAlpha!, 12);
    // Hannah: clean 5 - 4.5, bounced 3 - 2.5, tech 4 - 4: drift 1/3 of a point
    const hannah = context.reviewers.find(
      (r: { reviewer: { name: string } }) => r.reviewer.name === 'Hannah Schmidt',
    );
    expect(hannah).toMatchObject({ ratings: 3, sharedUnits: 3 });
    expect(hannah.drift).toBeCloseTo(1 / 3, 12);
    expect(hannah.driftShare).toBeCloseTo(1 / 12, 12);
    expect(routing).toMatchObject({ criterion: 'routing', metric: 'nominal', alpha: 1, verdict: 'reliable' });
    expect(refund).toMatchObject({ criterion: 'refund', metric: 'nominal', units: 2 });
    expect(refund.alpha).toBeCloseTo(
      krippendorffAlpha(
        [
          [1, 1, 1],
          [1, 0, 0],
        ],
        'nominal',
      ).alpha!,
      12,
    );
    expect(res.body.total.reviewers).toHaveLength(3);

    const unknown = await h().request('GET', '/api/v1/qa/calibration?scorecard=qsc_nope', undefined, {
      token: tokens.grace,
    });
    expect(unknown.status).toBe(404);
  });

  it('reports automatic quality by agent, scenario and week, as JSON and CSV', async () => {
    const q = 'from=2026-11-23&to=2026-11-23';
    const byAgent = await h().request('GET', `/api/v1/qa/report?${q}&by=agent`, undefined, {
      token: tokens.grace,
    });
    expect(byAgent.status).toBe(200);
    expect(byAgent.body.overall.handoffs).toBe(3);
    expect(
      byAgent.body.groups.map((g: { label: string; handoffs: number }) => [g.label, g.handoffs]),
    ).toEqual([
      ['(no sending person)', 1],
      ['Amara Okafor', 2],
    ]);
    const amara = byAgent.body.groups[1];
    expect(amara.costliest[0]).toMatchObject({ check: 'routed_right', failures: 1 });
    expect(amara.reviews).toEqual({ count: 6, averageTotal: expect.any(Number) });

    const byWeek = await h().request('GET', `/api/v1/qa/report?${q}&by=week`, undefined, {
      token: tokens.hannah,
    });
    expect(byWeek.body.groups.map((g: { key: string }) => g.key)).toEqual(['2026-W48']);

    const csv = await h().request('GET', `/api/v1/qa/report?${q}&by=scenario&format=csv`, undefined, {
      token: tokens.grace,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (csv.body as string).split('\r\n');
    expect(lines[0]!.startsWith('by,key,label,handoffs,average_score,')).toBe(true);
    expect(lines.slice(1, -1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
      'scenario,billing-to-finance,billing-to-finance,2',
      'scenario,tech-to-engineering,tech-to-engineering,1',
      'scenario,*,(all),3',
    ]);
    expect(lines.at(-1)).toBe('');

    const agent = await h().request('GET', `/api/v1/qa/report?${q}`, undefined, { token: tokens.amara });
    expect(agent.status).toBe(403);
    const badBy = await h().request('GET', `/api/v1/qa/report?by=moon`, undefined, { token: tokens.grace });
    expect(badBy.body.error).toMatchObject({ code: 'validation_failed', field: 'by' });
  });

  it('lets a lead tune check weights per scenario, which the report follows', async () => {
    const path = '/api/v1/qa/weights/billing-to-finance';
    expect(
      (await h().request('PUT', path, { weights: { routed_right: 0 } }, { token: tokens.hannah })).status,
    ).toBe(403);
    const unknownCheck = await h().request('PUT', path, { weights: { nope: 1 } }, { token: tokens.grace });
    expect(unknownCheck.body.error).toMatchObject({ code: 'validation_failed', field: 'weights.nope' });
    const unknownScenario = await h().request(
      'PUT',
      '/api/v1/qa/weights/no-such-scenario',
      { weights: { routed_right: 0 } },
      { token: tokens.grace },
    );
    expect(unknownScenario.status).toBe(404);

    const tuned = await h().request('PUT', path, { weights: { routed_right: 0 } }, { token: tokens.grace });
    expect(tuned.status).toBe(200);
    expect(tuned.body).toMatchObject({
      tuned: { routed_right: 0 },
      weights: { routed_right: 0, packet_complete: 3 },
    });
    const read = await h().request('GET', path, undefined, { token: tokens.hannah });
    expect(read.body.weights.routed_right).toBe(0);

    const report = await h().request(
      'GET',
      '/api/v1/qa/report?from=2026-11-23&to=2026-11-23&by=scenario',
      undefined,
      {
        token: tokens.grace,
      },
    );
    const billing = report.body.groups.find((g: { key: string }) => g.key === 'billing-to-finance');
    expect(billing.costliest.map((c: { check: string }) => c.check)).not.toContain('routed_right');
    expect(billing.checks.routed_right.fail).toBe(1);
  });
});
