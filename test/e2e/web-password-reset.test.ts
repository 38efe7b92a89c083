import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { screenshot } from '../support/browser.ts';
import { startMailCatcher } from '../support/mail-catcher.ts';
import { withWebApp } from '../support/web-app.ts';

/**
 * A forgotten password in a real Chromium: signed out, a person asks for a link from the sign-in
 * page, opens the e-mailed link, sets a new password (twice, the same), and signs in with it; the
 * link then no longer works. Without e-mail, the sign-in page sends people to an admin instead.
 */
const app = withWebApp({ people: ['amara', 'ines'], shots: 'reset' });
let catcher: Awaited<ReturnType<typeof startMailCatcher>>;

beforeAll(async () => {
  catcher = await startMailCatcher();
  const { config } = app.web.runtime.services;
  config.smtpUrl = catcher.url;
  // The link in the e-mail opens this Baton, in the test's browser.
  config.publicUrl = app.url;
});
afterAll(async () => {
  // Before the catcher goes: nothing is sent to it any more.
  app.web.runtime.services.config.smtpUrl = undefined;
  await catcher?.close();
});

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** The reset link in the e-mail sent to `to` (its body may be quoted-printable). */
async function resetLinkMailedTo(to: string): Promise<string> {
  const mailTo = () =>
    catcher.mails.find((m) => m.to.includes(to) && /Set a new Baton password/.test(m.data));
  await expect.poll(mailTo, { timeout: 5_000 }).toBeTruthy();
  const body = mailTo()!
    .data.replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  const link = body.match(/http:\/\/127\.0\.0\.1:\d+\/reset-password\?token=[\w%-]+/)?.[0];
  expect(link, body).toBeDefined();
  expect(link!.startsWith(`${app.url}/reset-password?token=rst_`)).toBe(true);
  return link!;
}

/** Signs in through the API, in-process: whether that password works now. */
async function passwordWorks(email: string, password: string) {
  const res = await app.web.runtime.app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return res.status === 200;
}

