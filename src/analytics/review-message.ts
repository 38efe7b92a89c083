import type { OutgoingMessage } from '../notifications/notifications.types.ts';
import { rateFigures } from './headline-figures.ts';
import type { WeeklyReview } from './review.ts';

const TIMES = new Set(['pickupP50', 'resolutionP50']);

function show(figure: string, value: number | null): string {
  if (value === null) return 'n/a';
  if (rateFigures.has(figure)) return `${(value * 100).toFixed(1)} %`;
  if (TIMES.has(figure)) {
    const minutes = Math.round(value / 60_000);
    return minutes < 120 ? `${minutes} min` : `${(minutes / 60).toFixed(1)} h`;
  }
  return figure === 'quality' ? value.toFixed(1) : String(value);
}

/** Worth a lead's look when the unhappy customers' journeys held a clearly weaker handoff. */
const JOURNEY_GAP = 10;

function unhappyJourneys(review: WeeklyReview): string | null {
  const j = review.metrics.satisfactionBy.journey;
  if (j.gap === null || j.gap < JOURNEY_GAP) return null;
  return `the unhappy customers' journeys: weakest handoff ${j.notSatisfied.weakestQuality} against ${j.satisfied.weakestQuality} for the satisfied`;
}

/**
 * The weekly review as a short message for a Slack-compatible webhook or an e-mail: the headline
 * against the week before, what needs a lead's attention, and a link to the page. Plain text, no
 * customer content beyond case counts (subjects stay in Baton).
 */
export function reviewMessage(review: WeeklyReview, organisation: string): OutgoingMessage {
  const lines = review.headline.map(
    (h) => `${h.label}: ${show(h.figure, h.thisWeek)} (week before ${show(h.figure, h.previousWeek)})`,
  );
  const over = review.slaCalibration.filter((c) => c.fit === 'over').length;
  const attention = [
    over > 0 ? `${over} SLA target${over === 1 ? '' : 's'} missed by more than one clock in ten` : null,
    review.bouncingPairs.length > 0
      ? `${review.bouncingPairs.length} team pair${review.bouncingPairs.length === 1 ? '' : 's'} bouncing work`
      : null,
    review.issuePatterns.rising.length > 0
      ? `rising issue types: ${review.issuePatterns.rising.map((t) => t.issueType).join(', ')}`
      : null,
    review.staleTemplates.length > 0 ? `${review.staleTemplates.length} stale packet template(s)` : null,
    review.notableCases.length > 0 ? `${review.notableCases.length} case(s) to discuss` : null,
    unhappyJourneys(review),
  ].filter((x): x is string => x !== null);
  const period = `${review.week.firstDay} to ${review.week.lastDay}`;
  return {
    kind: 'weekly_review',
    title: `${organisation}: weekly review ${review.week.id}`,
    body: [
      `Week ${review.week.id} (${period}, ${review.week.timezone}).`,
      ...lines,
      attention.length > 0 ? `To look at: ${attention.join('; ')}.` : 'Nothing stands out this week.',
    ].join('\n'),
    link: `/reviews/${review.week.id}`,
  };
}
