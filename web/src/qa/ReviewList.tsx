import { formatDateTime, humanize } from '../app/format.ts';
import { Empty } from '../app/ui.tsx';
import type { Review, ScorecardView } from './qa.api.ts';

const shown = (v: number | boolean) => (v === true ? 'Pass' : v === false ? 'Fail' : String(v));

/** Every review of one handoff: who, on which scorecard, the total and each criterion's score. */
export function ReviewList({ reviews, cards }: { reviews: Review[]; cards: ScorecardView[] }) {
  if (reviews.length === 0) return <Empty title="No reviews yet" />;
  return (
    <ul className="qa-reviews" aria-label="Reviews">
      {reviews.map((r) => {
        const card = cards.find((c) => c.id === r.scorecardId);
        const label = (id: string) => card?.criteria.find((c) => c.id === id)?.label ?? humanize(id);
        const items = r.scores as { criterion: string; value: number | boolean; comment?: string }[];
        return (
          <li key={r.id} className="qa-review">
            <div className="qa-review-head">
              <strong>{r.reviewer.name}</strong>
              <span className={r.criticalFail.length ? 'qa-total-bad' : ''}>
                {r.total} / 100{r.criticalFail.length ? ' (critical fail)' : ''}
              </span>
            </div>
            <div className="small muted">
              {card?.name ?? r.scorecardId} v{r.scorecardVersion} · {formatDateTime(r.createdAt)}
            </div>
            <dl className="qa-review-items small">
              {items.map((i) => (
                <div key={i.criterion} className="qa-review-item">
                  <dt>{label(i.criterion)}</dt>
                  <dd>
                    {shown(i.value)}
                    {i.comment ? <span className="muted"> — {i.comment}</span> : null}
                  </dd>
                </div>
              ))}
            </dl>
            {r.comment ? <p className="small">{r.comment}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
