import type { NotificationSend } from '../../../src/notifications/notifications.types.ts';
import { formatDateTime, relative } from '../app/format.ts';
import { Link } from '../app/router.tsx';
import { Badge } from '../app/ui.tsx';
import { inAppPath } from './Inbox.tsx';
import { canResend, kindOf, recipientOf, sendBadges } from './notification-sends.ts';

/**
 * The sends, newest first: what each was, to whom and where, how it stands, and Try again. A
 * person's own (`own`, in a narrow dialog) show what each was, by what, and how it stands: not
 * whom (them), the sequence or the tries, nor the button (for leads).
 */
export function SendsTable({
  rows,
  onResend,
  own = false,
}: {
  rows: NotificationSend[];
  onResend?: (seq: number) => void;
  own?: boolean;
}) {
  return (
    <table className="table compact">
      <caption className="visually-hidden">Slack and e-mail notification sends, newest first</caption>
      <thead>
        <tr>
          {own ? null : <th scope="col">#</th>}
          <th scope="col">Notification</th>
          <th scope="col">{own ? 'By' : 'To'}</th>
          <th scope="col">Status</th>
          {own ? null : <th scope="col">Tries</th>}
          {onResend ? <th scope="col">Action</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.seq} data-testid="send-row" data-state={s.state}>
            {own ? null : <td>{s.seq}</td>}
            <td>
              <div>
                <Title send={s} />
              </div>
              <div className="small muted">
                {kindOf(s)} · <time dateTime={s.createdAt}>{formatDateTime(s.createdAt)}</time>
              </div>
            </td>
            <td>
              {own ? null : <div>{recipientOf(s)}</div>}
              <div className="small muted">
                {s.channel === 'slack' ? 'Slack' : 'E-mail'} · <span className="mono">{s.target}</span>
              </div>
            </td>
            <td>
              <Badge tone={sendBadges[s.state].tone}>{sendBadges[s.state].label}</Badge>
              {s.lastError && s.state !== 'delivered' ? (
                <div className="small field-error" title={s.lastError}>
                  {s.lastError.slice(0, 80)}
                </div>
              ) : null}
              <div className="small muted">
                {s.state === 'delivered' && s.deliveredAt
                  ? relative(s.deliveredAt)
                  : s.state === 'failed' && s.deadAt
                    ? `Given up ${relative(s.deadAt)}`
                    : s.nextAttemptAt
                      ? `Next try ${relative(s.nextAttemptAt)}`
                      : null}
              </div>
            </td>
            {own ? null : <td>{s.attempts}</td>}
            {onResend ? (
              <td>
                {canResend(s) ? (
                  <button
                    type="button"
                    className="button small"
                    aria-label={`Try #${s.seq} again`}
                    onClick={() => onResend(s.seq)}
                  >
                    Try again
                  </button>
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The notification's title, linked to the case or customer it was about. */
function Title({ send }: { send: NotificationSend }) {
  const to = inAppPath(send.link);
  return to ? <Link to={to}>{send.title}</Link> : send.title;
}
