import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { screenshot } from '../support/browser.ts';
import { chartTable } from '../support/chart-table.ts';
import { fullPacket, newCase } from '../support/harness.ts';
import { withWebApp } from '../support/web-app.ts';

/**
 * QA against CSAT in the browser: a reviewer reads whether the automatic score and the reviewers'
 * totals tell the customers' satisfied handoffs from the rest, per check and per criterion, and the
 * handoffs where QA and the customer disagree.
 */
const app = withWebApp({ people: ['hannah', 'grace'], shots: 'qa-satisfaction' });
const { call } = app;

const handoff = async (externalId: string) => {
  const c = await call('POST', '/api/v1/cases', newCase({ customer: { externalId, name: externalId } }));
  const sent = await call('POST', `/api/v1/cases/${c.id}/handoffs`, {
    scenario: 'billing-to-finance',
    packet: fullPacket,
  });
  return { caseId: c.id as string, id: sent.id as string };
};

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('web app: QA against CSAT [pglite]', () => {
  it('says whether QA predicts what customers say, per band, check and criterion, and lists the disagreements', async () => {
    const grace = await app.tokenOf('grace', ['lead']);
    const hannah = await app.tokenOf('hannah', ['qa']);
    const card = await call(
      'POST',
      '/api/v1/qa/scorecards',
      {
        name: 'Handoff rubric',
        criteria: [
          { id: 'context', label: 'Context is complete', scale: { min: 1, max: 5 } },
          { id: 'tone', label: 'Warm tone', scale: 'pass_fail' },
        ],
      },
      grace,
    );
    const happy: string[] = [];
    const unhappy: string[] = [];
    for (let i = 0; i < 6; i++) {
      const h = await handoff(`web-qa-csat-h${i}`);
      await call('POST', `/api/v1/handoffs/${h.id}/accept`, {});
      await call('POST', `/api/v1/cases/${h.caseId}/satisfaction`, { rating: 5 });
      happy.push(h.id);
    }
    for (let i = 0; i < 6; i++) {
      const h = await handoff(`web-qa-csat-u${i}`);
      await call('POST', `/api/v1/handoffs/${h.id}/bounce`, { reason: 'missing_context' }, grace);
      await call('POST', `/api/v1/cases/${h.caseId}/satisfaction`, {
        rating: 'bad',
        comment: 'I had to explain it all again',
      });
      unhappy.push(h.id);
    }
    const review = (handoffId: string, context: number, tone: boolean) =>
      call(
        'POST',
        '/api/v1/qa/reviews',
        {
          handoffId,
          scorecardId: card.id,
          scores: [
            { criterion: 'context', value: context },
            { criterion: 'tone', value: tone },
          ],
        },
        hannah,
      );
    await review(unhappy[0]!, 5, true);
    await review(happy[0]!, 2, false);

    const { page } = await app.signedIn('qa-csat', 'hannah@northwind.example');
    await page.goto(`${app.url}/qa`);
    await page
      .getByRole('navigation', { name: 'Quality assurance' })
      .getByRole('link', { name: 'Against CSAT' })
      .click();
    await page.getByRole('heading', { name: 'QA against CSAT', level: 1 }).waitFor();

    const overall = page.getByTestId('qa-csat-overall');
    await overall.waitFor();
    expect(await overall.textContent()).toMatch(
      /^12 rated handoffs sent .+50\.0 % CSAT \(6 satisfied\)2 of them reviewed$/,
    );
    const [automatic, journey, reviews] = await page.getByTestId('qa-csat-verdict').all();
    // One handoff a case here: the journey reads as the rated handoff does.
    expect(await journey!.textContent()).toMatch(
      /^Whole journey.*Predicts CSAT.*0 of the 12 followed an earlier handoff/,
    );
    expect(await automatic!.textContent()).toContain('Predicts CSAT');
    expect(await automatic!.textContent()).toContain(
      'a satisfied handoff scored higher than an unsatisfied one 100 % of the time',
    );
    expect(await reviews!.textContent()).toContain('Too few ratings');

    const bands = page.locator('figure', { hasText: 'CSAT by QA score' });
    await bands.locator('svg.recharts-surface[role=application]').waitFor();
    const bandRows = await chartTable(bands);
    expect(bandRows.map((r) => r[0])).toEqual(['Below 60', '60 to 79', '80 and up']);
    expect(bandRows[2]![1]).toBe('100.0 % (6 of 6)');
    expect(bandRows[2]![2]).toBe('100.0 % (6 of 6)');
    // The reviewers gave one happy handoff a low total and one unhappy one full marks.
    expect(bandRows[0]![3]).toBe('100.0 % (1 of 1)');
    expect(bandRows[2]![3]).toBe('0.0 % (0 of 1)');

    // Each reviewer's totals against the customers.
    const reviewers = page.getByRole('table', { name: "Each reviewer's totals against CSAT" });
    expect(await reviewers.locator('tbody tr').allTextContents()).toEqual([
      expect.stringMatching(/^Hannah .+2.+1.+1.+Too few ratings/),
    ]);

    const checks = page.locator('figure', { hasText: 'CSAT where each check failed and passed' });
    const checkRows = await chartTable(checks);
    expect(checkRows[0]).toEqual([
      'Packet complete',
      '0.0 % (0 of 6)',
      '100.0 % (6 of 6)',
      '−100.0\u00a0pts',
    ]);
    await page.getByText('Choose a scorecard above to see each of its criteria against CSAT.').waitFor();

    const passed = page.locator('section', { hasText: 'QA passed them, the customer was not satisfied' });
    const row = passed.getByTestId('qa-disagreements').locator('tbody tr');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.first().textContent()).toContain('I had to explain it all again');
    expect(await row.first().textContent()).toContain('100.0reviewers');
    expect(await row.first().getByRole('link', { name: 'Review' }).getAttribute('href')).toBe(
      `/qa/reviews/${unhappy[0]}`,
    );
    const failed = page.locator('section', { hasText: 'QA failed them, the customer was satisfied' });
    expect(await failed.getByTestId('qa-disagreements').locator('tbody tr').count()).toBe(1);
    await screenshot(page, 'qa-csat-disagreements');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'qa-csat-verdicts');

    // The scorecard chosen from the keyboard: its criteria against CSAT, the choice kept in the address.
    await page.getByLabel('Reviews on').focus();
    await page.getByLabel('Reviews on').selectOption(card.id);
    const criteria = page.locator('figure', { hasText: 'CSAT where each criterion scored low and high' });
    const criterionRows = await chartTable(criteria);
    expect(criterionRows).toEqual([
      ['Context is complete', '100.0 % (1 of 1)', '0.0 % (0 of 1)', '+100.0\u00a0pts'],
      ['Warm tone', '100.0 % (1 of 1)', '0.0 % (0 of 1)', '+100.0\u00a0pts'],
    ]);
    expect(page.url()).toContain(`scorecard=${card.id}`);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'qa-csat-scorecard');

    await page.setViewportSize({ width: 390, height: 844 });
    // The charts follow the window once their resize observers have run.
    await expect.poll(() => overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'qa-csat-phone');
  });
});
