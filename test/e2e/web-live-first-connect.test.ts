import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fullPacket, newCase } from '../support/harness.ts';
import { withWebApp } from '../support/web-app.ts';

/**
 * A page opened while the live stream is still connecting misses nothing: pages read what they show
 * once the stream is open, and when it takes longer than the app waits for it, they read again once
 * it connects. The stream is held back in the browser to make the gap wide.
 */
const app = withWebApp({ people: ['priya'], shots: 'live-first-connect' });
const queue = () => `${app.url}/queue?tab=team&team=finance&state=open`;

const holdStream = async (page: Page, ms: number) => {
  await page.unroute('**/api/v1/stream');
  await page.route('**/api/v1/stream', async (route) => {
    await new Promise((r) => setTimeout(r, ms));
    await route.continue();
  });
};
const send = async (subject: string) => {
  const c = await app.call('POST', '/api/v1/cases', newCase({ subject }));
  await app.call('POST', `/api/v1/cases/${c.id}/handoffs`, {
    scenario: 'billing-to-finance',
    packet: fullPacket,
  });
};

describe('web app: the first connection of the live stream [pglite]', () => {
  it('shows a handoff sent while the stream was still connecting', async () => {
    const { page, errors } = await app.signedIn('priya', 'priya@northwind.example');
    await holdStream(page, 1_500);
    await page.goto(queue());
    await page.waitForTimeout(300);
    await send('Sent while the stream connected');
    await page.getByText('Sent while the stream connected').waitFor();
    expect(errors).toEqual([]);
  });

  it('reads again once a stream slower than the wait connects', async () => {
    const { page, errors } = await app.signedIn('priya', 'priya@northwind.example');
    await holdStream(page, 4_000);
    await page.goto(queue());
    // The queue shows after the app's wait (2 s), before the stream is open.
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    expect(await page.locator('.live-text').textContent()).toBe('Connecting…');
    await send('Sent before the slow stream connected');
    await page.getByText('Sent before the slow stream connected').waitFor({ timeout: 8_000 });
    expect(errors).toEqual([]);
  });

  it('reads again once a stream that failed at first connects', async () => {
    const { page } = await app.signedIn('priya', 'priya@northwind.example');
    await page.unroute('**/api/v1/stream');
    let tries = 0;
    await page.route('**/api/v1/stream', (route) => (tries++ === 0 ? route.abort() : route.continue()));
    await page.goto(queue());
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    await send('Sent before the stream came back');
    await page.getByText('Sent before the stream came back').waitFor({ timeout: 8_000 });
    expect(tries).toBeGreaterThan(1);
  });
});
