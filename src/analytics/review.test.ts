import { describe, expect, it } from 'vitest';
import { bouncingPairs } from './bouncing-pairs.ts';
import { deriveViews } from './derive.ts';
import { knownWeek } from './fixtures.ts';
import { notableCases } from './notable.ts';
import { isoWeek } from './period.ts';
import { buildWeeklyReview } from './review.ts';

function reviewHistory() {
  return knownWeek()
    .event('c3', null, 'sentiment.dip', '2026-11-03T19:00:00Z')
    .case({ id: 'c6', at: '2026-11-06T13:00:00Z', issueType: null, subject: 'Smart meter offline' })
    .case({ id: 'c7', at: '2026-11-06T14:00:00Z', issueType: null, subject: 'Meter reading wrong' })
    .scenario({
      id: 'billing-to-finance',
      trigger: { kind: 'issue_type', issueTypes: ['billing'] },
      template: { version: 3, lastReviewed: '2026-09-15' },
    })
    .scenario({
      id: 'voice-to-chat',
      toTeam: 'support',
      template: { version: 1, lastReviewed: '2025-11-03' },
    });
}

describe('the weekly review', () => {
  const review = buildWeeklyReview(reviewHistory().facts, isoWeek('2026-W45', 'UTC'));

  it('names its week', () => {
    expect(review.week).toEqual({
      id: '2026-W45',
      start: '2026-11-02T00:00:00.000Z',
      end: '2026-11-09T00:00:00.000Z',
      timezone: 'UTC',
      firstDay: '2026-11-02',
      lastDay: '2026-11-08',
      previous: '2026-W44',
    });
  });

  it('opens with this week against the last', () => {
    const h = Object.fromEntries(review.headline.map((x) => [x.figure, [x.thisWeek, x.previousWeek]]));
    expect(h.cases).toEqual([7, 1]);
    expect(h.handoffs).toEqual([5, 0]);
    expect(h.lostEscalations).toEqual([1, 0]);
    expect(h.contextComplete).toEqual([0.75, null]);
  });

  it('calibrates each clock target against what happened', () => {
    expect(review.slaCalibration.map((r) => [r.scenario, r.clock, r.finished, r.open, r.fit])).toEqual([
      ['billing-to-finance', 'acknowledge', 1, 1, 'under'], // h1 met in 1 business hour; h4 breached, still running
      ['billing-to-finance', 'resolve', 1, 0, 'fits'], // 4 office hours on a 4-hour budget
    ]);
    expect(review.slaCalibration[0]!.suggestedTarget).toBeNull(); // one finished clock is no evidence
  });

  it('finds rising issue types and clusters the untagged', () => {
    expect(review.issuePatterns.rising).toEqual([
      { issueType: 'billing', thisWeek: 3, previousWeek: 1, change: 2 },
    ]);
    expect(review.issuePatterns.untagged.count).toBe(3);
    expect(review.issuePatterns.untagged.clusters).toEqual([
      {
        keywords: ['meter'],
        cases: [
          { id: 'c6', subject: 'Smart meter offline' },
          { id: 'c7', subject: 'Meter reading wrong' },
        ],
      },
    ]);
    expect(review.issuePatterns.untagged.unclustered).toEqual([{ id: 'c5', subject: 'Subject of c5' }]);
  });

  it('checks the vocabulary and the templates', () => {
    expect(review.vocabulary.untagged).toEqual({ count: 3, of: 7, rate: 0.4286 });
    expect(review.vocabulary.unknownTerms).toEqual([{ term: 'technical', cases: 1 }]);
    // A word the vocabulary routes to a scenario is known, as the vocabulary page says.
    const routed = buildWeeklyReview(reviewHistory().facts, isoWeek('2026-W45', 'UTC'), {
      routedTerms: ['Technical'],
    });
    expect(routed.vocabulary.unknownTerms).toEqual([]);
    expect(review.staleTemplates).toEqual([
      {
        scenario: 'voice-to-chat',
        templateVersion: 1,
        lastReviewed: '2025-11-03',
        ageDays: 371,
        staleAfterDays: 180,
      },
    ]);
  });

  it('names the pairs that bounce and the cases to discuss', () => {
    expect(review.bouncingPairs).toEqual([
      { teams: ['support', 'engineering'], forth: 2, back: 0, bounces: 1, pingPongs: 1, cases: 1 },
    ]);
    expect(review.notableCases.map((c) => [c.caseId, c.signals])).toEqual([
      ['c3', ['sentiment_dip', 'repeat_explanation']],
      ['c4', ['sla_breached', 'lost_escalation', 'complaint', 'document_rerequest']],
    ]);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(review))).toEqual(review);
  });
});

describe('review parts', () => {
  it('a pair counts both directions and each case once', () => {
    const b = knownWeek()
      .case({ id: 'x', at: '2026-11-04T09:00:00Z' })
      .handoff({ id: 'x1', caseId: 'x', from: 'support', to: 'finance', sent: '2026-11-04T09:00:00Z' })
      .handoff({
        id: 'x2',
        caseId: 'x',
        from: 'finance',
        to: 'support',
        sent: '2026-11-04T10:00:00Z',
        bounced: { at: '2026-11-04T11:00:00Z', reason: 'wrong_team' },
      });
    const pairs = bouncingPairs(deriveViews(b.facts).handoffs.filter((v) => v.h.caseId === 'x'));
    expect(pairs).toEqual([
      { teams: ['finance', 'support'], forth: 1, back: 1, bounces: 1, pingPongs: 1, cases: 1 },
    ]);
  });

  it('notable cases need two signals', () => {
    const views = deriveViews(knownWeek().facts);
    expect(notableCases([...views.cases.values()]).map((c) => c.caseId)).toEqual(['c4']);
    expect(notableCases([...views.cases.values()], 0)).toEqual([]);
  });
});
