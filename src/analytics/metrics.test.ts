import { describe, expect, it } from 'vitest';
import { deriveViews } from './derive.ts';
import { at, H, knownWeek } from './fixtures.ts';
import { computeMetrics } from './metrics.ts';

const week = { from: at('2026-11-02T00:00:00Z'), to: at('2026-11-09T00:00:00Z') };

describe('metrics over a known week', () => {
  const views = deriveViews(knownWeek().facts);
  const { metrics: m, samples } = computeMetrics(views, week);

  it('counts cases created in the period and handoffs sent in it', () => {
    expect(m.cases).toBe(5); // c1..c5; c0 was created before
    expect(m.handoffs).toBe(5); // h1..h5: h5 belongs to c0 but was sent in the period
  });

  it('case figures', () => {
    expect(m.repeatContact).toEqual({ count: 1, of: 5, rate: 0.2 }); // c1 (c2 within 7 days)
    expect(m.escalation).toEqual({ count: 3, of: 5, rate: 0.6 }); // c1, c3, c4
    expect(m.resolutionTime).toEqual({
      count: 1, // c1; c3 is still with engineering, c4 unanswered
      open: 4,
      calendar: { count: 1, p50Ms: 4 * H, p90Ms: 4 * H },
      business: { count: 1, p50Ms: 4 * H, p90Ms: 4 * H },
    });
    expect(m.complaints).toEqual({ count: 1, of: 5, rate: 0.2 });
    expect(m.documentReRequests).toEqual({ requests: 1, cases: { count: 1, of: 5, rate: 0.2 } });
  });

  it('time to pick up, per route, in calendar and business time', () => {
    // h1 1 h (office hours: 1 h), h3 2 h (24/7: 2 h), h5 1.5 h (finance opens 09:00: 0.5 h)
    expect(m.pickup.overall).toEqual({
      count: 3,
      calendar: { count: 3, p50Ms: 1.5 * H, p90Ms: 1.9 * H },
      business: { count: 3, p50Ms: 1 * H, p90Ms: 1.8 * H },
    });
    expect(m.pickup.byRoute.map((r) => [r.route, r.count, r.calendar.p50Ms])).toEqual([
      ['support → finance', 2, 1.25 * H],
      ['support → engineering', 1, 2 * H],
    ]);
  });

  it('handoff figures', () => {
    expect(m.contextComplete).toEqual({ count: 3, of: 4, rate: 0.75 }); // chain starts h1 h2 h4 h5; h2 at 80
    expect(m.bounce).toEqual({ count: 1, of: 5, rate: 0.2 });
    expect(m.pingPong).toEqual({ count: 1, of: 5, rate: 0.2 }); // h3 goes back to engineering
    expect(m.byPair).toEqual([
      {
        route: 'support → finance',
        from: 'support',
        to: 'finance',
        handoffs: 3,
        bounced: 0,
        bounceRate: 0,
        bounceReasons: {},
        pingPong: 0,
        pingPongRate: 0,
      },
      {
        route: 'support → engineering',
        from: 'support',
        to: 'engineering',
        handoffs: 2,
        bounced: 1,
        bounceRate: 0.5,
        bounceReasons: { missing_context: 1 },
        pingPong: 1,
        pingPongRate: 0.5,
      },
    ]);
    expect(m.lostEscalations).toEqual({ count: 1, of: 5, rate: 0.2 }); // h4
    // the customer wrote after h2, h3 and h4; after h2 and h3 they explained the crash again
    expect(m.reExplanation).toEqual({ count: 2, of: 3, rate: 0.6667 });
  });

  it('SLA attainment per route, team and clock', () => {
    expect(m.slaAttainment.overall).toEqual({ count: 2, of: 3, rate: 0.6667 });
    expect(m.slaAttainment.byTeam).toEqual([{ team: 'finance', count: 2, of: 3, rate: 0.6667 }]);
    expect(m.slaAttainment.byRoute).toEqual([
      { route: 'support → finance', from: 'support', to: 'finance', count: 2, of: 3, rate: 0.6667 },
    ]);
    expect(m.slaAttainment.byClock).toEqual([
      { clock: 'acknowledge', count: 1, of: 2, rate: 0.5 },
      { clock: 'resolve', count: 1, of: 1, rate: 1 },
    ]);
  });

  it('average quality from the automatic checks', () => {
    const q = Object.fromEntries(views.handoffs.map((v) => [v.h.id, v.quality]));
    expect(q.h1).toBe(100);
    // h4: packet 3 + no repeat 2 + summary 1 + no ping-pong 1 pass; pickup 2, SLA 2, re-request 2 fail
    expect(q.h4).toBe(Math.round((7 / 13) * 100));
    expect(m.quality.count).toBe(5);
    expect(m.quality.mean).toBeCloseTo(samples.quality.reduce((a, b) => a + b, 0) / 5, 2);
  });

  it('keeps the samples behind times and scores', () => {
    expect(samples.pickupCalendar.sort()).toEqual([1 * H, 1.5 * H, 2 * H].sort());
    expect(samples.resolutionCalendar).toEqual([4 * H]);
  });
});

