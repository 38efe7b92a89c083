import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/vocabulary/csv.ts';
import { axeViolations } from '../support/axe.ts';
import { screenshot } from '../support/browser.ts';
import { withWebApp } from '../support/web-app.ts';

/** Settings > Change log: who changed how the organisation is run, by area and by person. */
const app = withWebApp({ people: ['ines', 'grace', 'diana', 'amara'], shots: 'change-log' });
const { call } = app;

describe('web app: the change log [pglite]', () => {
  it('shows a lead’s changes to a calendar, a setting and a mapping in words, filtered by area and person', async () => {
    const grace = await app.tokenOf('grace', ['agent', 'lead']);
    await call(
      'PUT',
      '/api/v1/teams/finance/calendar',
      {
        timezone: 'Europe/London',
        hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['08:00', '16:00']]])),
        holidays: ['2026-12-25', '2026-12-26'],
      },
      grace,
    );
    await call('PUT', '/api/v1/repeat-contacts/settings', { windowDays: 14 }, grace);
    await call(
      'PUT',
      '/api/v1/integrations/group-mappings',
      { source: 'zendesk', group: 'Billing', scenario: 'billing-to-finance' },
      grace,
    );
    await call('PUT', '/api/v1/qa/sampling', { randomPercent: 10 }); // the admin token: nobody

    const browser = await app.signedIn('change-log-lead', 'ines@northwind.example');
    const { page } = browser;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Change log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Change log' }).waitFor();
    const log = page.getByTestId('change-log');
    await log.waitFor();
    const lines = await log.locator('li').allTextContents();
    expect(lines[0]).toContain('An API token changed QA sampling: random sample % 5 → 10');
    expect(lines[1]).toContain(
      'Grace Liu mapped the zendesk Billing group to the scenario Billing to Finance',
    );
    expect(lines[2]).toContain('Grace Liu changed Repeat contact settings: repeat window (days) 7 → 14');
    expect(lines[3]).toContain('Grace Liu changed the calendar of Finance:');
    expect(lines[3]).toContain(
      'Grace Liu changed the calendar of Finance: Monday–Friday 09:00–12:30, 13:15–17:30 → 08:00–16:00; ' +
        'holidays added 2026-12-26, removed 2026-12-28, 2027-01-01',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'change-log');

    // By area: the address keeps the filter, so it can be sent on.
    await page.getByLabel('Area').selectOption('integrations');
    await page.waitForURL(/area=integrations/);
    await expect.poll(() => log.locator('li').count()).toBe(1);
    expect(await log.locator('li').first().getAttribute('data-action')).toBe('mapping.added');

    // By person, with the area: what Grace changed in the policies.
    await page.getByLabel('Area').selectOption('policies');
    await page.getByLabel('Changed by').selectOption({ label: 'Grace Liu' });
    await page.waitForURL(/actor=/);
    await expect
      .poll(() => log.locator('li').allTextContents())
      .toEqual([expect.stringContaining('Grace Liu changed Repeat contact settings')]);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Change log' }).waitFor();
    expect(await page.getByLabel('Changed by').inputValue()).toBe(app.web.org.personIds.get('grace'));
    await expect.poll(() => log.locator('li').count()).toBe(1);

    // The log as it is filtered, saved as a spreadsheet: one row per field changed.
    const saving = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV' }).click();
    const [header, ...rows] = parseCsv(
      readFileSync((await (await saving).path())!, 'utf8').replace(/^\ufeff/, ''),
    );
    expect(header?.slice(4, 8)).toEqual(['action', 'subject', 'subject_name', 'field']);
    expect(rows).toEqual([
      [
        expect.any(String),
        expect.any(String),
        app.web.org.personIds.get('grace'),
        'Grace Liu',
        'settings.changed',
        'repeat-contacts',
        'Repeat contact settings',
        'windowDays',
        '7',
        '14',
      ],
    ]);

    await page.getByLabel('Area').selectOption('people');
    await page.getByText('Nothing matches this filter.').waitFor();

    // By period, in the address and the download too; Clear filters shows everything again.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => log.locator('li').count()).toBeGreaterThan(2);
    await page.getByLabel('From', { exact: true }).fill('2099-01-01');
    await page.waitForURL(/from=2099-01-01/);
    await page.getByText('Nothing matches this filter.').waitFor();
    expect(await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toContain(
      'from=2099-01-01',
    );
    await page.getByLabel('From', { exact: true }).fill('2000-01-01');
    await page.getByLabel('To', { exact: true }).fill('2000-12-31');
    await page.getByText('Nothing matches this filter.').waitFor();
    await page.getByLabel('To', { exact: true }).fill('');
    await expect.poll(() => log.locator('li').count()).toBeGreaterThan(2);
    expect(await axeViolations(page)).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('opens for a supervisor by address, fits a phone, and tells an agent it is not theirs', async () => {
    const supervisor = await app.signedIn('change-log-supervisor', 'diana@northwind.example');
    await supervisor.page.setViewportSize({ width: 390, height: 800 });
    await supervisor.page.goto(`${app.url}/settings/changes`);
    await supervisor.page.getByTestId('change-log').waitFor();
    await screenshot(supervisor.page, 'change-log-phone');
    expect(
      await supervisor.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBeLessThanOrEqual(0);

    const agent = await app.signedIn('change-log-agent', 'amara@northwind.example');
    await agent.page.goto(`${app.url}/settings/changes`);
    await agent.page.getByRole('heading', { name: /The change log is for/ }).waitFor();
    expect(supervisor.errors).toEqual([]);
    expect(agent.errors).toEqual([]);
  });
});
