import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { fullPacket, newCase } from '../support/harness.ts';
import { type Browser, withWebApp } from '../support/web-app.ts';

/** On a phone (390 px wide) the pages fit the screen: nothing is pushed past its right edge. */
const app = withWebApp({ people: ['grace', 'ines'], shots: 'narrow' });
const { call } = app;

/** Each page at 390 px: its heading shown, no sideways scroll, the way out in reach. */
async function fitsThePhone(
  browser: Browser,
  who: string,
  pages: readonly (readonly [string, string | null])[],
) {
  const { page } = browser;
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  for (const [path, heading] of pages) {
    await page.goto(`${app.url}${path}`);
    if (heading) await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    else await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, `narrow-${who}${path.replace(/\W+/g, '-')}`);
    expect(await overflow(), `${who} ${path}`).toBeLessThanOrEqual(0);
    // The way out stays reachable.
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible(), `${who} ${path}`).toBe(true);
  }
  expect(browser.errors).toEqual([]);
}

describe('web app on a narrow screen [pglite]', () => {
  it('keeps the header, the case list, a case, the queue and the board within the screen', async () => {
    const c = await call('POST', '/api/v1/cases', newCase({ subject: 'Narrow screen: charged twice' }));
    await call('POST', `/api/v1/cases/${c.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    const lead = await app.signedIn('narrow-lead', 'grace@northwind.example');
    await fitsThePhone(lead, 'lead', [
      ['/cases', 'Cases'],
      [`/cases/${c.id}`, 'Narrow screen: charged twice'],
      ['/queue', null],
      ['/supervisor', null],
      ['/analytics', 'Analytics'],
      ['/reviews', 'Weekly reviews'],
    ]);
    // The case list stacks each case: where it is now is on the screen, not in a column past its edge.
    await lead.page.goto(`${app.url}/cases`);
    const withCell = lead.page.locator('.cases-table td[data-label="With"]').first();
    await withCell.getByText('Finance').waitFor();
    const box = (await withCell.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    // A case's timeline gives each event's detail the width of the screen (it was squeezed to about
    // 10 px beside the time and the event's name).
    await lead.page.goto(`${app.url}/cases/${c.id}`);
    const detail = lead.page.locator('.timeline-item .timeline-detail', { hasText: 'to Finance' }).first();
    await detail.waitFor();
    expect((await detail.boundingBox())!.width).toBeGreaterThan(250);
    // In the queue, a tapped row brings its preview, with its actions, onto the screen.
    await lead.page.goto(`${app.url}/queue?tab=team`);
    const row = lead.page.locator('.vrow').first();
    await row.waitFor();
    await row.click();
    const preview = lead.page.getByRole('region', { name: 'Selected handoff' });
    await preview.getByRole('button').first().waitFor();
    await lead.page.waitForTimeout(200);
    const top = (await preview.boundingBox())!.y;
    expect(top).toBeGreaterThan(-2);
    expect(top).toBeLessThan(844 / 2);
  });

  // The settings tables hide their "Actions" header visually; it once sat where its column was and
  // widened the page by 179 px on /settings/customers. An admin sees the most (tokens, retention).
  for (const [who, email, role] of [
    ['lead', 'grace@northwind.example', 'a lead'],
    ['admin', 'ines@northwind.example', 'an admin'],
  ] as const) {
    it(`keeps settings and people within the screen for ${role}`, async () => {
      await fitsThePhone(await app.signedIn(`narrow-settings-${who}`, email), who, [
        ['/settings', 'Settings'],
        ['/settings/customers', 'Customer continuity'],
        ['/settings/integrations', 'Integrations'],
        ['/settings/vocabulary', 'Vocabulary'],
        ['/settings/changes', 'Change log'],
        ['/people', 'People and teams'],
        // The audit's format choice (its longest option) and the QA tabs a lead sees (the most).
        ['/audit', null],
        ['/qa', null],
        ...(who === 'admin' ? ([['/settings/security', 'Sign-in security']] as const) : []),
      ]);
    }, 60_000);
  }

  // An admin's header holds the most (7 places and the account): at 1280 px it once pushed every
  // page 5 px past the window's edge, at 1000 px 83 px. The places now scroll inside the header.
  it('keeps the header of an admin within a desktop window, its current place in sight', async () => {
    const { page, errors } = await app.signedIn('desktop-admin', 'ines@northwind.example');
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    // How far the current place sits past the navigation's visible edges, in px (0: wholly in sight).
    const currentOutOfSight = () =>
      page.evaluate(() => {
        const nav = document.querySelector('.mainnav')?.getBoundingClientRect();
        const current = document.querySelector('.mainnav [aria-current="page"]')?.getBoundingClientRect();
        if (!nav || !current) return -1;
        return Math.max(0, nav.left - current.left, current.right - nav.right);
      });
    for (const width of [1000, 1280, 1366]) {
      await page.setViewportSize({ width, height: 800 });
      for (const [path, heading] of [
        ['/cases', 'Cases'],
        ['/settings/security', 'Sign-in security'],
        ['/people', 'People and teams'],
      ] as const) {
        await page.goto(`${app.url}${path}`);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await page.waitForTimeout(200);
        await screenshot(page, `desktop-admin-${width}${path.replace(/\W+/g, '-')}`);
        expect(await overflow(), `${width} px ${path}`).toBeLessThanOrEqual(0);
        expect(await currentOutOfSight(), `${width} px ${path}`).toBeLessThan(1);
        expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
      }
    }
    expect(errors).toEqual([]);
  }, 60_000);
});
