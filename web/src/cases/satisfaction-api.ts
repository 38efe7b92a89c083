/**
 * The customer's satisfaction ratings of a case (CSAT). Shapes derive from the server's own query
 * (a type-only import: nothing of the server reaches the bundle).
 */
import type { RatingAnswer } from '../../../src/satisfaction/satisfaction.queries.ts';
import { get, post } from '../api/client.ts';

export type SatisfactionRating = RatingAnswer;
export type CaseSatisfaction = { items: SatisfactionRating[]; latest: SatisfactionRating | null };

/** A rating as the customer gave it: 1 to 5 stars, or good / bad. */
export type RatingChoice = '1' | '2' | '3' | '4' | '5' | 'good' | 'bad';

const path = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/satisfaction`;

export const satisfactionApi = {
  list: (caseId: string, signal?: AbortSignal) => get<CaseSatisfaction>(path(caseId), signal),
  /**
   * Stars go as the number the API takes; no choice goes as none, for the API to name the field.
   * `at`, when the customer gave it earlier than now, as an instant.
   */
  record: (caseId: string, rating: RatingChoice | null, comment: string, at?: string) =>
    post<SatisfactionRating & { outcome: 'created' | 'changed' | 'unchanged' }>(path(caseId), {
      ...(rating === null ? {} : { rating: /^[1-5]$/.test(rating) ? Number(rating) : rating }),
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      ...(at ? { at } : {}),
    }),
};
