import { describe, expect, it } from 'vitest';
import { hourBars, hourBarsLabel } from '../../web/src/integrations/hour-bars.ts';

const zeros = () => Array.from({ length: 24 }, () => 0);
const at = (i: number, n: number) => zeros().map((z, j) => (j === i ? n : z));

describe('the hourly delivery bars', () => {
  it('scales to the busiest hour, deliveries and failed tries together, and never past the height', () => {
    const delivered = at(23, 10);
    const failed = at(20, 10).map((n, i) => (i === 23 ? 1 : n));
    const bars = hourBars(delivered, failed, 18);
    expect(bars).toHaveLength(24);
    expect(bars[0]).toEqual({ x: 0, delivered: 0, failed: 0 });
    expect(bars[20]).toEqual({ x: 80, delivered: 0, failed: 16 });
    // One failure beside ten deliveries still shows, the deliveries giving way.
    expect(bars[23]!.failed).toBe(3);
    expect(bars[23]!.delivered + bars[23]!.failed).toBeLessThanOrEqual(18);
    for (const b of bars) expect(b.delivered + b.failed).toBeLessThanOrEqual(18);
  });

  it('reads out the peak, and the failed tries only when there were some', () => {
    expect(hourBarsLabel(zeros(), zeros())).toBe('No deliveries in the last 24 hours');
    expect(hourBarsLabel(at(3, 1), zeros())).toBe(
      'Deliveries per hour over the last 24 hours, at most 1 an hour',
    );
    expect(hourBarsLabel(zeros(), at(5, 1))).toBe(
      'No deliveries in the last 24 hours; 1 failed try in 1 hour',
    );
    expect(
      hourBarsLabel(
        at(1, 4),
        at(5, 2).map((n, i) => (i === 6 ? 3 : n)),
      ),
    ).toBe('Deliveries per hour over the last 24 hours, at most 4 an hour; 5 failed tries in 2 hours');
  });
});
