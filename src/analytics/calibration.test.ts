import { describe, expect, it } from 'vitest';
import { fitOf, formatTarget, roundUpDuration, slaCalibration, suggestTarget } from './calibration.ts';
import { deriveViews } from './derive.ts';
import { alwaysOpen, at, H, history } from './fixtures.ts';

const MIN = 60_000;

describe('suggested targets', () => {
  it('round up to steps a lead would write', () => {
    expect(roundUpDuration(0)).toBe(0);
    expect(roundUpDuration(12 * MIN)).toBe(15 * MIN);
    expect(roundUpDuration(61 * MIN)).toBe(75 * MIN);
    expect(roundUpDuration(5 * H + 1)).toBe(5.5 * H);
    expect(roundUpDuration(30 * H + 10 * MIN)).toBe(31 * H);
  });

  it('format as targets', () => {
    expect(formatTarget(0)).toBe('PT0M');
    expect(formatTarget(15 * MIN)).toBe('PT15M');
    expect(formatTarget(5.5 * H)).toBe('PT5H30M');
    expect(formatTarget(3 * H)).toBe('PT3H');
  });

  it('keep the unit of the current target', () => {
    expect(suggestTarget(4.2 * H, 'PT4H', 4 * H)).toBe('PT4H30M');
    // P1D on an 8-hour day: a p90 of 11 business hours is 2 working days
    expect(suggestTarget(11 * H, 'P1D', 8 * H)).toBe('P2D');
    expect(suggestTarget(3 * H, 'P2D', 16 * H)).toBe('P1D');
    expect(suggestTarget(16 * H, 'P2D', 16 * H)).toBe('P2D');
  });

  it('judge the fit of a target', () => {
    expect(fitOf(5 * H, 4 * H)).toBe('over');
    expect(fitOf(1 * H, 4 * H)).toBe('under');
    expect(fitOf(3 * H, 4 * H)).toBe('fits');
    expect(fitOf(null, 4 * H)).toBe('no data');
  });
});

describe('SLA calibration', () => {
  it('measures business time to stop per scenario and clock', () => {
    const b = history();
    const pickups = [1, 2, 3, 4, 6]; // hours to accept
    pickups.forEach((hours, i) => {
      const sent = `2026-11-0${2 + i}T09:00:00Z`;
      b.case({ id: `c${i}`, at: sent }).handoff({ id: `h${i}`, caseId: `c${i}`, to: 'finance', sent });
      b.clock({
        handoffId: `h${i}`,
        name: 'acknowledge',
        started: sent,
        calendar: alwaysOpen,
        state: hours > 4 ? 'breached' : 'met',
        breachedAt: hours > 4 ? at(sent) + 4 * H : null,
        stoppedAt: at(sent) + hours * H,
      });
    });
    b.case({ id: 'open', at: '2026-11-06T09:00:00Z' })
      .handoff({ id: 'ho', caseId: 'open', to: 'finance', sent: '2026-11-06T09:00:00Z' })
      .clock({ handoffId: 'ho', name: 'acknowledge', started: '2026-11-06T09:00:00Z' });
    const rows = slaCalibration(deriveViews(b.facts).handoffs);
    expect(rows).toEqual([
      {
        scenario: 'billing-to-finance',
        clock: 'acknowledge',
        target: 'PT4H',
        budgetMs: 4 * H,
        finished: 5,
        open: 1,
        attainment: { count: 4, of: 5, rate: 0.8 },
        p50Ms: 3 * H,
        p90Ms: 5.2 * H, // 4 + (6 - 4) * 0.6
        fit: 'over',
        suggestedTarget: 'PT5H30M',
      },
    ]);
  });
});
