import { describe, expect, it } from 'vitest';
import { sentimentTrajectory, slopeOf } from './trajectory.ts';

describe('slopeOf', () => {
  it('is zero for fewer than two points and signed otherwise', () => {
    expect(slopeOf([0.4])).toBe(0);
    expect(slopeOf([0, 0.5, 1])).toBeCloseTo(0.5);
    expect(slopeOf([0.5, 0, -0.5])).toBeCloseTo(-0.5);
  });
});

describe('sentimentTrajectory', () => {
  it('follows customer messages only, keeping their positions', () => {
    const t = sentimentTrajectory([
      { role: 'customer', text: 'Hi, my card was declined at checkout.', at: '2026-03-02T09:00:00Z' },
      { role: 'agent', text: 'Sorry about that, this is terrible, let me check.' },
      { role: 'customer', text: 'Still waiting. This is ridiculous.', at: '2026-03-02T09:30:00Z' },
      { role: 'customer', text: 'Third time I ask. Unacceptable!!! Cancel my account.' },
    ]);
    expect(t.points.map((p) => p.index)).toEqual([0, 2, 3]);
    expect(t.points[0].at).toBe('2026-03-02T09:00:00Z');
    expect(t.trend).toBe('worsening');
    expect(t.latest).toBeLessThan(-0.5);
    expect(t.min).toBe(t.latest);
  });

  it('sees a customer calming down', () => {
    const t = sentimentTrajectory([
      { role: 'customer', text: 'This is the worst service ever, I am furious.' },
      { role: 'customer', text: 'Ok, that makes sense.' },
      { role: 'customer', text: 'That worked, thank you so much for your help!' },
    ]);
    expect(t.trend).toBe('improving');
  });

  it('is steady and empty without customer messages', () => {
    const t = sentimentTrajectory([{ role: 'agent', text: 'Hello!' }]);
    expect(t).toMatchObject({ points: [], trend: 'steady', latest: 0, mean: 0 });
  });
});
