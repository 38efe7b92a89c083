import { describe, expect, it } from 'vitest';
import { healthState, noDeliveries } from './subscription-health.ts';

const now = new Date('2026-12-06T12:00:00Z');
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe('a subscription health state', () => {
  it('is quiet before anything was sent, and paused whatever its deliveries when paused', () => {
    expect(healthState(noDeliveries, true, now)).toBe('quiet');
    expect(healthState({ ...noDeliveries, failing: 3, waiting: 3 }, false, now)).toBe('paused');
  });

  it('is failing while a waiting delivery last failed, or when the newest outcome was giving up', () => {
    const failure = { eventId: 'ev1', status: 500, error: 'HTTP 500' };
    expect(healthState({ ...noDeliveries, waiting: 1, failing: 1, lastFailure: failure }, true, now)).toBe(
      'failing',
    );
    expect(healthState({ ...noDeliveries, dead: 2, lastDeadAt: ago(5) }, true, now)).toBe('failing');
    expect(
      healthState({ ...noDeliveries, dead: 2, lastDeadAt: ago(5), lastDeliveredAt: ago(10) }, true, now),
    ).toBe('failing');
    // A delivery made since: the dead letters are old news, counted but not the state.
    expect(
      healthState({ ...noDeliveries, dead: 2, lastDeadAt: ago(5), lastDeliveredAt: ago(1) }, true, now),
    ).toBe('healthy');
  });

  it('is behind once a delivery has waited over 15 minutes without failing', () => {
    expect(healthState({ ...noDeliveries, waiting: 4, oldestWaitingAt: ago(14) }, true, now)).toBe('healthy');
    expect(healthState({ ...noDeliveries, waiting: 4, oldestWaitingAt: ago(16) }, true, now)).toBe('behind');
  });
});
