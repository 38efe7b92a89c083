import { formatDateTime, formatDay, humanize } from '../app/format.ts';
import { Badge } from '../app/ui.tsx';
import type { SatisfactionRating } from './satisfaction-api.ts';
import { ratingText, satisfiedText } from './satisfaction-words.ts';
import './satisfaction.css';

/**
 * The customer's current view of the case (their latest satisfaction rating), under the case's
 * title. A live region: a rating recorded here or arriving from a helpdesk is read out.
 */
export function LatestRating({ latest }: { latest: SatisfactionRating | null | undefined }) {
  return (
    <div aria-live="polite" className="csat-latest" data-testid="csat-latest">
      {latest ? (
        <p className="small">
          <Badge tone={latest.satisfied ? 'good' : 'bad'}>
            CSAT: {ratingText(latest.rating)} · {satisfiedText(latest.satisfied)}
          </Badge>{' '}
          <span className="muted">
            rated{' '}
            <time dateTime={latest.ratedAt} title={formatDateTime(latest.ratedAt)}>
              {formatDay(latest.ratedAt)}
            </time>
            {latest.source !== 'baton' ? ` in ${humanize(latest.source)}` : ''}
          </span>
        </p>
      ) : null}
    </div>
  );
}
