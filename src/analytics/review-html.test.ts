import { describe, expect, it } from 'vitest';
import { knownWeek } from './fixtures.ts';
import { isoWeek } from './period.ts';
import { buildWeeklyReview } from './review.ts';
import { escapeHtml, pairedBars, targetRanges } from './review-charts.ts';
import { renderReviewHtml } from './review-html.ts';
import { duration, percent } from './review-style.ts';

describe('the weekly review page', () => {
  const facts = knownWeek()
    .case({
      id: 'c9',
      at: '2026-11-06T09:00:00Z',
      issueType: null,
      subject: '<script>alert(1)</script> meter',
    })
    .scenario({ id: 'voice-to-chat', template: { version: 1, lastReviewed: '2025-11-03' } }).facts;
  const html = renderReviewHtml(buildWeeklyReview(facts, isoWeek('2026-W45', 'UTC')), 'Northwind & Co');

  it('is one self-contained page', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).not.toMatch(/<link|<script|src="http|href="http/);
    expect(html).toContain('Northwind &#38; Co');
  });

  it('escapes what people typed', () => {
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; meter');
  });

  it('has every section, labelled, with charts that describe themselves', () => {
    for (const h of [
      'The week in numbers',
      'SLA calibration',
      'Issue patterns',
      'Vocabulary health',
      'Stale packet templates',
      'Teams that bounce work',
      'What customers said',
      'Notable cases',
    ])
      expect(html).toContain(`>${h}</h2>`);
    expect(html.match(/<svg[^>]*role="img"[^>]*aria-labelledby="([^"]+)"/g)?.length).toBe(2);
    expect(html).toContain('<title id="cal-t">');
    expect(html).toContain('voice-to-chat');
    expect(html).toContain('lost escalation');
  });
});

describe('what customers said, in the weekly review', () => {
  it('gives CSAT, the journeys by their weakest handoff and what each signal cost, with a chart', () => {
    const rated = knownWeek()
      .rating('c1', true, '2026-11-02T15:00:00Z', 'h1')
      .rating('c3', false, '2026-11-04T10:00:00Z', 'h3')
      .rating('c5', true, '2026-11-06T13:00:00Z').facts;
    const review = buildWeeklyReview(rated, isoWeek('2026-W45', 'UTC'));
    const page = renderReviewHtml(review);
    expect(page).toContain('>What customers said</h2>');
    expect(page).toContain('CSAT 67%: 2 of 3 rated cases satisfied.');
    const j = review.metrics.satisfactionBy.journey;
    // c3's journey holds the bounced h2: its weakest moment, below c1's single handoff.
    expect(j.notSatisfied.cases).toBe(1);
    expect(j.satisfied.cases).toBe(1);
    expect(j.gap).toBeGreaterThan(0);
    expect(page).toContain(
      `<strong>${j.satisfied.weakestQuality}</strong> of 100 on average for the 1 satisfied, <strong>${j.notSatisfied.weakestQuality}</strong> for the 1 not satisfied`,
    );
    expect(page).toContain('<title id="csat-t">CSAT with and without each, in percent</title>');
    expect(page).toContain('>Bounced back</td><td class="n">0% of 1</td><td class="n">100% of 2</td>');
    // Nobody rated: said in words, no chart.
    const none = renderReviewHtml(buildWeeklyReview(knownWeek().facts, isoWeek('2026-W45', 'UTC')));
    expect(none).toContain('No customer rated a case opened this week.');
    expect(none).not.toContain('id="csat-t"');
  });
});

describe('charts and formats', () => {
  it('draws values beside the bars', () => {
    const svg = pairedBars('x', 'T', 'D', [{ label: 'billing', a: 3, b: 1 }], ['now', 'then']);
    expect(svg).toContain('>billing</text>');
    expect(svg).toContain('>3</text>');
    expect(svg).toContain('<desc id="x-d">D</desc>');
    expect(targetRanges('y', 'T', 'D', [{ label: 'a', p50: 1, p90: 2, target: 3, text: 'p90 2' }])).toContain(
      'class="target"',
    );
    expect(escapeHtml(`"'<>&`)).toBe('&#34;&#39;&#60;&#62;&#38;');
  });

  it('formats shares and durations for people', () => {
    expect(percent(0.3812)).toBe('38%');
    expect(percent(0.004)).toBe('0.4%');
    expect(percent(null)).toBe('n/a');
    expect(duration(35 * 60_000)).toBe('35 min');
    expect(duration(5.24 * 3_600_000)).toBe('5.2 h');
    expect(duration(74.4 * 3_600_000)).toBe('3.1 days');
  });
});

describe('the printable SLA calibration', () => {
  it('gives how many clocks were met of those decided, and a dash where none is', () => {
    const review = buildWeeklyReview(knownWeek().facts, isoWeek('2026-W45', 'UTC'));
    const page = renderReviewHtml(review);
    expect(page).toContain('Met (of decided)');
    expect(review.slaCalibration.some((r) => r.attainment.of > 0)).toBe(true);
    for (const row of review.slaCalibration) {
      const a = row.attainment;
      if (a.of > 0) expect(page).toContain(`${percent(a.rate)} (${a.count} of ${a.of})`);
    }
    const undecided = {
      ...review,
      slaCalibration: review.slaCalibration.map((r) => ({
        ...r,
        attainment: { count: 0, of: 0, rate: null },
      })),
    };
    expect(renderReviewHtml(undecided)).not.toMatch(/0\.0 ?%/);
  });
});
