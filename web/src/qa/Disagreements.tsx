import { Erasable } from '../app/Erased.tsx';
import { checkLabels, formatDateTime, formatDay, humanize } from '../app/format.ts';
import { Link } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { Badge, Empty } from '../app/ui.tsx';
import { ratingText, satisfiedText } from '../cases/satisfaction-words.ts';
import type { SatisfactionAgreement } from './qa.api.ts';

type Item = SatisfactionAgreement['disagreements']['qaPassedCustomerUnsatisfied'][number];

/**
 * The handoffs QA and the customer judged differently: what a calibration session talks over, each
 * with what QA saw (its score, the checks that failed) beside what the customer said.
 */
export function Disagreements({ title, items, none }: { title: string; items: Item[]; none: string }) {
  const s = useSession();
  if (items.length === 0) return <Empty title={none} />;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="qa-disagreements">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">Handoff</th>
            <th scope="col">QA score</th>
            <th scope="col">Failed checks</th>
            <th scope="col">Customer</th>
            <th scope="col">Comment</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.handoffId}>
              <th scope="row">
                <Link to={`/handoffs/${i.handoffId}`}>
                  <Erasable text={i.subject} label="Subject erased" />
                </Link>
                <br />
                <span className="small muted">
                  to {i.receivingTeam.name},{' '}
                  <time dateTime={i.sentAt} title={formatDateTime(i.sentAt)}>
                    {formatDay(i.sentAt)}
                  </time>
                  {s.can('qa') ? (
                    <>
                      {' · '}
                      <Link to={`/qa/reviews/${i.handoffId}`}>Review</Link>
                    </>
                  ) : null}
                </span>
              </th>
              <td className="num">
                {i.qaScore.toFixed(1)}
                <br />
                <span className="small muted">{i.scoredBy === 'reviews' ? 'reviewers' : 'automatic'}</span>
              </td>
              <td>
                {i.failedChecks.length ? (
                  i.failedChecks.map((c) => checkLabels[c] ?? humanize(c)).join(', ')
                ) : (
                  <span className="muted">None</span>
                )}
              </td>
              <td>
                <Badge tone={i.rating.satisfied ? 'good' : 'bad'}>
                  {ratingText(i.rating.rating)} · {satisfiedText(i.rating.satisfied)}
                </Badge>
              </td>
              <td>
                {i.rating.comment ? (
                  <Erasable text={i.rating.comment} label="Comment erased" />
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
