/**
 * The QA routes the reviewer's and lead's pages use. Shapes derive from the server's own query
 * functions (type-only imports: nothing of the server reaches the bundle).
 */
import type { calibrationOf } from '../../../src/qa/calibration.queries.ts';
import type { reviewView, scorecardView } from '../../../src/qa/qa.queries.ts';
import type { ReportBy, ReviewInput, Scorecard } from '../../../src/qa/qa.types.ts';
import type { reviewQueue } from '../../../src/qa/queue.queries.ts';
import type { QualityReport } from '../../../src/qa/report.ts';
import type { satisfactionAgreement } from '../../../src/qa/satisfaction-agreement.ts';
import { get, post, put, query } from '../api/client.ts';
import type { Json } from '../api/types.ts';

export type { ReportBy, ReviewInput, Scorecard };
export type Criterion = Scorecard['criteria'][number];
export type ScorecardView = Json<ReturnType<typeof scorecardView>>;
export type ScorecardDetail = ScorecardView & {
  history: { version: number; createdAt: string; createdBy: string | null }[];
};
export type ReviewQueue = Json<Awaited<ReturnType<typeof reviewQueue>>>;
export type QueueItem = ReviewQueue['items'][number];
export type Review = Json<Awaited<ReturnType<typeof reviewView>>[number]>;
export type Calibration = Json<Awaited<ReturnType<typeof calibrationOf>>>;
export type Agreement = Calibration['total'];
export type Report = QualityReport & { from: string; to: string };
export type SatisfactionAgreement = Json<ReturnType<typeof satisfactionAgreement>> & {
  from: string;
  to: string;
  scorecard: string | null;
};

const v1 = '/api/v1/qa';
const enc = encodeURIComponent;
type Items<T> = { items: T[] };

export const qaApi = {
  queue: (scorecard?: string, signal?: AbortSignal) =>
    get<ReviewQueue>(`${v1}/queue${query({ scorecard, limit: 200 })}`, signal),
  scorecards: (signal?: AbortSignal) =>
    get<Items<ScorecardView>>(`${v1}/scorecards`, signal).then((r) => r.items),
  scorecard: (id: string) => get<ScorecardDetail>(`${v1}/scorecards/${enc(id)}`),
  createScorecard: (card: Scorecard) => post<ScorecardView>(`${v1}/scorecards`, card),
  saveScorecard: (id: string, card: Scorecard) => put<ScorecardView>(`${v1}/scorecards/${enc(id)}`, card),
  reviews: (handoffId: string, signal?: AbortSignal) =>
    get<Items<Review>>(`${v1}/handoffs/${enc(handoffId)}/reviews`, signal).then((r) => r.items),
  submitReview: (body: ReviewInput, idempotencyKey?: string) =>
    post<Review>(`${v1}/reviews`, body, { idempotencyKey }),
  calibration: (scorecard: string, signal?: AbortSignal) =>
    get<Calibration>(`${v1}/calibration${query({ scorecard })}`, signal),
  report: (by: ReportBy, from: string | undefined, to: string | undefined, signal?: AbortSignal) =>
    get<Report>(`${v1}/report${query({ by, from, to })}`, signal),
  satisfaction: (from?: string, to?: string, scorecard?: string, signal?: AbortSignal) =>
    get<SatisfactionAgreement>(`${v1}/satisfaction${query({ from, to, scorecard })}`, signal),
  reportCsvUrl: (by: ReportBy, from?: string, to?: string) =>
    `${v1}/report${query({ by, from, to, format: 'csv' })}`,
};
