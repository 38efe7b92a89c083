import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDemoCases } from '../../src/demo/cases.ts';
import { handoffExportHeader } from '../../src/exports/handoffs-export.ts';
import { parseCsv } from '../../src/vocabulary/csv.ts';
import { axeViolations } from '../support/axe.ts';
import { screenshot } from '../support/browser.ts';
import { type Browser, withWebApp } from '../support/web-app.ts';

/**
 * The analytics page, the weekly review page and the audit's HTML report in a real Chromium, over
 * the demo organisation's history: a Finance lead narrows the figures by team from the keyboard,
 * reads a chart's numbers as a table, compares two periods, and opens last week's review.
 */
const repo = fileURLToPath(new URL('../../', import.meta.url));
const sample = join(repo, '../shared/data/servicenow/incident-events.csv');
let browser: Browser;
const out = mkdtempSync(join(tmpdir(), 'baton-web-analytics-'));

/** The ISO week before the one holding now, as the review page's default offers it. */
function lastWeekId(): string {
  const d = new Date(new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10));
  const thursday = d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * 86_400_000;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const app = withWebApp({
  people: ['grace'],
  shots: 'analytics',
  async ready({ web, database, signedIn }) {
    await loadDemoCases(database.db, web.org, new Date());
    browser = await signedIn('analytics-lead', 'grace@northwind.example');
  },
  setupTimeoutMs: 240_000,
});

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

