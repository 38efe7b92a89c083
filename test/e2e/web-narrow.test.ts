import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { fullPacket, newCase } from '../support/harness.ts';
import { withWebApp } from '../support/web-app.ts';

/** On a phone (390 px wide) the pages fit the screen: nothing is pushed past its right edge. */
const app = withWebApp({ people: ['grace'], shots: 'narrow' });
const { call } = app;

describe('web app on a narrow screen [pglite]', () => {
  it('keeps the header, the case list, a case, the queue and the board within the screen', async () => {
    const c = await call('POST', '/api/v1/cases', newCase({ subject: 'Narrow screen: charged twice' }));
    await call('POST', `/api/v1/cases/${c.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    const browser = await app.signedIn('narrow-lead', 'grace@northwind.example');
    const { page } = browser;
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    for (const [path, heading] of [
      ['/cases', 'Cases'],
      [`/cases/${c.id}`, 'Narrow screen: charged twice'],
      ['/queue', null],
      ['/supervisor', null],
      ['/analytics', 'Analytics'],
    ] as const) {
      await page.goto(`${app.url}${path}`);
      if (heading) await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      else await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForTimeout(300);
      await screenshot(page, `narrow${path.replace(/\W+/g, '-')}`);
      expect(await overflow(), path).toBeLessThanOrEqual(0);
      // The way out stays reachable.
      expect(await page.getByRole('button', { name: 'Sign out' }).isVisible(), path).toBe(true);
    }
    expect(browser.errors).toEqual([]);
  });
});
