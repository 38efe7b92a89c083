import { counted, relative } from '../app/format.ts';
import { Badge } from '../app/ui.tsx';
import type { WebhookSubscription } from './deliveries-api.ts';
import { hourBars, hourBarsLabel, hourBarsWidth } from './hour-bars.ts';

type Health = WebhookSubscription['health'];

const badges: Record<Health['state'], { tone: 'good' | 'bad' | 'warn' | 'neutral'; label: string }> = {
  healthy: { tone: 'good', label: 'Healthy' },
  failing: { tone: 'bad', label: 'Failing' },
  behind: { tone: 'warn', label: 'Behind' },
  paused: { tone: 'warn', label: 'Paused' },
  quiet: { tone: 'neutral', label: 'Nothing sent yet' },
};

/** The state as a badge a lead reads across the list at a glance. */
export function HealthBadge({ health }: { health: Health }) {
  const { tone, label } = badges[health.state];
  return <Badge tone={tone}>{label}</Badge>;
}

/** What the state rests on: the last delivery, the day's count, what waits, what was given up, and the last failure. */
export function HealthLine({ health }: { health: Health }) {
  const parts = [
    health.lastDeliveredAt ? `Last delivery ${relative(health.lastDeliveredAt)}` : 'No delivery yet',
    `${counted(health.deliveredLastDay, 'delivery', 'deliveries')} in 24 h`,
    health.waiting
      ? `${health.waiting.toLocaleString()} waiting${health.oldestWaitingAt ? ` (oldest ${relative(health.oldestWaitingAt)})` : ''}`
      : null,
    health.failedLastDay ? `${counted(health.failedLastDay, 'failed try', 'failed tries')} in 24 h` : null,
    health.dead ? counted(health.dead, 'dead letter') : null,
  ].filter(Boolean);
  const failure = health.lastFailure;
  return (
    <div data-testid="subscription-health">
      <div className="small subscription-health-line">
        <HourBars delivered={health.deliveredByHour} failed={health.failedByHour} />
        {parts.join(' · ')}
      </div>
      {failure ? (
        <div className="small field-error" title={failure.error}>
          Last try failed: {failure.status ? `HTTP ${failure.status}` : failure.error}
          {health.failing > 1 ? ` (${health.failing.toLocaleString()} deliveries retrying)` : ''}
        </div>
      ) : null}
    </div>
  );
}

/**
 * The last day hour by hour, the oldest first: the deliveries in green, the failed tries in red
 * above them, a glance at when the receiver took events and when it was down.
 */
function HourBars({ delivered, failed }: { delivered: number[]; failed: number[] }) {
  const height = 18;
  const label = hourBarsLabel(delivered, failed);
  const width = hourBarsWidth(delivered.length);
  return (
    <svg
      className="hour-bars"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      data-testid="hour-bars"
    >
      <title>{label}</title>
      {hourBars(delivered, failed, height).map((b) =>
        b.delivered || b.failed ? (
          <g key={b.x}>
            {b.delivered ? (
              <rect x={b.x} y={height - b.delivered} width={3} height={b.delivered} className="hour-bar" />
            ) : null}
            {b.failed ? (
              <rect
                x={b.x}
                y={height - b.delivered - b.failed}
                width={3}
                height={b.failed}
                className="hour-bar-failed"
              />
            ) : null}
          </g>
        ) : (
          <rect key={b.x} x={b.x} y={height - 2} width={3} height={2} className="hour-bar-empty" />
        ),
      )}
    </svg>
  );
}
