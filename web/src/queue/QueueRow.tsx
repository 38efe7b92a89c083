import { memo } from 'react';
import type { HandoffItem } from '../api/types.ts';
import { Erasable, plainText } from '../app/Erased.tsx';
import { formatDateTime, humanize, relative, stateLabels } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { Badge, stateTone } from '../app/ui.tsx';
import { useCaseTitle } from '../cases/case-titles.ts';
import { clockCalendar } from '../sla/calendars.ts';
import { worstClock } from '../sla/clock-status.ts';
import { StatusPill, useNow } from '../sla/SlaBadge.tsx';

/**
 * One queue row: the clock that matters most, the case, where it came from and who owns it; and,
 * when it may be reassigned, its pick box (`x` picks it from the keyboard).
 */
export const QueueRow = memo(function QueueRow({
  h,
  picked,
  onPick,
}: {
  h: HandoffItem;
  /** Undefined: this row cannot be picked (not open, or not this person's to reassign). */
  picked?: boolean;
  /** `range`: a shift-click, picking from the row picked last to this one. */
  onPick?: (id: string, range: boolean) => void;
}) {
  const s = useSession();
  const now = useNow();
  const title = useCaseTitle(h.caseId);
  const worst = worstClock(h.sla, clockCalendar(s, h), now);
  const scenarioName = s.scenarios.find((x) => x.id === h.scenario)?.name ?? humanize(h.scenario);
  return (
    <div className={`qrow qrow-${worst?.status.level ?? 'none'}${picked ? ' qrow-picked' : ''}`}>
      <div className="qrow-pick">
        {picked === undefined ? null : (
          // The option itself says it is picked (aria-checked) and `x` picks it from the keyboard:
          // a control inside an option would be a second, nested one for assistive technology.
          <span
            className={`pick-box${picked ? ' is-picked' : ''}`}
            aria-hidden="true"
            data-testid="pick-box"
            title={picked ? 'Picked (x)' : 'Pick to reassign together (x)'}
            onClick={(e) => onPick?.(h.id, e.shiftKey)}
          >
            {picked ? '✓' : ''}
          </span>
        )}
      </div>
      <div className="qrow-sla">
        {worst ? (
          <>
            <StatusPill status={worst.status} compact />
            <span className="qrow-left" title={`${worst.status.detail} · ${humanize(worst.clock.name)}`}>
              {worst.status.remainingMs !== null || worst.status.level === 'breached'
                ? worst.status.detail.split(' · ')[0]
                : ''}
              <span className="qrow-clock"> · {humanize(worst.clock.name)}</span>
            </span>
          </>
        ) : (
          <span className="muted small">No clock</span>
        )}
      </div>
      <div className="qrow-main">
        <div
          className="qrow-title"
          title={
            title
              ? `${plainText(title.subject, 'Subject erased')} · ${plainText(title.customer, 'Erased customer')}`
              : undefined
          }
        >
          {title ? (
            <>
              <span className="qrow-subject">
                <Erasable text={title.subject} label="Subject erased" />
              </span>
              <span className="muted">
                {' '}
                · <Erasable text={title.customer} label="Erased customer" />
              </span>
            </>
          ) : (
            <span className="muted">{title === null ? h.caseId : 'Loading case…'}</span>
          )}
        </div>
        <div className="qrow-meta">
          <Badge tone={stateTone(h.state)}>{stateLabels[h.state] ?? h.state}</Badge>
          <span className="qrow-owner" title="Owner">
            {h.owner?.name ?? 'No owner'}
          </span>
          <span className="qrow-scenario" title={scenarioName}>
            {scenarioName}
          </span>
          {h.sentAt ? (
            <span className="qrow-age" title={`Sent ${formatDateTime(h.sentAt)}`}>
              sent {relative(h.sentAt, now)}
            </span>
          ) : null}
        </div>
      </div>
      <div className="qrow-complete" title="Packet completeness">
        {h.completeness}%
      </div>
    </div>
  );
});
