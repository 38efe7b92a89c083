import { describe, expect, it } from 'vitest';
import { basicA11y, screenshot } from '../support/browser.ts';
import { newCase } from '../support/harness.ts';
import { withWebApp } from '../support/web-app.ts';

/**
 * A person sets where their notifications go, from the account menu or the bell: Slack and e-mail
 * per kind beside the inbox, their Slack address and e-mail, and quiet hours; a refused address is
 * named beside its field and nothing is saved.
 */
const app = withWebApp({ people: ['amara', 'grace'], shots: 'notification-settings' });
const { call, tokenOf } = app;

describe('web app: notification settings [pglite]', () => {
  it('chooses channels per kind, a Slack address and quiet hours, and reads them back', async () => {
    app.web.runtime.services.config.webhookAllowPrivate = true;
    const amara = await tokenOf('amara', ['agent']);
    const { page, errors } = await app.signedIn('amara', 'amara@northwind.example');
    await page.goto(`${app.url}/cases`);
    await page.getByTestId('current-person').click();
    await page.getByRole('button', { name: 'Notification settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Notification settings' });
    const box = (name: string) => dialog.getByRole('checkbox', { name, exact: true });
    const weekday = (ms: number) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short' }).format(ms);
    const quietOff = new Set([weekday(Date.now()), weekday(Date.now() - 86_400_000)]);
    // Without a mail server, e-mail cannot be chosen, and the dialog says why.
    await dialog.getByTestId('email-off').waitFor();
    expect(await box('Mentions by e-mail').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    app.web.runtime.services.config.smtpUrl = 'smtp://127.0.0.1:9';
    const before = await call('GET', '/api/v1/notifications/preferences', undefined, amara);
    expect(before).toMatchObject({ emailOn: true, lastSends: { slack: null, email: null } });
    await page.getByTestId('current-person').click();
    await page.getByRole('button', { name: 'Notification settings' }).click();
    // The defaults as they apply: mentions by Slack, not by e-mail.
    await box('Mentions by Slack').waitFor();
    expect(await box('Mentions by e-mail').isDisabled()).toBe(false);
    expect(await box('Mentions by Slack').isChecked()).toBe(true);
    expect(await box('Mentions by e-mail').isChecked()).toBe(false);
    await dialog.getByTestId('slack-missing').waitFor();

    await box('Mentions by Slack').uncheck();
    await box('Mentions by e-mail').check();
    // A refused address: said beside the field, nothing saved.
    await dialog.getByLabel('Your Slack incoming webhook').fill('ftp://files.example.com/slack');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Must be an http(s) URL.').waitFor();
    // The field at fault has the focus, and its message is read with it.
    const slackField = dialog.getByLabel('Your Slack incoming webhook');
    await expect.poll(() => slackField.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await slackField.getAttribute('aria-invalid')).toBe('true');
    expect(await slackField.getAttribute('aria-describedby')).toBe('ns-slack-error');
    expect(await call('GET', '/api/v1/notifications/preferences', undefined, amara)).toEqual(before);

    await dialog.getByLabel('Your Slack incoming webhook').fill('http://127.0.0.1:9/amara');
    expect(await dialog.getByText('Must be an http(s) URL.').count()).toBe(0);
    expect(await dialog.getByTestId('slack-missing').count()).toBe(0);
    await dialog.getByRole('checkbox', { name: /Only the bell in these hours/ }).check();
    await dialog.getByLabel('From', { exact: true }).fill('22:00');
    await dialog.getByLabel('To', { exact: true }).fill('07:00');
    await dialog.getByText('Overnight: from 22:00 until 07:00 the next morning.').waitFor();
    await box('Sat').uncheck();
    await box('Sun').uncheck();
    // The quiet hours must not hold back the e-mail tried below, whatever the hour this runs at: they
    // are left off today and yesterday (whose night runs into this morning) in Amara's zone.
    for (const day of quietOff) await box(day).uncheck();
    expect(await basicA11y(page)).toEqual([]);
    await screenshot(page, 'notification-settings');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByRole('status').getByText('Saved.').waitFor();
    // Send test: the saved address is tried now, and the answer is said beside it.
    const slackTest = dialog.getByRole('button', { name: 'Send a test Slack message' });
    await slackTest.click();
    await expect
      // The Slack address comes first in the dialog, its test with it.
      .poll(() => dialog.getByTestId('test-send').first().textContent())
      .toBe('Test failed bad port');
    // A changed address is saved before it can be tested.
    await dialog.getByLabel('Your Slack incoming webhook').fill('http://127.0.0.1:9/other');
    expect(await slackTest.isDisabled()).toBe(true);
    await dialog.getByLabel('Your Slack incoming webhook').fill('http://127.0.0.1:9/amara');
    expect(await slackTest.isDisabled()).toBe(false);

    const after = await call('GET', '/api/v1/notifications/preferences', undefined, amara);
    expect(after.channels.mention).toEqual(['in_app', 'email']);
    expect(after.channels.page).toEqual(before.channels.page);
    expect(after.slackUrl).toBe('http://127.0.0.1:9/amara');
    // The sign-in address stays the one e-mail follows, not saved as an address of its own.
    expect(after.email).toBe('amara@northwind.example');
    expect(after.quietHours).toEqual({
      start: '22:00',
      end: '07:00',
      days: ['mon', 'tue', 'wed', 'thu', 'fri'].filter(
        (d) => !quietOff.has(d.charAt(0).toUpperCase() + d.slice(1)),
      ),
    });

    // Grace mentions Amara: the e-mail she now wants fails (no mail server listens there), and the
    // dialog says so beside her address.
    const kase = await call('POST', '/api/v1/cases', newCase({ subject: 'Settings run: a mention' }));
    const grace = await tokenOf('grace', ['agent', 'lead']);
    await call(
      'POST',
      `/api/v1/cases/${kase.id}/messages`,
      { role: 'internal', text: '@amara a look?' },
      grace,
    );
    await expect
      .poll(
        async () =>
          (await call('GET', '/api/v1/notifications/preferences', undefined, amara)).lastSends.email?.state,
        { timeout: 10_000 },
      )
      .toBe('retrying');
    // Escape closes; the bell's Settings opens it again with what was saved.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.inbox-button').click();
    await page
      .getByRole('dialog', { name: 'Notifications' })
      .getByRole('button', { name: 'Settings', exact: true })
      .click();
    await box('Mentions by e-mail').waitFor();
    expect(await box('Mentions by e-mail').isChecked()).toBe(true);
    expect(await box('Mentions by Slack').isChecked()).toBe(false);
    expect(await dialog.getByLabel('From', { exact: true }).inputValue()).toBe('22:00');
    expect(await box('Sat').isChecked()).toBe(false);
    expect(await dialog.getByTestId('last-send-email').textContent()).toMatch(
      /^Last e-mail is being retried: .*ECONNREFUSED.*\.$/,
    );
    await screenshot(page, 'notification-settings-last-send');
    expect(errors).toEqual([]);
  }, 90_000);
});
