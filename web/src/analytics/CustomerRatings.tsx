import { useEffect, useState } from 'react';
import { Erasable } from '../app/Erased.tsx';
import { formatDateTime, formatDay } from '../app/format.ts';
import { Link } from '../app/router.tsx';
import { Badge, Empty, ErrorNote, Loading } from '../app/ui.tsx';
import { ratingText, satisfiedText } from '../cases/satisfaction-words.ts';
import { analyticsApi, type Period, type RatingsPage } from './analytics.api.ts';
import { NOT_HANDED_OFF } from './SatisfactionCharts.tsx';

type Item = RatingsPage['items'][number];

/** Where a rating came from, as the helpdesk calls itself; another source as it was sent. */
const helpdeskName = (source: string) =>
  ({ zendesk: 'Zendesk', freshdesk: 'Freshdesk', intercom: 'Intercom' })[source] ?? source;
const PAGE = 20;

/**
 * The customers' own words behind CSAT: the period's ratings, newest first, with their comment, the
 * case and the team they are counted for. "Not satisfied only" is what a lead reads to follow up.
 */
export function CustomerRatings({ period, team }: { period: Period; team?: string }) {
  const [unhappyOnly, setUnhappyOnly] = useState(true);
  const [items, setItems] = useState<Item[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const filter = { ...period, team, satisfied: unhappyOnly ? ('false' as const) : undefined, limit: PAGE };
  const key = JSON.stringify(filter);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the filter, said once.
  useEffect(() => {
    const ctrl = new AbortController();
    setItems(null);
    setError(undefined);
    analyticsApi
      .ratings(filter, ctrl.signal)
      .then((page) => {
        setItems(page.items);
        setNext(page.nextCursor);
      })
      .catch((e: unknown) => {
        if (!ctrl.signal.aborted) setError(e);
      });
    return () => ctrl.abort();
  }, [key]);

  const more = async () => {
    if (!next) return;
    setBusy(true);
    try {
      const page = await analyticsApi.ratings({ ...filter, cursor: next });
      setItems((was) => [...(was ?? []), ...page.items]);
      setNext(page.nextCursor);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack" data-testid="customer-ratings">
      {/* Unlike the figures above (cases opened in the period), these are the ratings given in it. */}
      <p className="muted small">
        Ratings given in the period{team ? ', counted for the team chosen' : ''}, newest first.
      </p>
      <label className="event-choice">
        <input type="checkbox" checked={unhappyOnly} onChange={(e) => setUnhappyOnly(e.target.checked)} /> Not
        satisfied only
      </label>
      {error ? <ErrorNote error={error} title="Could not load the ratings" /> : null}
      {items === null && !error ? <Loading label="Reading the ratings" /> : null}
      {items?.length === 0 ? (
        <Empty title={unhappyOnly ? 'No customer was unhappy in this period' : 'No rating in this period'}>
          {unhappyOnly
            ? 'Untick "Not satisfied only" to read every rating.'
            : 'Ratings arrive from the helpdesk or Record rating on a case.'}
        </Empty>
      ) : null}
      {items?.length ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Customer ratings, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Rated</th>
                <th scope="col">Customer</th>
                <th scope="col">Rating</th>
                <th scope="col">Counted for</th>
                <th scope="col">Comment</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id} data-testid="customer-rating">
                  <th scope="row">
                    <time dateTime={r.ratedAt} title={formatDateTime(r.ratedAt)}>
                      {formatDay(r.ratedAt)}
                    </time>
                    {r.source !== 'baton' ? (
                      <span className="small muted rating-source">via {helpdeskName(r.source)}</span>
                    ) : null}
                  </th>
                  <td>
                    <Link to={`/customers/${r.customer.id}`}>
                      <Erasable text={r.customer.name} label="Name erased" />
                    </Link>
                    <br />
                    <Link to={`/cases/${r.caseId}`} className="small">
                      <Erasable text={r.caseSubject} label="Subject erased" />
                    </Link>
                  </td>
                  <td>
                    <Badge tone={r.satisfied ? 'good' : 'bad'}>
                      {ratingText(r.rating)} · {satisfiedText(r.satisfied)}
                    </Badge>
                    {r.superseded ? <span className="small muted"> · rated again later</span> : null}
                  </td>
                  <td>{r.team?.name ?? NOT_HANDED_OFF}</td>
                  <td>
                    {r.comment ? (
                      <Erasable text={r.comment} label="Comment erased" />
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {next ? (
        <button type="button" className="button" onClick={more} disabled={busy}>
          {busy ? 'Loading…' : 'Show more ratings'}
        </button>
      ) : null}
    </div>
  );
}
