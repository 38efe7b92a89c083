import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { weeklyReviewJob } from '../../src/analytics/analytics.jobs.ts';
import { basicA11y, openBrowser, screenshotDir } from '../support/browser.ts';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';

const H = 3_600_000;
const M = 60_000;

/**
 * One known week (2026-W48, London = UTC in November) built over HTTP; every figure is worked out by
 * hand. Finance works 09:00-17:30 with lunch 12:30-13:15; Engineering 09:00-18:00 Berlin (08-17 UTC).
 */
describeOnDatabases('handoff analytics', (h) => {
  const ids: Record<string, string> = {};
  const post = async (path: string, body?: unknown) => {
    const res = await h().request('POST', path, body);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return res.body;
  };
  const at = (iso: string) => h().setNow(iso);
  const openCase = async (key: string, over: Record<string, unknown>) => {
    ids[key] = (await post('/api/v1/cases', newCase(over))).id;
  };
  const send = async (
    key: string,
    caseKey: string,
    scenario: string,
    extra: Record<string, unknown> = {},
  ) => {
    ids[key] = (
      await post(`/api/v1/cases/${ids[caseKey]}/handoffs`, { scenario, packet: fullPacket, ...extra })
    ).id;
  };
  const crash = 'the app closes every time I open the settings page on my phone.'; // calm enough: no dip

  beforeAll(async () => {
    at('2026-11-23T10:00:00Z'); // Monday
    await openCase('A', { issueType: 'billing', customer: { externalId: 'cust-a', name: 'Ann' } });
    await send('hA', 'A', 'billing-to-finance');
    at('2026-11-23T11:00:00Z');
    await post(`/api/v1/handoffs/${ids.hA}/accept`);
    await openCase('C', {
      issueType: 'technical',
      subject: 'App crash',
      customer: { externalId: 'cust-c', name: 'Carl' },
      messages: [{ role: 'customer', text: `Hello, ${crash}` }],
      documents: [],
    });
    await send('hC1', 'C', 'tech-to-engineering');
    at('2026-11-23T12:00:00Z');
    await post(`/api/v1/handoffs/${ids.hC1}/bounce`, { reason: 'missing_context' });
    at('2026-11-23T13:00:00Z');
    await send('hC2', 'C', 'tech-to-engineering', { previousId: ids.hC1 });
    at('2026-11-23T14:00:00Z');
    await post(`/api/v1/handoffs/${ids.hA}/resolve`);
    await post(`/api/v1/cases/${ids.C}/messages`, { role: 'customer', text: `As I said before, ${crash}` });
    at('2026-11-23T15:00:00Z');
    await post(`/api/v1/handoffs/${ids.hC2}/accept`);
    at('2026-11-24T09:00:00Z'); // Tuesday: Ann again
    await openCase('B', { issueType: 'billing', customer: { externalId: 'cust-a', name: 'Ann' } });
    at('2026-11-24T10:00:00Z');
    await openCase('D', { issueType: 'billing', customer: { externalId: 'cust-d', name: 'Dee' } });
    await send('hD', 'D', 'billing-to-finance');
    at('2026-11-24T10:30:00Z');
    await post(`/api/v1/cases/${ids.D}/messages`, {
      role: 'customer',
      text: 'I want to make a formal complaint about this.',
    });
    await post(`/api/v1/cases/${ids.D}/document-requests`, {
      kind: 'invoice',
      reason: 'the copy is unreadable',
    });
    at('2026-11-24T15:00:00Z'); // past hD's acknowledge deadline, 14:45, with nobody acting
    await h().runtime.scheduler.runDue();
    at('2026-11-25T10:00:00Z');
    await openCase('E', {
      subject: 'Smart meter offline',
      customer: { externalId: 'cust-e', name: 'Eve' },
      documents: [],
    });
    at('2026-11-25T11:00:00Z');
    await openCase('F', {
      subject: 'Meter reading wrong',
      customer: { externalId: 'cust-f', name: 'Fay' },
      documents: [],
    });
    at('2026-11-26T12:00:00Z');
  });

  it('no sentiment dip raised a handoff of its own', async () => {
    const list = await h().request('GET', '/api/v1/handoffs?limit=50');
    expect(list.body.items.map((x: { id: string }) => x.id).sort()).toEqual(
      [ids.hA, ids.hC1, ids.hC2, ids.hD].sort(),
    );
  });

  it('computes every figure of the week exactly', async () => {
    const res = await h().request('GET', '/api/v1/analytics/metrics?from=2026-11-23&to=2026-11-29');
    expect(res.status).toBe(200);
    const m = res.body;
    expect(m.period).toEqual({ from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' });
    expect([m.cases, m.handoffs]).toEqual([6, 4]);
    expect(m.repeatContact).toEqual({ count: 1, of: 6, rate: 0.1667 }); // Ann came back on Tuesday
    expect(m.escalation).toEqual({ count: 3, of: 6, rate: 0.5 }); // A, C, D
    expect(m.resolutionTime).toEqual({
      count: 1,
      open: 5,
      calendar: { count: 1, p50Ms: 4 * H, p90Ms: 4 * H }, // A: 10:00 -> 14:00
      business: { count: 1, p50Ms: 3 * H + 15 * M, p90Ms: 3 * H + 15 * M }, // less Finance's lunch
    });
    expect(m.pickup.overall).toEqual({
      count: 2,
      calendar: { count: 2, p50Ms: 1.5 * H, p90Ms: 1.9 * H }, // hA 1 h, hC2 2 h
      business: { count: 2, p50Ms: 1.5 * H, p90Ms: 1.9 * H },
    });
    expect(m.pickup.byRoute.map((r: { route: string; count: number }) => [r.route, r.count])).toEqual([
      ['support → engineering', 1],
      ['support → finance', 1],
    ]);
    expect(m.contextComplete).toEqual({ count: 2, of: 3, rate: 0.6667 }); // hC1 bounced for missing context
    expect(m.bounce).toEqual({ count: 1, of: 4, rate: 0.25 });
    expect(m.pingPong).toEqual({ count: 1, of: 4, rate: 0.25 }); // hC2 back to engineering
    expect(m.byPair).toEqual([
      expect.objectContaining({
        route: 'support → engineering',
        handoffs: 2,
        bounced: 1,
        bounceRate: 0.5,
        pingPong: 1,
      }),
      expect.objectContaining({ route: 'support → finance', handoffs: 2, bounced: 0, pingPong: 0 }),
    ]);
    expect(m.lostEscalations).toEqual({ count: 1, of: 4, rate: 0.25 }); // hD
    expect(m.reExplanation).toEqual({ count: 2, of: 3, rate: 0.6667 }); // hC1, hC2 of hC1, hC2, hD
    expect(m.documentReRequests).toEqual({ requests: 1, cases: { count: 1, of: 6, rate: 0.1667 } });
    expect(m.complaints).toEqual({ count: 1, of: 6, rate: 0.1667 });
    expect(m.slaAttainment.overall).toEqual({ count: 3, of: 4, rate: 0.75 }); // hA x2, hC2 ack met; hD ack breached
    expect(m.slaAttainment.byTeam).toEqual([
      { team: 'finance', count: 2, of: 3, rate: 0.6667 },
      { team: 'engineering', count: 1, of: 1, rate: 1 },
    ]);
  });

  it('averages the same quality scores the handoff view shows', async () => {
    const scores = [];
    for (const key of ['hA', 'hC1', 'hC2', 'hD'])
      scores.push((await h().request('GET', `/api/v1/handoffs/${ids[key]}`)).body.quality.score as number);
    const m = (await h().request('GET', '/api/v1/analytics/metrics?from=2026-11-23&to=2026-11-29')).body;
    expect(m.quality).toEqual({
      count: 4,
      mean: Math.round((scores.reduce((a, b) => a + b, 0) / 4) * 100) / 100,
    });
  });

  it('filters by team, scenario and issue type', async () => {
    const q = (s: string) =>
      h().request('GET', `/api/v1/analytics/metrics?from=2026-11-23&to=2026-11-29&${s}`);
    const eng = (await q('team=engineering')).body;
    expect([eng.cases, eng.handoffs, eng.escalation.count]).toEqual([1, 2, 1]);
    expect((await q('scenario=billing-to-finance')).body.handoffs).toBe(2);
    expect((await q('issueType=billing')).body.cases).toBe(3);
    const bad = await q('from=2026-12-01');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'validation_failed', field: 'from' });
  });

  it('compares two periods with confidence', async () => {
    const res = await h().request(
      'GET',
      '/api/v1/analytics/compare?before=2026-11-16/2026-11-22&after=2026-11-23/2026-11-29',
    );
    expect(res.status).toBe(200);
    const escalation = res.body.rates.find((r: { figure: string }) => r.figure === 'escalation');
    expect(escalation).toMatchObject({ after: { count: 3, of: 6, rate: 0.5 }, verdict: 'not enough data' });
    expect(res.body.times.map((t: { figure: string }) => t.figure)).toContain('pickup.business');
    const bad = await h().request('GET', '/api/v1/analytics/compare?before=2026-11-16&after=x/y');
    expect(bad.body.error).toMatchObject({ code: 'validation_failed', field: 'before' });
  });

  it('builds the weekly review as JSON and as a page', async () => {
    const json = await h().request('GET', '/api/v1/analytics/review?week=2026-W48');
    expect(json.status).toBe(200);
    const r = json.body;
    expect(r.week).toMatchObject({ id: '2026-W48', firstDay: '2026-11-23', lastDay: '2026-11-29' });
    expect(r.notableCases.map((c: { caseId: string; signals: string[] }) => [c.caseId, c.signals])).toEqual([
      [ids.D, ['sla_breached', 'lost_escalation', 'complaint', 'document_rerequest']],
    ]);
    expect(r.issuePatterns.untagged.clusters).toEqual([
      {
        keywords: ['meter'],
        cases: [
          { id: ids.E, subject: 'Smart meter offline' },
          { id: ids.F, subject: 'Meter reading wrong' },
        ],
      },
    ]);
    expect(r.staleTemplates.map((t: { scenario: string }) => t.scenario)).toEqual([
      'voice-to-chat',
      'tech-to-engineering',
    ]);
    expect(r.bouncingPairs).toEqual([
      { teams: ['support', 'engineering'], forth: 2, back: 0, bounces: 1, pingPongs: 1, cases: 1 },
    ]);
    const ack = r.slaCalibration.find(
      (x: { scenario: string; clock: string }) =>
        x.scenario === 'billing-to-finance' && x.clock === 'acknowledge',
    );
    expect(ack).toMatchObject({
      target: 'PT4H',
      budgetMs: 4 * H,
      finished: 1,
      open: 1,
      p50Ms: H,
      suggestedTarget: null, // too few clocks to suggest one
    });
    const html = await h().request('GET', '/api/v1/analytics/review?week=2026-W48&format=html');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(html.body).toContain('<h1>Weekly handoff review 2026-W48</h1>');
    expect((await h().request('GET', '/api/v1/analytics/review?week=2026-W99')).status).toBe(400);
  });

  it('renders the review page in Chromium: accessible, no errors, a screenshot', async () => {
    const html = (await h().request('GET', '/api/v1/analytics/review?week=2026-W48&format=html')).body;
    const browser = await openBrowser('review');
    try {
      await browser.page.setContent(html);
      expect(await basicA11y(browser.page)).toEqual([]);
      expect(await browser.page.locator('svg[role=img] title').count()).toBe(2);
      expect(await browser.page.getByRole('heading', { level: 2 }).count()).toBe(8);
      mkdirSync(screenshotDir, { recursive: true });
      const file = join(screenshotDir, 'weekly-review.png');
      await browser.page.screenshot({ path: file, fullPage: true });
      process.stdout.write(`weekly review page rendered in Chromium: ${file}\n`);
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('stores each week once however many processes run the job', async () => {
    const job = weeklyReviewJob(h().runtime.services);
    const monday = new Date('2026-11-30T09:00:00Z');
    await Promise.all([job.run(monday), job.run(monday), job.run(monday)]);
    await job.run(new Date('2026-12-01T09:00:00Z'));
    const list = await h().request('GET', '/api/v1/analytics/reviews');
    expect(list.body.items).toEqual([{ week: '2026-W48', createdAt: '2026-11-30T09:00:00.000Z' }]);
    const stored = await h().request('GET', '/api/v1/analytics/reviews/2026-W48');
    expect(stored.body.review.week.id).toBe('2026-W48');
    expect(stored.body.review.metrics.cases).toBe(6);
    expect((await h().request('GET', '/api/v1/analytics/reviews/2026-W40')).status).toBe(404);
  });

  it('is for leads, supervisors and QA', async () => {
    const agent = await h().tokenFor('amara');
    const res = await h().request('GET', '/api/v1/analytics/metrics', undefined, { token: agent });
    expect(res.status).toBe(403);
    const lead = await h().tokenFor('ines');
    expect((await h().request('GET', '/api/v1/analytics/reviews', undefined, { token: lead })).status).toBe(
      200,
    );
  });
});
