import { afterAll, describe, expect, it } from 'vitest';
import { deliverNotifications, maxNotificationAttempts } from '../../src/notifications/delivery.jobs.ts';
import { basicA11y, screenshot } from '../support/browser.ts';
import { newCase } from '../support/harness.ts';
import { type SlackReceiver, startSlackReceiver } from '../support/slack-receiver.ts';
import { withWebApp } from '../support/web-app.ts';

/**
 * In a real Chromium: an admin reads how the organisation's Slack and e-mail sends stand, finds the
 * one given up with the receiver's answer, and tries it again once the channel is fixed; the team's
 * card says how its channel's last post went, and its lead reads the team's sends from there.
 */
let slack: SlackReceiver;
let base = '';
let down = true;
const paths = () => slack.posts.map((p) => p.path);

const app = withWebApp({
  people: ['ines', 'grace', 'lucas'],
  shots: 'notification-sends',
  async ready({ web }) {
    web.runtime.services.config.webhookAllowPrivate = true;
    slack = await startSlackReceiver();
    slack.refuse = (path) => ((down && path === '/finance') || path === '/broken' ? 500 : null);
    base = slack.base;
  },
});
const { call } = app;

afterAll(() => slack?.close());

describe('notification sends [pglite]', () => {
  it('shows an admin the send given up, with why, and tries it again once fixed', async () => {
    await call('PUT', '/api/v1/notifications/teams/finance', { slackUrl: `${base}/finance` });
    const lucas = await app.tokenOf('lucas', ['agent']);
    await call('PUT', '/api/v1/notifications/preferences', { slackUrl: `${base}/lucas` }, lucas);
    const c = await call('POST', '/api/v1/cases', newCase({ subject: 'Refund stuck at the bank' }));
    await call(
      'POST',
      `/api/v1/cases/${c.id}/messages`,
      { role: 'internal', text: '@finance @lucas the refund is stuck, who can look?' },
      await app.tokenOf('amara', ['agent']),
    );
    // The scheduler delivers Lucas's; Finance's channel answers 500 until its every try is spent.
    await expect.poll(() => paths().length, { timeout: 10_000 }).toBe(1);
    const services = app.web.runtime.services;
    let later = Date.now();
    for (let i = 0; i < maxNotificationAttempts + 1; i++) {
      later += 3_600_000;
      await deliverNotifications({ ...services, clock: () => new Date(later) });
    }
    const [given] = (await call('GET', '/api/v1/notifications/sends?state=failed')).items;
    expect(given).toMatchObject({ to: { type: 'team', team: 'finance' }, lastError: 'HTTP 500' });

    const { page, errors } = await app.signedIn('sends-admin', 'ines@northwind.example');
    await page.goto(`${app.url}/settings/integrations`);
    const section = page.getByRole('region', { name: 'Slack and e-mail notifications' });
    await expect
      .poll(() => section.getByTestId('send-counts').textContent())
      .toBe('1 delivered in 24 h · nothing waiting · 1 given up in the last 30 days');
    // It opens on what was given up: Finance's channel, the answer, the tries.
    const rows = section.getByTestId('send-row');
    await expect.poll(() => rows.count()).toBe(1);
    const row = await rows.textContent();
    expect(row).toContain('Finance’s channel');
    expect(row).toContain('HTTP 500');
    expect(row).toContain('Given up');
    expect(row).toContain(String(maxNotificationAttempts));
    expect(row).not.toContain('/finance'); // the address is a credential: only its last characters
    expect(await basicA11y(page)).toEqual([]);
    await screenshot(page, 'notification-sends-given-up');

    // Every send, by keyboard: the filter is a group of radios.
    await section.getByRole('radio', { name: 'Given up' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await section.getByRole('radio', { name: 'All' }).isChecked()).toBe(true);
    await expect.poll(() => rows.count()).toBe(2);
    expect(await section.locator('[data-state="delivered"]').textContent()).toContain('Lucas Meyer');

    down = false;
    await section.getByRole('button', { name: `Try #${given.seq} again` }).click();
    await section.getByTestId('send-queued').waitFor();
    await expect.poll(() => paths().includes('/finance'), { timeout: 10_000 }).toBe(true);
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Refresh', exact: true }).click();
          return section.locator('[data-state="delivered"]').count();
        },
        { timeout: 10_000 },
      )
      .toBe(2);
    expect(errors).toEqual([]);
  }, 90_000);

  it("tells the lead in the bell, and shows how the channel's last post went on the team's card", async () => {
    const { page, errors } = await app.signedIn('sends-lead', 'grace@northwind.example');
    await page.goto(`${app.url}/cases`);
    await page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
    const bell = page.getByRole('dialog', { name: 'Notifications' });
    await bell
      .getByRole('button', { name: /Finance’s Slack channel is not receiving Baton’s posts/ })
      .click();
    await page.waitForURL(/\/people\?view=teams$/);
    const finance = page.locator('article[data-team="finance"]');
    await expect
      .poll(() => finance.getByTestId('last-send-slack').textContent(), { timeout: 10_000 })
      .toMatch(/^Last Slack message delivered/);

    // From the card to the team's sends: its channel's posts and its members', nobody else's.
    await finance.getByRole('link', { name: 'Finance’s Slack and e-mail sends' }).click();
    await page.waitForURL(/\/settings\/integrations\?sendsFor=team%3Afinance&sends=all#notification-sends$/);
    const section = page.getByRole('region', { name: 'Slack and e-mail notifications' });
    const whose = section.getByLabel('For', { exact: true });
    expect(await whose.inputValue()).toBe('team:finance');
    const rows = section.getByTestId('send-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.textContent()).toContain('Finance’s channel');
    expect(await section.getByRole('radio', { name: 'All' }).isChecked()).toBe(true);
    await expect
      .poll(() => section.getByTestId('send-counts').textContent())
      .toBe('1 delivered in 24 h · nothing waiting');
    // "I never got the Slack message": one person's sends.
    await whose.selectOption({ label: 'Lucas Meyer' });
    await page.waitForURL(/sendsFor=person%3A/);
    await expect.poll(() => rows.first().textContent()).toContain('Lucas Meyer');
    expect(await rows.count()).toBe(1);
    expect(await basicA11y(page)).toEqual([]);
    await screenshot(page, 'notification-sends-lead-person');
    expect(errors).toEqual([]);
  }, 60_000);

  it('opens a person’s notification settings from the notice that their Slack fails', async () => {
    const lucas = await app.tokenOf('lucas', ['agent']);
    await call('PUT', '/api/v1/notifications/preferences', { slackUrl: `${base}/broken` }, lucas);
    const c = await call('POST', '/api/v1/cases', newCase({ subject: 'Boiler still cold' }));
    await call(
      'POST',
      `/api/v1/cases/${c.id}/messages`,
      { role: 'internal', text: '@lucas can you call them back?' },
      await app.tokenOf('amara', ['agent']),
    );
    const services = app.web.runtime.services;
    let later = Date.now();
    for (let i = 0; i < maxNotificationAttempts + 1; i++) {
      later += 600_000;
      await deliverNotifications({ ...services, clock: () => new Date(later) });
    }
    const { page, errors } = await app.signedIn('sends-person', 'lucas@northwind.example');
    await page.goto(`${app.url}/cases`);
    await page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
    await page
      .getByRole('dialog', { name: 'Notifications' })
      .getByRole('button', { name: /Your Slack messages from Baton are not getting through/ })
      .click();
    const settings = page.getByRole('dialog', { name: 'Notification settings' });
    await expect
      .poll(() => settings.getByLabel('Your Slack incoming webhook').inputValue())
      .toBe(`${base}/broken`);
    expect(await settings.getByTestId('last-send-slack').textContent()).toMatch(
      /failed after 10 tries: HTTP 500/,
    );
    // His own last sends, by keyboard: the one given up, with the receiver's answer, and no Try again.
    const summary = settings.getByText('Your last 10 Slack and e-mail sends');
    await summary.focus();
    await page.keyboard.press('Enter');
    const given = settings.locator('[data-testid="send-row"][data-state="failed"]');
    await given.first().waitFor();
    expect(await given.first().textContent()).toContain('HTTP 500');
    expect(await settings.getByRole('button', { name: /^Try #\d+ again$/ }).count()).toBe(0);
    expect(await basicA11y(page)).toEqual([]);
    await screenshot(page, 'notification-settings-own-sends');
    expect(errors).toEqual([]);
  }, 60_000);
});
