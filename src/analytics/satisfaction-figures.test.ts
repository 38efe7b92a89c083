import { describe, expect, it } from 'vitest';
import { deriveViews } from './derive.ts';
import { at, history } from './fixtures.ts';
import { computeMetrics } from './metrics.ts';
import { notableCases } from './notable.ts';

const week = { from: at('2026-11-02T00:00:00Z'), to: at('2026-11-09T00:00:00Z') };

/** Four rated cases: two clean finance ones, one bounced and re-sent, one never handed off. */
function rated() {
  return (
    history()
      .case({ id: 'c1', at: '2026-11-02T09:00:00Z' })
      .handoff({
        id: 'h1',
        caseId: 'c1',
        to: 'finance',
        sent: '2026-11-02T09:10:00Z',
        resolved: '2026-11-02T12:00:00Z',
      })
      .rating('c1', true, '2026-11-02T13:00:00Z', 'h1')
      .case({ id: 'c2', at: '2026-11-03T09:00:00Z' })
      .handoff({ id: 'h2', caseId: 'c2', to: 'finance', sent: '2026-11-03T09:10:00Z' })
      .rating('c2', false, '2026-11-03T10:00:00Z', 'h2')
      // The customer changed their mind: the latest rating is their view.
      .rating('c2', true, '2026-11-04T10:00:00Z', 'h2')
      .case({ id: 'c3', at: '2026-11-03T09:00:00Z' })
      .handoff({
        id: 'h3',
        caseId: 'c3',
        to: 'engineering',
        sent: '2026-11-03T09:10:00Z',
        bounced: { at: '2026-11-03T10:00:00Z', reason: 'wrong_team' },
      })
      .handoff({ id: 'h4', caseId: 'c3', to: 'finance', sent: '2026-11-03T11:00:00Z', previousId: 'h3' })
      .rating('c3', false, '2026-11-05T10:00:00Z', 'h4')
      .case({ id: 'c4', at: '2026-11-04T09:00:00Z' })
      .rating('c4', true, '2026-11-04T10:00:00Z')
      .case({ id: 'c5', at: '2026-11-04T09:00:00Z' }).facts
  );
}

describe('CSAT', () => {
  const views = deriveViews(rated());
  const m = computeMetrics(views, week).metrics;

  it('counts each rated case once, by its latest rating; unrated cases are left out', () => {
    expect(m.satisfaction).toEqual({ count: 3, of: 4, rate: 0.75 });
  });

  it('counts a rating for the team whose handoff held the case, and apart when none did', () => {
    expect(m.satisfactionBy.team).toEqual([
      { team: 'finance', count: 2, of: 3, rate: 0.6667 },
      { team: null, count: 1, of: 1, rate: 1 },
    ]);
  });

  it('sets CSAT with each signal against CSAT without it', () => {
    const of = (signal: string) => m.satisfactionBy.signal.find((s) => s.signal === signal);
    expect(of('bounced')).toEqual({
      signal: 'bounced',
      with: { count: 0, of: 1, rate: 0 },
      without: { count: 3, of: 3, rate: 1 },
      gap: -100,
    });
    expect(of('handed_off')).toMatchObject({ with: { count: 2, of: 3 }, without: { count: 1, of: 1 } });
    // Nobody breached an SLA: no side to compare with.
    expect(of('sla_breached')).toMatchObject({ with: { of: 0, rate: null }, gap: null });
  });

  it('narrows to the cases a team touched', () => {
    const engineering = computeMetrics(views, { ...week, team: 'engineering' }).metrics;
    expect(engineering.satisfaction).toEqual({ count: 0, of: 1, rate: 0 });
  });

  it('puts a case whose customer is not satisfied among the cases to discuss when another signal joins it', () => {
    const notable = notableCases([...views.cases.values()]);
    expect(notable.map((n) => [n.caseId, n.signals])).toEqual([]);
    const withComplaint = deriveViews(
      history()
        .case({ id: 'c9', at: '2026-11-02T09:00:00Z' })
        .message('c9', 'This is unacceptable, I want to make a formal complaint.', '2026-11-02T09:05:00Z')
        .rating('c9', false, '2026-11-02T12:00:00Z').facts,
    );
    expect(notableCases([...withComplaint.cases.values()]).map((n) => n.signals)).toEqual([
      ['complaint', 'unsatisfied'],
    ]);
  });

  it("reads each rated case's journey by its weakest handoff sent before the rating, satisfied against not", () => {
    const quality = (id: string) => views.handoffs.find((v) => v.h.id === id)!.quality;
    // c1 and c2 (satisfied in the end) had one handoff each; c3 (not satisfied) two, the first bounced.
    expect(quality('h3')).toBeLessThan(quality('h4'));
    expect(m.satisfactionBy.journey).toEqual({
      satisfied: { cases: 2, weakestQuality: Math.round(((quality('h1') + quality('h2')) / 2) * 10) / 10 },
      notSatisfied: { cases: 1, weakestQuality: quality('h3') },
      gap:
        Math.round((Math.round(((quality('h1') + quality('h2')) / 2) * 10) / 10 - quality('h3')) * 10) / 10,
    });
    // A handoff sent after the customer rated is not part of the journey they judged.
    const laterViews = deriveViews(
      history()
        .case({ id: 'c1', at: '2026-11-02T09:00:00Z' })
        .handoff({ id: 'h1', caseId: 'c1', to: 'finance', sent: '2026-11-02T09:10:00Z' })
        .rating('c1', false, '2026-11-02T10:00:00Z', 'h1')
        .handoff({
          id: 'h2',
          caseId: 'c1',
          to: 'engineering',
          sent: '2026-11-02T11:00:00Z',
          bounced: { at: '2026-11-02T11:30:00Z', reason: 'wrong_team' },
        }).facts,
    );
    const laterQuality = (id: string) => laterViews.handoffs.find((v) => v.h.id === id)!.quality;
    expect(laterQuality('h2')).toBeLessThan(laterQuality('h1'));
    const later = computeMetrics(laterViews, week).metrics.satisfactionBy.journey;
    expect(later.notSatisfied.weakestQuality).toBe(laterQuality('h1'));
    expect(later.notSatisfied.cases).toBe(1);
    expect(later.satisfied).toEqual({ cases: 0, weakestQuality: null });
    expect(later.gap).toBeNull();
  });
});
