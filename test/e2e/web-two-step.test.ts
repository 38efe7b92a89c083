import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { screenshot } from '../support/browser.ts';
import { withWebApp } from '../support/web-app.ts';

/**
 * Two-step sign-in from the header: the person's name, then *Two-step sign-in*: set up with the QR
 * code (or the key in text), a code from the app turns it on, the recovery codes are shown once;
 * signing in then asks for the code; an admin turns it off from People, after a confirmation. At
 * desktop width and on a 390 px phone.
 */
const app = withWebApp({ people: ['amara', 'ines'], shots: 'two-step' });

/** The code an authenticator app shows, `steps` periods from now (the web server runs on the real clock). */
const codeOf = (secret: string, steps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: Date.now() + steps * 30_000,
  });
const account = (page: Page) => page.getByRole('button', { name: /^Amara Okafor.*your account$/ });
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('web app: two-step sign-in [pglite]', () => {
  let secret = '';
  let recovery: string[] = [];

  it('sets it up from the account menu: QR code and key, a wrong code at the field, then the recovery codes once', async () => {
    const browser = await app.signedIn('two-step', 'amara@northwind.example');
    const { page } = browser;
    await account(page).click();
    await page.locator('#account-menu').getByRole('button', { name: 'Two-step sign-in' }).click();
    const dialog = page.getByRole('dialog', { name: 'Two-step sign-in' });
    await dialog.getByText('Off.').waitFor();
    await dialog.getByRole('button', { name: 'Set up' }).click();
    await dialog.getByRole('img', { name: /QR code/ }).waitFor();
    await expect.poll(() => focusedId(page)).toBe('twostep-code');
    secret = ((await dialog.getByTestId('twostep-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const code = dialog.getByLabel('The 6-digit code the app shows');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'two-step-setup');

    await code.fill(codeOf(secret, 10));
    await page.keyboard.press('Enter');
    await dialog.getByText(/That is not the code your app shows now/).waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => focusedId(page)).toBe('twostep-code');

    await code.fill(codeOf(secret));
    await page.keyboard.press('Enter');
    await dialog.getByText('Two-step sign-in is on.').waitFor();
    const codes = dialog.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await expect.poll(() => codes.count()).toBe(10);
    recovery = (await codes.allTextContents()).map((t) => t.trim());
    await expect.poll(() => focusedId(page)).toBe('twostep-copy');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'two-step-codes');
    await dialog.getByRole('button', { name: 'I have saved them' }).click();

    // Opened again: on, with 10 codes left.
    await account(page).click();
    await page.locator('#account-menu').getByRole('button', { name: 'Two-step sign-in' }).click();
    await dialog.getByText('10 recovery codes left.').waitFor();
    await screenshot(page, 'two-step-on');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(browser.errors.filter((e) => !/422/.test(e))).toEqual([]);
  });

  it('asks for the code after the password, at 390 px; a wrong code at the field, then a recovery code', async () => {
    const { page, errors } = app.browsers[0]!;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Work email').fill('amara@northwind.example');
    await page.getByLabel('Password').fill('baton-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter the 6-digit code from your authenticator app.').waitFor();
    const code = page.getByLabel('6-digit code');
    await expect.poll(() => focusedId(page)).toBe('signin-code');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    await code.fill('000000');
    await page.keyboard.press('Enter');
    await page.getByText(/That code is wrong or was used already/).waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'two-step-signin-narrow');

    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(recovery[0]!);
    await page.keyboard.press('Enter');
    await page.getByTestId('current-person').waitFor();

    // At desktop width, with the next code from the app (the one that turned it on is used).
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Work email').fill('amara@northwind.example');
    await page.getByLabel('Password').fill('baton-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('6-digit code').waitFor();
    await screenshot(page, 'two-step-signin');
    await page.getByLabel('6-digit code').fill(codeOf(secret, 1));
    await page.keyboard.press('Enter');
    await page.getByTestId('current-person').waitFor();
    expect(await page.getByTestId('current-person').textContent()).toContain('Amara Okafor');
    expect(errors.filter((e) => !/401|422/.test(e))).toEqual([]);
  });

  it('lets an admin turn it off for someone from their Edit dialog once confirmed; they then sign in with the password alone', async () => {
    const admin = await app.signedIn('two-step-admin', 'ines@northwind.example');
    const { page } = admin;
    await page.goto(`${app.url}/people`);
    await page.getByRole('button', { name: 'Edit Amara Okafor' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Amara Okafor' });
    const turnOff = edit.getByRole('button', { name: 'Turn off two-step sign-in' });
    const twoStepOn = async () =>
      (
        (await app.call('GET', '/api/v1/people')) as { items: { email: string; twoStep: boolean }[] }
      ).items.find((p) => p.email === 'amara@northwind.example')?.twoStep;
    // It asks first, with the focus on its Cancel; Cancel changes nothing and gives the focus back.
    await turnOff.click();
    const confirm = edit.locator('.two-step-confirm');
    await confirm.getByText(/Amara Okafor will sign in with their password alone until they set/).waitFor();
    await confirm.getByText(/someone who lost their phone/).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await screenshot(page, 'two-step-admin-confirm');
    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Turn off two-step sign-in');
    expect(await twoStepOn()).toBe(true);
    // Escape closes the whole dialog, as anywhere in it, and turns nothing off.
    await turnOff.click();
    await confirm.waitFor();
    await page.keyboard.press('Escape');
    await edit.waitFor({ state: 'hidden' });
    expect(await twoStepOn()).toBe(true);

    await page.getByRole('button', { name: 'Edit Amara Okafor' }).click();
    await turnOff.click();
    await confirm.getByRole('button', { name: 'Turn off two-step sign-in' }).click();
    await page.getByText(/Two-step sign-in is off for Amara Okafor/).waitFor();
    expect(await twoStepOn()).toBe(false);
    await screenshot(page, 'two-step-admin-off');
    await page.getByRole('button', { name: 'Edit Amara Okafor' }).click();
    await edit.waitFor();
    expect(await edit.getByRole('button', { name: 'Turn off two-step sign-in' }).count()).toBe(0);
    expect(admin.errors).toEqual([]);

    const res = await app.web.runtime.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'amara@northwind.example', password: 'baton-demo' }),
    });
    expect(res.status).toBe(200);
  });
});