describe('analytics in the browser', () => {
  it('shows the figures of the demo history as charts with tables, narrowed by team from the keyboard', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Analytics' }).click();
    await page.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();
    const tiles = page.getByTestId('analytics-tiles');
    await tiles.waitFor();
    const handoffs = Number(
      (
        await tiles.locator('.an-tile', { hasText: 'Handoffs sent' }).locator('.an-tile-value').textContent()
      )?.replace(/\D/g, ''),
    );
    expect(handoffs).toBeGreaterThan(0);
    // Documents asked again: the requests and the cases they were on, both counted (4 requests on 2
    // cases once read as "4 · on 4.1 % of cases").
    expect(await tiles.locator('.an-tile', { hasText: 'Documents asked for again' }).innerText()).toMatch(
      /requests?, on \d+ cases? \(\d+(\.\d)? ?% of cases\)/,
    );
    // Four charts of the period and the weekly trend, each drawn as an SVG.
    await page.getByRole('heading', { name: 'Handoff quality over the weeks' }).waitFor();
    expect(await page.locator('.an-chart svg.recharts-surface').count()).toBeGreaterThanOrEqual(5);

    // Each chart's numbers are a table behind a disclosure: open the pickup one with the keyboard.
    const pickup = page.locator('figure', { hasText: 'Time to pick up per route' });
    await pickup.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => pickup.locator('table tbody tr').count()).toBeGreaterThan(0);
    expect(await pickup.locator('table th[scope=col]').first().textContent()).toBe('Route');
    // Routes in the organisation's team names ("Support → Tier 2"), not the API's keys ("support → tier2").
    const routes = await pickup.locator('table tbody tr td:first-child, table tbody tr th').allTextContents();
    expect(routes.length).toBeGreaterThan(0);
    // A handoff inside one team (voice to chat within Support) reads "Within Support".
    for (const route of routes) expect(route).toMatch(/^([A-Z][^→]* → [A-Z]|Within [A-Z])/);
    expect(routes.join(' ')).not.toMatch(/Support → Support/);
    expect(routes.join(' ')).not.toMatch(/\btier2\b|→ finance/);

    // The before/after comparison answers with a verdict per figure.
    const comparison = page.getByTestId('comparison');
    await comparison.waitFor();
    expect(await comparison.locator('tbody tr').count()).toBeGreaterThanOrEqual(10);
    expect(await comparison.locator('tbody').textContent()).toMatch(
      /no clear change|not enough data|improved|worsened/,
    );
    // Periods are picked as days; a period without a case says so rather than "not enough data" alone.
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    await page.getByLabel('Before: from').fill(day(Date.now() - 400 * 86_400_000));
    await page.getByLabel('Before: to').fill(day(Date.now() - 380 * 86_400_000));
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByRole('note').filter({ hasText: 'The before period has no case' }).waitFor();
    await page.getByLabel('Before: from').fill(day(Date.now() - 29 * 86_400_000));
    await page.getByLabel('Before: to').fill(day(Date.now() - 15 * 86_400_000));
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByRole('note').filter({ hasText: 'has no case' }).waitFor({ state: 'detached' });
    expect(
      await page
        .locator('section', { hasText: 'Before and after' })
        .getByText(/^Before: \d+ cases?/)
        .textContent(),
    ).not.toMatch(/^Before: 0 cases/);

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'analytics');

    // Narrow to Finance from the keyboard: the figures are asked for again with the team.
    const asked = page.waitForRequest(
      (r) => r.url().includes('/api/v1/analytics/metrics') && r.url().includes('team=finance'),
    );
    await page.getByLabel('Team', { exact: true }).focus();
    await page.getByLabel('Team', { exact: true }).selectOption('finance');
    await asked;
    await expect
      .poll(async () => page.locator('figure', { hasText: 'Bounces and ping-pong' }).textContent())
      .toContain('Finance');

    // The handoffs of the period and team, saved as a spreadsheet.
    const saving = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export handoffs (CSV)' }).click();
    const download = await saving;
    expect(download.suggestedFilename()).toMatch(
      /^baton-handoffs-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const [header, ...rows] = parseCsv(readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, ''));
    expect(header).toEqual([...handoffExportHeader]);
    expect(rows.length).toBeGreaterThan(0);
    const toTeam = header!.indexOf('to_team');
    expect(new Set(rows.map((r) => r[toTeam]))).toEqual(new Set(['finance']));
    expect(browser.errors).toEqual([]);
  });

  it('opens last week’s review from the list of reviews', async () => {
    const { page } = browser;
    const week = lastWeekId();
    await page.getByRole('link', { name: 'Weekly reviews' }).click();
    await page.getByRole('heading', { level: 1, name: 'Weekly reviews' }).waitFor();
    // A lead names where each stored review is sent.
    await page.getByLabel('E-mail addresses').fill('grace@northwind.example, mateo@northwind.example');
    await page.getByRole('button', { name: 'Save recipients' }).click();
    await page.getByText('Saved: the next stored review goes there.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const delivery = await app.call('GET', '/api/v1/analytics/review-delivery');
    expect(delivery.emails).toEqual(['grace@northwind.example', 'mateo@northwind.example']);
    await page.getByLabel('ISO week').fill(week);
    await page.getByLabel('ISO week').press('Enter');
    await page
      .getByRole('heading', {
        level: 1,
        name: `Weekly review, week ${Number(week.slice(6))} of ${week.slice(0, 4)}`,
      })
      .waitFor();
    // Days, scenarios and teams in words, as the meeting reads them: no ISO dates, ids or keys.
    const period = await page.getByTestId('review-period').textContent();
    expect(period).toMatch(
      /^\w{3} \d{1,2}, \d{4} to \w{3} \d{1,2}, \d{4} \(|^\d{1,2} \w{3} \d{4} to \d{1,2} \w{3} \d{4} \(/,
    );
    expect(period).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const calibration = page.locator('section', { hasText: 'SLA calibration' });
    expect(await calibration.textContent()).not.toMatch(/\b[a-z0-9]+-to-[a-z0-9]+\b/);
    const headline = page.locator('section', { hasText: 'This week against the week before' });
    // Eleven handoff figures and CSAT.
    expect(await headline.locator('tbody tr').count()).toBe(12);
    await headline.locator('tbody tr th', { hasText: 'Customer satisfaction (CSAT)' }).waitFor();
    await page.getByRole('heading', { name: 'SLA calibration' }).waitFor();
    await page.getByRole('heading', { name: 'Cases to discuss' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'weekly-review');
    await page.getByRole('heading', { name: 'Cases to discuss' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'weekly-review-cases');
    expect(browser.errors).toEqual([]);
  });

  it('renders the HTML report of `baton audit` on the ServiceNow sample', async () => {
    const html = join(out, 'audit.html');
    await promisify(execFile)(process.execPath, [
      join(repo, 'bin/baton.js'),
      'audit',
      '--in',
      sample,
      '--format',
      'servicenow',
      '--json',
      join(out, 'audit.json'),
      '--html',
      html,
    ]);
    const { page } = browser;
    await page.goto(pathToFileURL(html).href);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.locator('svg').count()).toBeGreaterThan(0);
    expect(await page.locator('body').textContent()).toContain('handoff');
    await screenshot(page, 'audit-report');
  }, 60_000);
});
