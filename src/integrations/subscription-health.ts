import type { SubscriptionHealth } from './integrations.types.ts';

/** What the outbox says of one subscription's deliveries (subscription-health.queries.ts). */
export type DeliveryCounts = Omit<SubscriptionHealth, 'state'>;

/** A subscription made after the counts were read: nothing yet. */
export const noDeliveries: DeliveryCounts = {
  waiting: 0,
  oldestWaitingAt: null,
  failing: 0,
  lastFailure: null,
  dead: 0,
  lastDeadAt: null,
  lastDeliveredAt: null,
  deliveredLastDay: 0,
  deliveredByHour: Array.from({ length: 24 }, () => 0),
  failedLastDay: 0,
  failedByHour: Array.from({ length: 24 }, () => 0),
};

/** Waiting this long with no failed try means the receiver is slow or the deliveries are stuck. */
export const behindAfterMs = 15 * 60_000;

/**
 * One word for how a subscription's deliveries stand, the first that holds: `paused` (a lead stopped
 * it), `failing` (a waiting delivery's last try failed: the receiver answers an error or not at all;
 * or the newest outcome was a delivery given up),
 * `behind` (deliveries waiting longer than 15 minutes without failing), `quiet` (nothing delivered yet,
 * nothing waiting), `healthy`. Dead letters older than the last delivery are counted beside it, not in
 * it: they stay until a lead acts, and the receiver has worked since.
 */
export function healthState(counts: DeliveryCounts, active: boolean, now: Date): SubscriptionHealth['state'] {
  if (!active) return 'paused';
  if (counts.failing > 0) return 'failing';
  const { lastDeadAt, lastDeliveredAt } = counts;
  if (lastDeadAt && (!lastDeliveredAt || lastDeadAt > lastDeliveredAt)) return 'failing';
  if (counts.oldestWaitingAt && now.getTime() - counts.oldestWaitingAt.getTime() > behindAfterMs)
    return 'behind';
  if (!counts.lastDeliveredAt && counts.waiting === 0) return 'quiet';
  return 'healthy';
}
