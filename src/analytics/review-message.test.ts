import { describe, expect, it } from 'vitest';
import { notificationKinds, personNotificationKinds } from '../notifications/notifications.types.ts';
import { knownWeek } from './fixtures.ts';
import { isoWeek } from './period.ts';
import { buildWeeklyReview } from './review.ts';
import { reviewMessage } from './review-message.ts';

describe('the weekly review as a message', () => {
  const history = knownWeek().scenario({
    id: 'voice-to-chat',
    toTeam: 'support',
    template: { version: 1, lastReviewed: '2025-11-03' },
  });
  const review = buildWeeklyReview(history.facts, isoWeek('2026-W45', 'UTC'));
  const m = reviewMessage(review, 'Northwind');

  it('travels as a declared outbox kind that no person chooses channels for', () => {
    expect(m.kind).toBe('weekly_review');
    expect(notificationKinds).toContain(m.kind);
    expect(personNotificationKinds as readonly string[]).not.toContain(m.kind);
  });

  it('names the organisation, the week and links to its page', () => {
    expect(m.title).toBe('Northwind: weekly review 2026-W45');
    expect(m.link).toBe('/reviews/2026-W45');
    expect(m.body.split('\n')[0]).toBe('Week 2026-W45 (2026-11-02 to 2026-11-08, UTC).');
  });

  it('states every headline figure against the week before, rates in percent', () => {
    const cases = review.headline.find((h) => h.figure === 'cases')!;
    expect(m.body).toContain(`Cases opened: ${cases.thisWeek} (week before ${cases.previousWeek})`);
    expect(m.body).toContain('Context complete at first send: 75.0 % (week before n/a)');
    expect(m.body.split('\n')).toHaveLength(1 + review.headline.length + 1);
  });

  it('ends with what needs a lead’s attention', () => {
    expect(m.body.split('\n').at(-1)).toMatch(/^To look at: .*1 stale packet template\(s\)/);
  });

  it('carries no case subject', () => {
    for (const c of history.facts.cases) expect(m.body).not.toContain(c.subject);
  });

  it("names the unhappy customers' journeys when their weakest handoff was clearly weaker", () => {
    const rated = knownWeek()
      .rating('c1', true, '2026-11-02T15:00:00Z', 'h1')
      .rating('c3', false, '2026-11-04T10:00:00Z', 'h3').facts;
    const week = buildWeeklyReview(rated, isoWeek('2026-W45', 'UTC'));
    const j = week.metrics.satisfactionBy.journey;
    expect(j.gap).toBeGreaterThanOrEqual(10);
    expect(reviewMessage(week, 'Northwind').body.split('\n').at(-1)).toContain(
      `the unhappy customers' journeys: weakest handoff ${j.notSatisfied.weakestQuality} against ${j.satisfied.weakestQuality} for the satisfied`,
    );
    expect(m.body).not.toContain('journeys');
  });
});
