import { counted, relative } from '../app/format.ts';
import { Badge } from '../app/ui.tsx';
import type { WebhookSubscription } from './deliveries-api.ts';

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
    health.dead ? counted(health.dead, 'dead letter') : null,
  ].filter(Boolean);
  const failure = health.lastFailure;
  return (
    <div data-testid="subscription-health">
      <div className="small subscription-health-line">
        <HourBars counts={health.deliveredByHour} />
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

/** The last day's deliveries hour by hour, the oldest first: a glance at when the receiver took them. */
function HourBars({ counts }: { counts: number[] }) {
  const peak = Math.max(0, ...counts);
  const height = 18;
  const label = peak
    ? `Deliveries per hour over the last 24 hours, at most ${peak.toLocaleString()} an hour`
    : 'No deliveries in the last 24 hours';
  return (
    <svg
      className="hour-bars"
      width={counts.length * 4}
      height={height}
      viewBox={`0 0 ${counts.length * 4} ${height}`}
      role="img"
      aria-label={label}
      data-testid="hour-bars"
    >
      <title>{label}</title>
      {counts
        .map((n, i) => ({ n, x: i * 4 }))
        .map(({ n, x }) => {
          // A delivery in an hour shows, however small against the peak.
          const h = n === 0 ? 2 : Math.max(4, Math.round((n / peak) * height));
          return (
            <rect
              key={x}
              x={x}
              y={height - h}
              width={3}
              height={h}
              className={n ? 'hour-bar' : 'hour-bar-empty'}
            />
          );
        })}
    </svg>
  );
}
