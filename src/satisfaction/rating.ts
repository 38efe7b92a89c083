/**
 * A customer's satisfaction rating of their case (CSAT), as the helpdesks ask it: five stars
 * (Intercom, Freshdesk's five-point survey) or good / bad (Zendesk). CSAT counts a rating as
 * satisfied at 4 or 5 stars, or good; 3 stars is not.
 */
export const ratingValues = ['1', '2', '3', '4', '5', 'good', 'bad'] as const;
export type Rating = (typeof ratingValues)[number];

export function isSatisfied(rating: Rating): boolean {
  return rating === 'good' || rating === '4' || rating === '5';
}

/** The rating in words, as the case's timeline and the analytics say it. */
export function ratingInWords(rating: Rating): string {
  if (rating === 'good') return 'good';
  if (rating === 'bad') return 'bad';
  return `${rating} of 5`;
}

/** A handoff of the case as the attribution reads it. */
export type RatedHandoff = { id: string; state: string; sentAt: Date | null };

/**
 * The handoff a rating speaks of: the case's last handoff sent at or before the rating (a draft
 * never held the case, a cancelled one never reached its team), or none when the case was never
 * handed off by then. Its receiving team is the one the rating is counted for.
 */
export function ratedHandoff<H extends RatedHandoff>(handoffs: readonly H[], at: Date): H | null {
  let last: H | null = null;
  for (const h of handoffs) {
    if (h.sentAt === null || h.state === 'draft' || h.state === 'cancelled') continue;
    if (h.sentAt.getTime() > at.getTime()) continue;
    if (!last || h.sentAt.getTime() >= last.sentAt!.getTime()) last = h;
  }
  return last;
}

/** How far ahead of the server's clock a rating's time may be (the helpdesk's clock may run fast). */
export const futureToleranceMs = 5 * 60_000;

/**
 * Whether a rating is news to the team that held the case: not satisfied, where the customer had
 * not said so already (a first rating, or one changed from a satisfied one). "bad" after "2" is the
 * same complaint, not a second one to follow up.
 */
export function newlyUnsatisfied(rating: Rating, changedFrom?: Rating): boolean {
  return !isSatisfied(rating) && (changedFrom === undefined || isSatisfied(changedFrom));
}

/** How old a rating may be when it reaches Baton and still be told to the team. */
export const newsForMs = 7 * 86_400_000;

/**
 * Whether to tell the team of an unhappy rating: news (above), and given within the last week.
 * A helpdesk back-filling months of old ratings counts them in every report, but nobody can follow
 * up a complaint from March, and a hundred alerts at once would drown the one from this morning.
 */
export function worthTelling(
  rating: Rating,
  changedFrom: Rating | undefined,
  ratedAt: Date,
  recordedAt: Date,
) {
  return newlyUnsatisfied(rating, changedFrom) && recordedAt.getTime() - ratedAt.getTime() <= newsForMs;
}
