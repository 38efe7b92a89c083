import type { HandoffDetail } from '../api/types.ts';
import { formatDateTime, humanize } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { formatTarget } from '../sla/business-time.ts';
import { clockCalendar } from '../sla/calendars.ts';
import { actionLabels, type LadderAction } from '../sla/ladder-actions.ts';
import { SlaBadge } from '../sla/SlaBadge.tsx';

const nextStepLabel = (action: string) =>
  (actionLabels[action as LadderAction] ?? humanize(action)).toLowerCase();

/** Each clock with its target, deadline and a live business-time countdown. */
export function SlaClocks({ h }: { h: HandoffDetail }) {
  const s = useSession();
  if (h.sla.length === 0)
    return (
      <p className="muted">
        {h.state === 'draft' ? 'Clocks start when the handoff is sent.' : 'No SLA on this scenario.'}
      </p>
    );
  return (
    <ul className="clocks">
      {h.sla.map((c) => {
        const cal = clockCalendar(s, h, c.name);
        return (
          <li key={c.name} className="clock">
            <div className="clock-head">
              <span className="clock-name">{humanize(c.name)}</span>
              <SlaBadge clock={c} calendar={cal} showName={false} />
            </div>
            <div className="muted small">
              <abbr title={`Target ${c.target}`} className="target">
                {formatTarget(c.target, cal?.hours !== '24/7')}
              </abbr>
              {cal ? ` (${cal.hours === '24/7' ? 'round the clock, ' : ''}${cal.timezone})` : ''} · due{' '}
              {formatDateTime(c.deadline)}
              {c.breachedAt ? ` · breached ${formatDateTime(c.breachedAt)}` : ''}
              {c.stoppedAt && !c.breachedAt ? ` · stopped ${formatDateTime(c.stoppedAt)}` : ''}
            </div>
            {c.next ? (
              <div className="muted small clock-next">
                Next if nobody acts: {nextStepLabel(c.next.action)} at {c.next.at} %,{' '}
                {formatDateTime(c.next.dueAt)}
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
