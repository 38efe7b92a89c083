import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { weekIdOf } from '../../src/analytics/period.ts';
import { axeViolations } from '../support/axe.ts';
import { screenshot } from '../support/browser.ts';
import { chartTable } from '../support/chart-table.ts';
import { fullPacket, newCase } from '../support/harness.ts';
import { withWebApp } from '../support/web-app.ts';

/**
 * Customer satisfaction ratings (CSAT) in the browser: the analytics page over ratings that came by
 * the API, then an agent recording a rating the customer gave on a call, from the keyboard, and one
 * arriving from a helpdesk while the case is open.
 */
const app = withWebApp({ people: ['amara', 'grace'], shots: 'satisfaction' });
const { call } = app;

const open = async (externalId: string) =>
  (await call('POST', '/api/v1/cases', newCase({ customer: { externalId, name: externalId } }))).id as string;
const send = async (caseId: string) =>
  (
    await call('POST', `/api/v1/cases/${caseId}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    })
  ).id as string;
const rate = (caseId: string, body: object) => call('POST', `/api/v1/cases/${caseId}/satisfaction`, body);

/** Nothing pushed past the right edge of the window. */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('web app: satisfaction ratings (CSAT) [pglite]', () => {
  it('shows CSAT, CSAT by team and what handoffs cost in satisfaction, or says nothing was rated', async () => {
    // Two cases Finance handled cleanly, one bounced back, one never handed off, one not rated.
    const clean1 = await open('web-csat-m1');
    await send(clean1);
    const clean2 = await open('web-csat-m2');
    await send(clean2);
    const bounced = await open('web-csat-m3');
    const lead = await app.tokenOf('grace', ['lead']);
    await call('POST', `/api/v1/handoffs/${await send(bounced)}/bounce`, { reason: 'missing_context' }, lead);
    const alone = await open('web-csat-m4');
    await send(await open('web-csat-m5'));

    const browser = await app.signedIn('csat-lead', 'grace@northwind.example');
    const { page } = browser;
    await page.goto(`${app.url}/analytics`);
    const tiles = page.getByTestId('analytics-tiles');
    const csatTile = tiles.locator('.an-tile', { has: page.locator('dt', { hasText: /^CSAT$/ }) });
    await csatTile.waitFor();
    expect(await csatTile.locator('dd').textContent()).toBe('—no case rated');
    const byTeam = page.locator('figure', { hasText: 'CSAT by team' });
    const cost = page.locator('figure', { hasText: 'What handoffs cost in satisfaction' });
    for (const figure of [byTeam, cost]) {
      await figure.getByText('No customer rated a case in this period.').waitFor();
      expect(await figure.locator('svg').count()).toBe(0);
    }
    await byTeam.scrollIntoViewIfNeeded();
    await screenshot(page, 'csat-analytics-none-rated');

    await rate(clean1, { rating: 5 });
    await rate(clean2, { rating: 3 });
    await rate(clean2, { rating: 4 }); // the customer's latest rating is their view
    await rate(bounced, { rating: 'bad', source: 'zendesk', externalId: 'web-zr-1' });
    await rate(alone, { rating: 'good' });

    await page.reload();
    await csatTile.waitFor();
    expect(await csatTile.locator('.an-tile-value').textContent()).toBe('75.0 %');
    expect(await csatTile.locator('.an-tile-note').textContent()).toBe('3 satisfied of 4 rated');

    await byTeam.locator('svg.recharts-surface[role=application]').waitFor();
    expect(await byTeam.locator('svg.recharts-surface[role=application]').textContent()).toContain(
      'Not handed off',
    );
    expect(await chartTable(byTeam)).toEqual([
      ['Finance', '3', '66.7 % (2 of 3)'],
      ['Not handed off', '1', '100.0 % (1 of 1)'],
    ]);

    await cost.locator('svg.recharts-surface[role=application]').waitFor();
    expect(await cost.locator('.recharts-legend-wrapper').textContent()).toMatch(/With it.*Without it/);
    const rows = await chartTable(cost);
    expect(rows.map((r) => r[0])).toEqual([
      'Handed off',
      'Bounced back',
      'Context incomplete',
      'Customer explained again',
      'SLA breached',
      'Document asked again',
    ]);
    expect(rows[0]).toEqual(['Handed off', '66.7 % (2 of 3)', '100.0 % (1 of 1)', '−33.3\u00a0pts']);
    expect(rows[1]).toEqual(['Bounced back', '0.0 % (0 of 1)', '100.0 % (3 of 3)', '−100.0\u00a0pts']);
    // No rated case went through it: nothing to compare, and no gap made up.
    expect(rows[4]).toEqual(['SLA breached', 'no data', '75.0 % (3 of 4)', '—']);

    // The journeys: the two clean cases satisfied, the bounced one not; the case never handed off
    // has no journey to judge.
    const journeys = page.locator('figure', { hasText: 'The journeys customers judged' });
    await journeys.locator('svg.recharts-surface[role=application]').waitFor();
    const judged = await chartTable(journeys);
    expect(judged.map((r) => r.slice(0, 2))).toEqual([
      ['Satisfied', '2'],
      ['Not satisfied', '1'],
    ]);
    expect(Number(judged[0]![2])).toBeGreaterThan(Number(judged[1]![2]));

    // The before/after comparison names the figure.
    const csatRow = page.getByTestId('comparison').locator('tbody tr', {
      has: page.locator('th', { hasText: /^CSAT$/ }),
    });
    await csatRow.waitFor();
    expect(await csatRow.locator('td').first().textContent()).toBe('—');
    expect(await csatRow.locator('td').nth(1).textContent()).toBe('75.0 %');

    // What customers said: the unhappy ones first, every rating with the box unticked.
    const said = page.getByTestId('customer-ratings');
    await said.getByTestId('customer-rating').first().waitFor();
    const cells = async () =>
      said
        .getByTestId('customer-rating')
        .evaluateAll((rows) =>
          rows.map((r) =>
            Array.from(r.querySelectorAll('td'), (c) => c.textContent?.trim() ?? '').slice(0, 3),
          ),
        );
    // The 3 stars the customer later raised to 4 are still something they said: marked so.
    expect(await cells()).toEqual([
      ['web-csat-m3Charged twice for October', 'bad · not satisfied', 'Finance'],
      ['web-csat-m2Charged twice for October', '3 of 5 · not satisfied · rated again later', 'Finance'],
    ]);
    await said.getByLabel('Not satisfied only').uncheck();
    await expect.poll(async () => (await cells()).length).toBe(5);
    expect((await cells()).map((r) => r[1])).toEqual([
      'good · satisfied',
      'bad · not satisfied',
      '4 of 5 · satisfied',
      '3 of 5 · not satisfied · rated again later',
      '5 of 5 · satisfied',
    ]);
    await said.scrollIntoViewIfNeeded();
    await screenshot(page, 'csat-analytics-said');

    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'csat-analytics-tiles');
    await byTeam.scrollIntoViewIfNeeded();
    await screenshot(page, 'csat-analytics');
    await csatRow.scrollIntoViewIfNeeded();
    await screenshot(page, 'csat-analytics-compare');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await cost.scrollIntoViewIfNeeded();
    await screenshot(page, 'csat-analytics-narrow');

    // The week's review says the same of the journeys (the ratings were given this week).
    await page.setViewportSize({ width: 1366, height: 900 });
    const week = weekIdOf(Date.now(), 'Europe/London');
    await page.goto(`${app.url}/reviews/${week}`);
    await page
      .getByRole('heading', {
        level: 1,
        name: `Weekly review, week ${Number(week.slice(6))} of ${week.slice(0, 4)}`,
      })
      .waitFor();
    const weekJourneys = page.locator('figure', { hasText: 'The journeys customers judged' });
    await weekJourneys.locator('svg.recharts-surface[role=application]').waitFor();
    expect(await chartTable(weekJourneys)).toEqual(judged);
    await page.locator('figure', { hasText: 'What handoffs cost in satisfaction' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await weekJourneys.scrollIntoViewIfNeeded();
    await screenshot(page, 'csat-weekly-review');
    expect(browser.errors).toEqual([]);
  });

  it('records a rating from the case page with the keyboard, refuses a bad one at its field, and follows a helpdesk live', async () => {
    const caseId = await open('web-csat-1');
    await send(caseId);
    const browser = await app.signedIn('csat-agent', 'amara@northwind.example');
    const { page } = browser;
    await page.goto(`${app.url}/cases/${caseId}`);
    await page.locator('.timeline').waitFor();
    const badge = page.getByTestId('csat-latest');
    expect(await badge.textContent()).toBe('');

    // Opened from the keyboard; the focus lands on the rating, and Escape closes it again.
    const opener = page.getByRole('button', { name: 'Record rating' });
    await opener.press('Enter');
    const dialog = page.getByRole('dialog', { name: "Record the customer's rating" });
    await dialog.waitFor();
    const focused = (l: Locator) => l.evaluate((el) => el === document.activeElement);
    await expect.poll(() => focused(dialog.getByRole('radio', { name: '1 star' }))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => focused(opener)).toBe(true);

    await opener.press('Enter');
    await dialog.waitFor();
    await expect.poll(() => focused(dialog.getByRole('radio', { name: '1 star' }))).toBe(true);
    // Sent without a rating: refused at the rating, where the focus goes back.
    const submit = dialog.getByRole('button', { name: 'Record rating' });
    await submit.press('Enter');
    const ratingError = dialog.locator('#csat-rating-error');
    await ratingError.waitFor();
    expect(await ratingError.textContent()).toContain("Choose the customer's rating");
    expect(await dialog.getByRole('radio', { name: '1 star' }).getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => focused(dialog.getByRole('radio', { name: '1 star' }))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'csat-dialog-refused');

    // Four stars with the arrow keys, then a comment too long for the API: refused at the comment.
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await dialog.getByRole('radio', { name: '4 stars' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(dialog.getByLabel('Comment'))).toBe(true);
    await dialog.getByLabel('Comment').fill('x'.repeat(2001));
    await submit.press('Enter');
    const commentError = dialog.locator('#csat-comment-error');
    await commentError.waitFor();
    expect(await commentError.textContent()).toContain('2,000 characters');
    await expect.poll(() => focused(dialog.getByLabel('Comment'))).toBe(true);
    expect(await ratingError.count()).toBe(0);
    await dialog.getByLabel('Comment').fill('Finance sorted it on the call');
    // Dated tomorrow by mistake: refused at When, where the focus goes; then dated by hand.
    const when = dialog.getByLabel('When');
    const localInput = (ms: number) =>
      page.evaluate((t) => {
        const d = new Date(t);
        const two = (n: number) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
      }, ms);
    await when.fill(await localInput(Date.now() + 86_400_000));
    await submit.press('Enter');
    const whenError = dialog.locator('#csat-at-error');
    await whenError.waitFor();
    expect(await whenError.textContent()).toContain('That is still to come');
    await expect.poll(() => focused(when)).toBe(true);
    // The customer said it on a call an hour ago, before this case was handed to Finance.
    const stated = await localInput(Date.now() - 3_600_000);
    await when.fill(stated);
    await submit.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    const givenAt = await page.evaluate((v) => new Date(v).toISOString(), stated);

    await expect.poll(() => badge.textContent()).toMatch(/^CSAT: 4 of 5 · satisfied rated /);
    const item = page.locator('.timeline-item.ev-satisfaction-rated').last();
    await item.waitFor();
    expect(await item.locator('.timeline-type').textContent()).toBe('Satisfaction rating');
    expect(await item.locator('.timeline-detail').textContent()).toBe(
      'Customer rated 4 of 5 — satisfied · before any handoff · “Finance sorted it on the call” — by Amara Okafor',
    );
    const ratings = await call('GET', `/api/v1/cases/${caseId}/satisfaction`);
    expect(ratings.latest).toMatchObject({ rating: '4', satisfied: true, source: 'baton', ratedAt: givenAt });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'csat-case');

    // A helpdesk's survey answer arrives, then the customer changes it: the page follows, live.
    await rate(caseId, { rating: 'good', source: 'zendesk', externalId: 'web-zr-2' });
    await rate(caseId, { rating: 'bad', comment: 'It came back', source: 'zendesk', externalId: 'web-zr-2' });
    await expect.poll(() => badge.textContent()).toMatch(/^CSAT: bad · not satisfied rated .* in Zendesk$/);
    await expect
      .poll(() => page.locator('.timeline-item.ev-satisfaction-rated .timeline-detail').last().textContent())
      .toMatch(
        /^Customer rated it bad — not satisfied · counted for Finance · changed from good · from Zendesk · “It came back”( — by .+)?$/,
      );

    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'csat-case-narrow');
    await opener.press('Enter');
    await dialog.waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'csat-dialog-narrow');
    await page.keyboard.press('Escape');
    expect(browser.errors).toEqual([]);
  });
});