describe('web app: resetting a forgotten password [pglite]', () => {
  it('e-mails a link from the sign-in page, sets a new password with it, then refuses it', async () => {
    const { page, errors } = await app.browser('reset');
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await page.getByLabel('Work email').fill('amara@northwind.example');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reset-signin');

    // The reset form takes the address typed so far; Escape goes back to sign in.
    await page.getByRole('button', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password', level: 1 }).waitFor();
    expect(await page.getByLabel('Work email').inputValue()).toBe('amara@northwind.example');
    await expect.poll(() => focusedId(page)).toBe('reset-email');
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    expect(await page.getByLabel('Work email').inputValue()).toBe('amara@northwind.example');
    await expect.poll(() => focusedId(page)).toBe('signin-password');

    // By keyboard: Tab from the password past Sign in (disabled while empty) to the link.
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Forgot your password?');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Reset your password', level: 1 }).waitFor();

    // Not an address: the API's message, at the field, which has the focus.
    const field = page.getByLabel('Work email');
    await field.fill('amara@');
    await page.keyboard.press('Enter');
    const fieldError = page.locator('#reset-email-error');
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toBe('Give the address you sign in with.');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toBe('reset-email-error');
    await expect.poll(() => focusedId(page)).toBe('reset-email');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reset-request-error');

    await field.fill('amara@northwind.example');
    await page.keyboard.press('Enter');
    const status = page.getByRole('status');
    await status.waitFor();
    expect(await status.textContent()).toBe(
      'If an account uses amara@northwind.example, we sent it a link to set a new password. It works for 30 minutes.',
    );
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Check your e-mail');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Back to sign in');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reset-sent');

    // The e-mail's link opens the reset page here.
    const link = await resetLinkMailedTo('amara@northwind.example');
    await page.goto(link);
    await page.getByRole('heading', { name: 'Set a new password', level: 1 }).waitFor();
    await expect.poll(() => focusedId(page)).toBe('reset-newPassword');
    // The token is read, then taken out of the address (and so out of the browser's history).
    await page.waitForURL((url) => url.pathname === '/reset-password' && url.search === '');
    const newPassword = page.getByLabel('New password', { exact: true });
    const again = page.getByLabel('New password again');
    expect(await newPassword.getAttribute('autocomplete')).toBe('new-password');
    expect(await again.getAttribute('autocomplete')).toBe('new-password');
    expect(await newPassword.getAttribute('aria-describedby')).toBe('reset-newPassword-hint');
    expect(await page.locator('#reset-newPassword-hint').textContent()).toBe('At least 10 characters.');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reset-page');

    // Too short, then two that differ: told at the field at fault, before anything is sent.
    await newPassword.fill('short');
    await again.fill('short');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByText('Use at least 10 characters.').waitFor();
    expect(await newPassword.getAttribute('aria-invalid')).toBe('true');
    expect(await newPassword.getAttribute('aria-describedby')).toBe(
      'reset-newPassword-error reset-newPassword-hint',
    );
    await expect.poll(() => focusedId(page)).toBe('reset-newPassword');
    await newPassword.fill('a-brand-new-secret');
    await again.fill('a-brand-new-secreT');
    await page.keyboard.press('Enter');
    await page.getByText('The two new passwords differ.').waitFor();
    expect(await again.getAttribute('aria-invalid')).toBe('true');
    expect(await newPassword.getAttribute('aria-invalid')).toBeNull();
    await expect.poll(() => focusedId(page)).toBe('reset-confirm');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reset-page-error');
    expect(await passwordWorks('amara@northwind.example', 'baton-demo')).toBe(true);

    await again.fill('a-brand-new-secret');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Your password is set.').waitFor();
    expect(await page.getByRole('status').textContent()).toBe(
      'Your password is set. Every session you had has ended.',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reset-done');
    // The old password no longer works (and the API session it just opened ended nothing here).
    expect(await passwordWorks('amara@northwind.example', 'baton-demo')).toBe(false);

    // Sign in: the address is filled in (and gone from the address bar), the focus on the password.
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    expect(await page.getByLabel('Work email').inputValue()).toBe('amara@northwind.example');
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/signin');
    await expect.poll(() => focusedId(page)).toBe('signin-password');
    await page.keyboard.type('a-brand-new-secret');
    await page.keyboard.press('Enter');
    await page.getByTestId('current-person').waitFor();
    expect(await page.getByTestId('current-person').textContent()).toContain('Amara Okafor');

    // Used once: opened again (signed in, as it happens), the link says so and offers a new one.
    await page.goto(link);
    await page.getByRole('heading', { name: 'Set a new password', level: 1 }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill('another-new-secret');
    await page.getByLabel('New password again').fill('another-new-secret');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByText('This link has expired or was used already.').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Ask for a new link');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reset-link-used');
    expect(await passwordWorks('amara@northwind.example', 'a-brand-new-secret')).toBe(true);
    // Still signed in here: the app comes back as it was.
    await page.getByRole('button', { name: 'Back to sign in' }).click();
    await page.getByTestId('current-person').waitFor();
    expect(errors).toEqual([]);
  }, 90_000);

  it('fits a phone: a link without a token, asking for a new one, too many requests, and the answer', async () => {
    const { page, errors } = await app.browser('reset-phone');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.url}/reset-password`);
    await page.getByText('This link has expired or was used already.').waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reset-narrow-no-token');

    await page.getByRole('button', { name: 'Ask for a new link' }).click();
    await page.getByRole('heading', { name: 'Reset your password', level: 1 }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    await expect.poll(() => focusedId(page)).toBe('reset-email');

    // Three links asked for this address already (elsewhere): a fourth within the hour is refused.
    for (let i = 0; i < 3; i++) {
      const res = await app.web.runtime.app.request('/api/v1/auth/password-reset', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@northwind.example' }),
      });
      expect(res.status).toBe(202);
    }
    await page.getByLabel('Work email').fill('nobody@northwind.example');
    await page.getByRole('button', { name: 'Send reset link' }).click();
    const refused = page.getByRole('alert');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/^Too many requests: try again in (\d+ minutes|1 minute)\.$/);
    // Not the address's fault: the field is not marked.
    expect(await page.getByLabel('Work email').getAttribute('aria-invalid')).toBeNull();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reset-narrow-refused');

    const long = 'someone.with.a.rather.long.address.indeed@support.northwind-example.example';
    await page.getByLabel('Work email').fill(long);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByRole('status').getByText(long).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reset-narrow-sent');

    await page.getByRole('button', { name: 'Back to sign in' }).click();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    expect(await page.getByLabel('Work email').inputValue()).toBe(long);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'reset-narrow-signin');
    // Nobody uses those addresses: nothing was sent to them.
    expect(catcher.mails.filter((m) => !m.to.includes('amara@northwind.example'))).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);

  it('without e-mail, sends people to an admin and offers no link', async () => {
    const { config } = app.web.runtime.services;
    const smtpUrl = config.smtpUrl;
    config.smtpUrl = undefined;
    try {
      const { page, errors } = await app.browser('reset-off');
      await page.goto(app.url);
      await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
      await page
        .getByText('Forgot your password? Ask an admin of your organisation to set a new one.')
        .waitFor();
      expect(await page.getByRole('button', { name: 'Forgot your password?' }).count()).toBe(0);
      // Asked for by address, the reset form does not open either.
      await page.goto(`${app.url}/signin?reset`);
      await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
      expect(await page.getByRole('button', { name: 'Forgot your password?' }).count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'reset-off');
      // The API agrees.
      const res = await app.web.runtime.app.request('/api/v1/auth/password-reset', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'amara@northwind.example' }),
      });
      expect([res.status, (await res.json()).error.code]).toEqual([409, 'password_reset_off']);
      expect(errors).toEqual([]);
    } finally {
      config.smtpUrl = smtpUrl;
    }
  });
});

describe('web app: an admin e-mails links to set a password [pglite]', () => {
  it('invites a person added without a password, and sends a reset link from Edit', async () => {
    const { page } = await app.signedIn('reset-admin', 'ines@northwind.example');
    await page.goto(`${app.url}/people`);
    await page.getByRole('heading', { level: 1, name: 'People and teams' }).waitFor();
    await page.getByRole('button', { name: 'Add person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a person' });
    await dialog.getByLabel('Name').fill('Zoe Park');
    await dialog.getByLabel('Work email').fill('zoe@northwind.example');
    await dialog.getByRole('checkbox', { name: /Agent/ }).check();
    await dialog.getByText('Leave blank to e-mail them an invitation').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reset-admin-add');
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await page
      .getByRole('status')
      .getByText('Zoe Park added; an invitation to choose a password was e-mailed to zoe@northwind.example')
      .waitFor();
    const invitation = () =>
      catcher.mails.find(
        (m) => m.to.includes('zoe@northwind.example') && /You have a Baton account/.test(m.data),
      );
    await expect.poll(invitation, { timeout: 5_000 }).toBeTruthy();

    // Someone with a password: a reset link, from their Edit dialog.
    await page.getByRole('button', { name: 'Edit Amara Okafor' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Amara Okafor' });
    await edit.getByRole('button', { name: 'E-mail Amara a link instead' }).click();
    await page
      .getByRole('status')
      .getByText('A link to set a new password was e-mailed to amara@northwind.example')
      .waitFor();
    expect(await edit.isVisible()).toBe(false);
    await expect
      .poll(() =>
        catcher.mails.some((m) => m.to.includes('amara@northwind.example') && /An admin of/.test(m.data)),
      )
      .toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('web app: an admin checks e-mail [pglite]', () => {
  it('shows the SMTP server on Settings > Integrations and sends a test message to the admin', async () => {
    const { page } = await app.signedIn('email-admin', 'ines@northwind.example');
    await page.goto(`${app.url}/settings/integrations`);
    const section = page.getByRole('region', { name: 'E-mail', exact: true });
    await section.getByText(new URL(catcher.url).host).waitFor();
    expect(await section.textContent()).toContain('(no sign-in)');
    expect(await section.textContent()).toContain('On: people reset a forgotten password');
    const before = catcher.mails.length;
    await section.getByRole('button', { name: 'Send me a test e-mail' }).click();
    await section
      .getByRole('status')
      .getByText('The server took a test message to ines@northwind.example')
      .waitFor();
    await expect
      .poll(() => catcher.mails.slice(before).some((m) => m.data.includes('Subject: Baton test e-mail')))
      .toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'email-check');
  });
});
