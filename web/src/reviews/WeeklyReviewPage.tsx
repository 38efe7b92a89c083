import { analyticsApi } from '../analytics/analytics.api.ts';
import { PairsChart, RatesChart } from '../analytics/MetricsCharts.tsx';
import { SatisfactionCostChart, SatisfactionJourneyChart } from '../analytics/SatisfactionCharts.tsx';
import { formatDateTime } from '../app/format.ts';
import { Link } from '../app/router.tsx';
import { ErrorNote, Loading, Section } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import {
  CalibrationSection,
  HeadlineSection,
  NotableSection,
  PatternsSection,
  WorkflowSection,
} from './ReviewSections.tsx';
import { dayOf, weekWords } from './review-words.ts';
import '../analytics/analytics.css';

/** One week's review for leads: the stored one when the scheduled job kept it, else computed now. */
export default function WeeklyReviewPage({ week }: { week: string }) {
  const result = useResource(`analytics:review:${week}`, (signal) => analyticsApi.review(week, signal));
  const r = result.data?.review;
  return (
    <div className="page page-wide an-review">
      <div className="page-head">
        <div>
          <p className="muted">
            <Link to="/reviews">Weekly reviews</Link>
          </p>
          <h1>Weekly review, {weekWords(week)}</h1>
          {r ? (
            <p className="muted" data-testid="review-period">
              {dayOf(r.week.firstDay)} to {dayOf(r.week.lastDay)} ({r.week.timezone}) ·{' '}
              {result.data?.storedAt ? `stored ${formatDateTime(result.data.storedAt)}` : 'computed now'}
            </p>
          ) : null}
        </div>
        <a className="button" href={analyticsApi.reviewHtmlUrl(week)} target="_blank" rel="noreferrer">
          Printable page
        </a>
      </div>
      <ErrorNote error={result.error} title="The review could not be loaded" />
      {!r ? (
        result.error ? null : (
          <Loading label="Loading the review" />
        )
      ) : (
        <div className="stack">
          <HeadlineSection review={r} />
          <div className="an-grid">
            <RatesChart metrics={r.metrics} />
            <PairsChart metrics={r.metrics} />
          </div>
          <CalibrationSection review={r} />
          <WorkflowSection review={r} />
          <PatternsSection review={r} />
          {/* A review stored before Baton read ratings, or journeys, lacks them: shown as stored. */}
          {r.metrics.satisfactionBy ? (
            <Section title="What customers said">
              <div className="an-grid">
                <SatisfactionCostChart metrics={r.metrics} />
                {r.metrics.satisfactionBy.journey ? <SatisfactionJourneyChart metrics={r.metrics} /> : null}
              </div>
            </Section>
          ) : null}
          <NotableSection review={r} />
        </div>
      )}
    </div>
  );
}
