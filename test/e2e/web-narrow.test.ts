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
    await fitsThePhone(await app.signedIn('narrow-lead', 'grace@northwind.example'), 'lead', [
      ['/cases', 'Cases'],
      [`/cases/${c.id}`, 'Narrow screen: charged twice'],
      ['/queue', null],
      ['/supervisor', null],
      ['/analytics', 'Analytics'],
      ['/reviews', 'Weekly reviews'],
    ]);
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
      ]);
    }, 60_000);
  }
});
