import { describe, expect, it } from 'vitest';
import { putNotice } from '../../src/notifications/notice.commands.ts';
import { basicA11y, screenshot } from '../support/browser.ts';
import { newCase } from '../support/harness.ts';
import { withWebApp } from '../support/web-app.ts';

/**
 * The inbox in the header: a mention reaches the person live, and opening it marks it read; a
 * notice of Baton's own (no case event with it) arrives live too, and a read elsewhere lowers the count.
 */
const app = withWebApp({ people: ['amara', 'grace'], shots: 'inbox' });
const { call, tokenOf } = app;

describe('web app: the inbox [pglite]', () => {
  it('counts a new mention live, lists it, and opens the case at it, marking it read', async () => {
    const created = await call('POST', '/api/v1/cases', newCase({ subject: 'Inbox run: refund overdue' }));
    const browser = await app.signedIn('inbox-grace', 'grace@northwind.example');
    const { page } = browser;
    await page.goto(`${app.url}/cases`);
    const bell = page.locator('.inbox-button');
    await bell.waitFor();
    const before = Number(
      (await bell.locator('.inbox-count').count()) ? await bell.locator('.inbox-count').textContent() : 0,
    );

    // Amara mentions Grace in the case room; Grace's count rises without a reload.
    const amara = await tokenOf('amara', ['agent']);
    await call(
      'POST',
      `/api/v1/cases/${created.id}/messages`,
      { role: 'internal', text: '@grace can you approve this refund today?' },
      amara,
    );
    await page
      .getByRole('button', { name: `Notifications, ${before + 1} unread` })
      .waitFor({ timeout: 10_000 });
    await bell.click();
    const dialog = page.getByRole('dialog', { name: 'Notifications' });
    const item = dialog.locator('.inbox-item', { hasText: 'can you approve this refund today' });
    await item.waitFor();
    expect(await item.getAttribute('class')).toContain('inbox-unread');
    expect(await basicA11y(page)).toEqual([]);
    await screenshot(page, 'inbox');

    await item.click();
    await page.getByRole('heading', { level: 1, name: 'Inbox run: refund overdue' }).waitFor();
    const grace = await tokenOf('grace', ['agent', 'lead']);
    const inbox = await call('GET', '/api/v1/notifications', undefined, grace);
    const mention = inbox.items.find((n: { body: string }) => n.body.includes('approve this refund'));
    expect(mention.readAt).not.toBeNull();
    expect(inbox.unread).toBe(before);
    await page
      .getByRole('button', {
        name: before ? `Notifications, ${before} unread` : 'Notifications',
        exact: true,
      })
      .waitFor();

    // Mark all read empties the count.
    if (before) {
      await bell.click();
      await dialog.getByRole('button', { name: 'Mark all read' }).click();
      await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    }
    expect(browser.errors).toEqual([]);
  });

  it("shows Baton's own notice at once, with no case event, and follows a read in another tab", async () => {
    const browser = await app.signedIn('inbox-grace-notice', 'grace@northwind.example');
    const { page } = browser;
    await page.goto(`${app.url}/cases`);
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    await page.locator('.live-on').waitFor();
    const { web } = app;
    const told = await putNotice(
      web.runtime.services.database.db,
      [web.org.personIds.get('grace')!],
      {
        orgId: web.org.orgId,
        kind: 'send_failed',
        eventId: 'web-inbox-notice',
        title: 'Finance’s Slack channel is not receiving Baton’s posts',
        body: 'A post was given up after 10 tries: HTTP 404.',
        link: '/people?view=teams',
      },
      new Date(),
    );
    expect(told).toBe(1);
    await page.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor({ timeout: 10_000 });
    // Read in another tab (here, by the API): this one's count follows.
    const grace = await tokenOf('grace', ['agent', 'lead']);
    expect((await call('POST', '/api/v1/notifications/read-all', undefined, grace)).marked).toBe(1);
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor({ timeout: 10_000 });
    expect(browser.errors).toEqual([]);
  });
});
