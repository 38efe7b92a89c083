/**
 * The analytics routes the analytics and weekly review pages read. Shapes derive from the server's
 * own functions (type-only imports: nothing of the server reaches the bundle).
 */
import type { listWeeklyReviews } from '../../../src/analytics/analytics.queries.ts';
import type { comparePeriods } from '../../../src/analytics/compare.ts';
import type { Metrics } from '../../../src/analytics/metrics.ts';
import type { WeeklyReview } from '../../../src/analytics/review.ts';
import type { listOrganisationRatings } from '../../../src/satisfaction/satisfaction.queries.ts';
import { ApiError, get, put, query } from '../api/client.ts';

export type { Metrics, WeeklyReview };
export type Comparison = ReturnType<typeof comparePeriods>;
export type Rate = Metrics['repeatContact'];
export type Spread = Metrics['pickup']['overall']['calendar'];
export type StoredReview = Awaited<ReturnType<typeof listWeeklyReviews>>[number];
export type RatingsPage = Awaited<ReturnType<typeof listOrganisationRatings>>;

/** Narrowing filters: a team key, a scenario id, an issue type (all optional). */
export type Filters = { team?: string; scenario?: string; issueType?: string };
/** A period: dates (`to` included) or ISO instants; the server's default (last 30 days) when empty. */
export type Period = { from?: string; to?: string };

const v1 = '/api/v1/analytics';
const enc = encodeURIComponent;

/** The handoffs of a period as CSV: a plain link (the session cookie signs it), saved by the browser. */
export const handoffsExportUrl = (p: Period & Filters) => `/api/v1/exports/handoffs${query(p)}`;

export const analyticsApi = {
  metrics: (p: Period & Filters, signal?: AbortSignal) => get<Metrics>(`${v1}/metrics${query(p)}`, signal),
  compare: (before: string, after: string, f: Filters, signal?: AbortSignal) =>
    get<Comparison>(`${v1}/compare${query({ before, after, ...f })}`, signal),
  /** The customers' ratings of a period, newest first; `satisfied: 'false'` keeps the unhappy ones. */
  ratings: (
    p: Period & { team?: string; satisfied?: 'false'; cursor?: string; limit?: number },
    signal?: AbortSignal,
  ) => get<RatingsPage>(`/api/v1/satisfaction${query(p)}`, signal),
  reviews: (signal?: AbortSignal) =>
    get<{ items: StoredReview[] }>(`${v1}/reviews`, signal).then((r) => r.items),
  /** The stored review of a week when the scheduled job has stored it, else the review computed now. */
  async review(
    week: string,
    signal?: AbortSignal,
  ): Promise<{ review: WeeklyReview; storedAt: string | null }> {
    try {
      const stored = await get<{ createdAt: string; review: WeeklyReview }>(
        `${v1}/reviews/${enc(week)}`,
        signal,
      );
      return { review: stored.review, storedAt: stored.createdAt };
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) throw error;
      return { review: await get<WeeklyReview>(`${v1}/review${query({ week })}`, signal), storedAt: null };
    }
  },
  reviewHtmlUrl: (week: string) => `${v1}/review${query({ week, format: 'html' })}`,
};

export type ReviewDelivery = { slackUrl: string | null; emails: string[] };

export const reviewDeliveryApi = {
  get: (signal?: AbortSignal) => get<ReviewDelivery>(`${v1}/review-delivery`, signal),
  save: (body: ReviewDelivery) => put<ReviewDelivery>(`${v1}/review-delivery`, body),
};
