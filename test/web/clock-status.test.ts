import { describe, expect, it } from 'vitest';
import { clockStatus, worstClock } from '../../web/src/sla/clock-status.ts';

const at = Date.parse('2026-11-23T10:00:00Z');
const clock = (over: Partial<{ name: string; target: string; state: string; deadline: string | null }>) => ({
  name: 'acknowledge',
  target: 'PT2H',
  state: 'running',
  deadline: '2026-11-23T11:00:00Z',
  ...over,
});

describe('what a clock means now', () => {
  it('calls a breach a breach, and a clock that pages at once paged', () => {
    expect(
      clockStatus(clock({ state: 'breached', deadline: '2026-11-23T09:00:00Z' }), undefined, at),
    ).toMatchObject({
      level: 'breached',
      detail: '1h 00m over',
    });
    expect(
      clockStatus(
        clock({ state: 'breached', target: 'PT0M', deadline: '2026-11-23T09:00:00Z' }),
        undefined,
        at,
      ),
    ).toMatchObject({ level: 'paged', label: 'Paged' });
  });

  it('puts a paged clock after a running one when picking the one that matters', () => {
    const paged = clock({ state: 'breached', target: 'PT0M' });
    const resolve = clock({ name: 'resolve', target: 'PT4H', deadline: '2026-11-23T13:00:00Z' });
    expect(worstClock([paged, resolve], undefined, at)?.clock.name).toBe('resolve');
  });
});
