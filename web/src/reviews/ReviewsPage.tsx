import { useState } from 'react';
import { analyticsApi } from '../analytics/analytics.api.ts';
import { isoWeekId } from '../analytics/figures.ts';
import { formatDateTime } from '../app/format.ts';
import { Link, navigate } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { ErrorNote, Loading, Section } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { DeliveryForm } from './DeliveryForm.tsx';
import '../analytics/analytics.css';

const WEEK = /^\d{4}-W\d{2}$/;

/** The weekly reviews the scheduled job stored, and any other week computed on demand. */
export default function ReviewsPage() {
  const s = useSession();
  const list = useResource('analytics:reviews', (signal) => analyticsApi.reviews(signal));
  const lastWeek = isoWeekId(Date.now() - 7 * 86_400_000);
  const [week, setWeek] = useState(lastWeek);
  const valid = WEEK.test(week.trim());
  return (
    <div className="page an-review">
      <div className="page-head">
        <div>
          <h1>Weekly reviews</h1>
          <p className="muted">
            The cross-team review of each week: SLA calibration, issue patterns, vocabulary health, the teams
            that pass work back and forth, and the cases to discuss.
          </p>
        </div>
      </div>
      <Section title="Open a week">
        <form
          className="toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) navigate(`/reviews/${week.trim()}`);
          }}
        >
          <div className="inline-field">
            <label htmlFor="review-week">ISO week</label>
            <input
              id="review-week"
              value={week}
              onChange={(e) => setWeek(e.target.value)}
              placeholder="2026-W48"
              aria-invalid={!valid}
              aria-describedby="review-week-hint"
              size={10}
            />
          </div>
          <button type="submit" className="button" disabled={!valid}>
            Open
          </button>
          <span id="review-week-hint" className="muted">
            Weeks run Monday to Sunday in the organisation's time zone, for example {lastWeek}.
          </span>
        </form>
      </Section>
      <Section title="Stored reviews">
        <ErrorNote error={list.error} title="The stored reviews could not be listed" />
        {!list.data ? (
          list.error ? null : (
            <Loading label="Listing the stored reviews" />
          )
        ) : list.data.length === 0 ? (
          <p className="muted">
            None yet: the scheduled job stores each week once it is over.{' '}
            <Link to={`/reviews/${lastWeek}`}>Open {lastWeek}</Link>.
          </p>
        ) : (
          <ul className="an-review-list" data-testid="stored-reviews">
            {list.data.map((r) => (
              <li key={r.week}>
                <Link to={`/reviews/${r.week}`} title={`Stored ${formatDateTime(r.createdAt)}`}>
                  {r.week}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>
      {s.can('lead') ? (
        <Section title="Send each stored review to">
          <DeliveryForm />
        </Section>
      ) : null}
    </div>
  );
}
