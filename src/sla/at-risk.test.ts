import { describe, expect, it } from 'vitest';
import { breachLikelihood } from './at-risk.ts';

const H = 3_600_000;
describe('breach likelihood', () => {
  it('is certain once due', () => {
    expect(
      breachLikelihood({
        remainingMs: 0,
        budgetMs: 4 * H,
        recentPickupMs: [],
        queueAhead: 0,
        members: 3,
        accepted: false,
      }).probability,
    ).toBe(1);
  });
  it('rises with the queue and with slow pickups', () => {
    const calm = breachLikelihood({
      remainingMs: 3 * H,
      budgetMs: 4 * H,
      recentPickupMs: [0.5 * H, H],
      queueAhead: 0,
      members: 3,
      accepted: false,
    });
    const busy = breachLikelihood({
      remainingMs: 3 * H,
      budgetMs: 4 * H,
      recentPickupMs: [0.5 * H, H],
      queueAhead: 12,
      members: 3,
      accepted: false,
    });
    const slow = breachLikelihood({
      remainingMs: 3 * H,
      budgetMs: 4 * H,
      recentPickupMs: [8 * H, 9 * H],
      queueAhead: 0,
      members: 3,
      accepted: false,
    });
    expect(calm.level).toBe('low');
    expect(busy.probability).toBeGreaterThan(calm.probability);
    expect(slow.probability).toBeGreaterThan(calm.probability);
    expect(slow.level).toBe('high');
  });
});
