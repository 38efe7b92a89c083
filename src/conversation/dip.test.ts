import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDip } from './dip.ts';

const at = (minute: number) => `2026-03-02T09:${String(minute).padStart(2, '0')}:00Z`;
const msg = (minute: number, score: number) => ({ at: at(minute), score });

describe('detectDip', () => {
  it('fires on a sharp fall below the recent mean', () => {
    const result = detectDip([msg(1, 0.3), msg(2, 0.2), msg(3, 0.1)], msg(4, -0.5));
    expect(result).toMatchObject({ dip: true, reason: 'drop', baseline: 0.2 });
    expect(result.drop).toBeCloseTo(0.7);
  });

  it('fires when the score first crosses the floor', () => {
    expect(detectDip([msg(1, -0.4)], msg(2, -0.7))).toMatchObject({ dip: true, reason: 'floor' });
    expect(detectDip([], msg(1, -0.9))).toMatchObject({ dip: true, reason: 'floor', baseline: null });
  });

  it('does not fire again while the customer stays below the floor', () => {
    expect(detectDip([msg(1, -0.8), msg(2, -0.75)], msg(3, -0.8)).dip).toBe(false);
  });

  it('does not fire on small changes or on improvement', () => {
    expect(detectDip([msg(1, 0.2), msg(2, 0)], msg(3, -0.2)).dip).toBe(false);
    expect(detectDip([msg(1, -0.5)], msg(2, 0.4)).dip).toBe(false);
  });

  it('honours custom thresholds', () => {
    expect(detectDip([msg(1, 0.2)], msg(2, -0.1), { drop: 0.25 }).dip).toBe(true);
    expect(detectDip([msg(1, 0)], msg(2, -0.35), { floor: -0.3, drop: 2 }).reason).toBe('floor');
  });

  it('never fires when the latest score is at or above every earlier score and the floor', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { maxLength: 8 }), (scores) => {
        const history = scores.map((s, i) => msg(i, s));
        const top = Math.max(-0.6, ...scores);
        expect(detectDip(history, msg(59, top)).dip).toBe(false);
      }),
    );
  });
});