describe('cases resolved where they were, never handed off', () => {
  it('count in the resolution time (calendar time), not as open', () => {
    // c5 (no handoff) is resolved by its first team 3 hours after it was opened.
    const history = knownWeek().event('c5', null, 'case.resolved', '2026-11-06T15:00:00Z');
    const { metrics, samples } = computeMetrics(deriveViews(history.facts), week);
    expect(metrics.resolutionTime).toEqual({
      count: 2, // c1 through its handoff, c5 in place
      open: 3,
      calendar: { count: 2, p50Ms: 3.5 * H, p90Ms: 3.9 * H },
      business: { count: 1, p50Ms: 4 * H, p90Ms: 4 * H }, // no team calendar for c5
    });
    expect(samples.resolutionCalendar.sort()).toEqual([3 * H, 4 * H]);
  });

  it('a case.resolved event does not override a journey: an open handoff keeps the case open', () => {
    // c3 is still with engineering; a stray case.resolved does not end its journey.
    const history = knownWeek().event('c3', null, 'case.resolved', '2026-11-06T15:00:00Z');
    const { metrics } = computeMetrics(deriveViews(history.facts), week);
    expect(metrics.resolutionTime.count).toBe(1);
  });
});

describe('filters', () => {
  const views = deriveViews(knownWeek().facts);

  it('a team narrows handoffs to its routes and cases to those it touched', () => {
    const { metrics: m } = computeMetrics(views, { ...week, team: 'engineering' });
    expect(m.handoffs).toBe(2);
    expect(m.cases).toBe(1); // c3
    expect(m.escalation).toEqual({ count: 1, of: 5, rate: 0.2 }); // of all cases of the period
    expect(m.complaints.of).toBe(1);
  });

  it('a scenario and an issue type narrow the same way', () => {
    expect(computeMetrics(views, { ...week, scenario: 'tech-to-engineering' }).metrics.handoffs).toBe(2);
    const billing = computeMetrics(views, { ...week, issueType: 'billing' }).metrics;
    expect(billing.cases).toBe(3); // c1 c2 c4
    expect(billing.handoffs).toBe(3); // h1 h4 and h5 (c0 is billing)
  });

  it('an empty period gives null rates, not errors', () => {
    const { metrics: m } = computeMetrics(views, {
      from: at('2027-01-01T00:00:00Z'),
      to: at('2027-01-02T00:00:00Z'),
    });
    expect(m.cases).toBe(0);
    expect(m.repeatContact.rate).toBeNull();
    expect(m.pickup.overall.calendar.p50Ms).toBeNull();
    expect(m.quality.mean).toBeNull();
  });
});
