import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { screenshot, signIn } from '../support/browser.ts';
import { withWebApp } from '../support/web-app.ts';

/** Your account: a person changes their own password from the header (their name, then *Change your password*), keyboard first. */
const app = withWebApp({ people: ['amara'], shots: 'account' });

describe('web app: changing one’s own password [pglite]', () => {
  it('checks the current password, the new one twice, then signs in with the new one', async () => {
    const browser = await app.signedIn('account', 'amara@northwind.example');
    const { page } = browser;
    await page.getByRole('button', { name: /^Amara Okafor.*your account$/ }).click();
    await page.locator('#account-menu').getByRole('button', { name: 'Change your password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change your password' });
    await dialog.waitFor();

    await dialog.getByLabel('Current password').fill('not-my-password');
    await dialog.getByLabel('New password', { exact: true }).fill('a-longer-secret-of-mine');
    await dialog.getByLabel('New password again').fill('a-longer-secret-of-mine');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await dialog.getByText('That is not your current password.').waitFor();
    // The field at fault says so and has the focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('pw-currentPassword');
    expect(await dialog.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');

    await dialog.getByLabel('Current password').fill('baton-demo');
    await dialog.getByLabel('New password again').fill('a-longer-secret-of-min');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await dialog.getByText('The two new passwords differ.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'account-password-error');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    // The header itself passes axe too (the button's name starts with the name it shows).
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /^Amara Okafor.*your account$/ }).click();
    await page.locator('#account-menu').getByRole('button', { name: 'Change your password' }).click();
    await dialog.getByLabel('Current password').fill('baton-demo');
    await dialog.getByLabel('New password', { exact: true }).fill('a-longer-secret-of-mine');

    await dialog.getByLabel('New password again').fill('a-longer-secret-of-mine');
    await page.keyboard.press('Enter');
    await dialog.getByText('Password changed.').waitFor();
    await screenshot(page, 'account-password-changed');
    await dialog.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Work email').waitFor();
    await signIn(page, app.url, 'amara@northwind.example', 'a-longer-secret-of-mine');
    expect(await page.getByTestId('current-person').textContent()).toContain('Amara Okafor');
    expect(browser.errors.filter((e) => !/422|401/.test(e))).toEqual([]);
  });
});
