import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { screenshot } from '../support/browser.ts';
import { withWebApp } from '../support/web-app.ts';

/**
 * Your sessions, from the header: the person's name opens their account; *Your sessions* lists where
 * they are signed in (this browser first), signs one out, then all the others after a confirmation.
 * Keyboard first, at desktop width and on a 390 px phone.
 */
const app = withWebApp({ people: ['amara'], shots: 'sessions' });

const safariOnIphone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const firefoxOnWindows = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

/** Amara signs in elsewhere: another browser, from another address (in process, no Chromium needed). */
async function signInElsewhere(userAgent: string, address: string) {
  const res = await app.web.runtime.app.request(
    '/api/v1/auth/login',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': userAgent },
      body: JSON.stringify({ email: 'amara@northwind.example', password: 'baton-demo' }),
    },
    { incoming: { socket: { remoteAddress: address, remoteFamily: 'IPv4' } } },
  );
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
const statusOf = async (cookie: string) =>
  (await app.web.runtime.app.request('/api/v1/me', { headers: { cookie } })).status;

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      id: el?.id ?? '',
      text: el?.textContent?.trim() ?? '',
      label: el?.getAttribute('aria-label') ?? '',
    };
  });
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const account = (page: Page) => page.getByRole('button', { name: /^Amara Okafor.*your account$/ });

describe('web app: your sessions [pglite]', () => {
  it('lists where the person is signed in and signs out one, then all the others, from the keyboard', async () => {
    const browser = await app.signedIn('sessions', 'amara@northwind.example');
    const { page } = browser;
    const phone = await signInElsewhere(safariOnIphone, '198.51.100.20');
    const laptop = await signInElsewhere(firefoxOnWindows, '198.51.100.21');

    // The name opens the account menu: its first choice has the focus, the arrows move, Enter opens.
    await account(page).focus();
    await page.keyboard.press('Enter');
    const menu = page.locator('#account-menu');
    await menu.waitFor();
    // The popover's toggle event (which sets aria-expanded) is a task of its own: it may come a moment later.
    await expect.poll(() => account(page).getAttribute('aria-expanded')).toBe('true');
    await expect.poll(async () => (await focused(page)).text).toBe('Change your password');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sessions-menu');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await focused(page)).text).toBe('Your sessions');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Your sessions' });
    await dialog.waitFor();
    expect(await menu.isVisible()).toBe(false);

    // This browser first, then the others, the latest signed in first.
    const sessions = dialog.getByTestId('session');
    await expect.poll(() => sessions.count()).toBe(3);
    const texts = await sessions.allTextContents();
    expect(texts[0]).toMatch(
      /^Chrome on LinuxThis sessionFrom 127\.0\.0\.1 · Active nowSigned in with a password /,
    );
    expect(texts[1]).toMatch(/^Firefox on WindowsFrom 198\.51\.100\.21 · Last active/);
    expect(texts[2]).toMatch(/^Safari on iPhoneFrom 198\.51\.100\.20 · Last active/);
    expect(await sessions.nth(0).getByRole('button').count()).toBe(0); // this one: the header's Sign out
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sessions-list');

    // One signed out: refused at once; the focus goes to the next session's button.
    await dialog.getByRole('button', { name: /^Sign out Safari on iPhone/ }).click();
    await dialog.getByText('Signed out Safari on iPhone.').waitFor();
    expect(await statusOf(phone)).toBe(401);
    await expect.poll(() => sessions.count()).toBe(2);
    await expect.poll(async () => (await focused(page)).label).toMatch(/^Sign out Firefox on Windows/);

    // All the others, after a confirmation that takes the focus to Cancel first.
    await dialog.getByRole('button', { name: 'Sign out all other sessions' }).click();
    await dialog.getByText('Sign out 1 other session?').waitFor();
    await expect.poll(async () => (await focused(page)).id).toBe('sessions-cancel-all');
    expect(await statusOf(laptop)).toBe(200); // nothing yet
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sessions-confirm');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.getByText('Signed out 1 other session.').waitFor();
    expect(await statusOf(laptop)).toBe(401);
    await expect.poll(() => sessions.count()).toBe(1);
    await expect.poll(async () => (await focused(page)).id).toBe('sessions-close');
    expect(await dialog.getByRole('button', { name: 'Sign out all other sessions' }).count()).toBe(0);
    await screenshot(page, 'sessions-done');

    // Closing hands the focus back to the name; this browser is still signed in.
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).text).toMatch(/^AOAmara Okafor/);
    await page.reload();
    await account(page).waitFor();
    expect(browser.errors).toEqual([]);
  });

  it('fits a phone, and Escape closes the menu back to the name', async () => {
    const { page, errors } = app.browsers[0]!;
    await page.setViewportSize({ width: 390, height: 844 });
    await signInElsewhere(safariOnIphone, '198.51.100.30');
    await account(page).click();
    const menu = page.locator('#account-menu');
    await menu.waitFor();
    const menuBox = (await menu.boundingBox())!;
    expect(menuBox.x + menuBox.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'sessions-narrow-menu');
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.isVisible()).toBe(false);
    await expect.poll(async () => (await focused(page)).text).toMatch(/^AOAmara Okafor/);
    // The popover's toggle event (which sets aria-expanded) is a task of its own: it may come a moment later.
    await expect.poll(() => account(page).getAttribute('aria-expanded')).toBe('false');

    await account(page).click();
    await menu.getByRole('button', { name: 'Your sessions' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your sessions' });
    await expect.poll(() => dialog.getByTestId('session').count()).toBe(2);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sessions-narrow');
    await dialog.getByRole('button', { name: 'Sign out all other sessions' }).click();
    await dialog.getByRole('button', { name: 'Sign out 1 session' }).click();
    await dialog.getByText('Signed out 1 other session.').waitFor();
    await screenshot(page, 'sessions-narrow-done');
    expect(errors).toEqual([]);
  });

  it('goes to the sign-in page by itself when this session is signed out from another one', async () => {
    const browser = await app.signedIn('sessions-ended', 'amara@northwind.example');
    const { page } = browser;
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const elsewhere = await signInElsewhere(firefoxOnWindows, '198.51.100.22');
    const out = await app.web.runtime.app.request('/api/v1/me/sessions/sign-out-others', {
      method: 'POST',
      headers: { cookie: elsewhere },
    });
    expect(out.status).toBe(200);
    // The live stream finds out at its next event (checked at most every 2 s), without a click here.
    await page.waitForTimeout(2_200);
    await app.call('POST', '/api/v1/cases', {
      subject: 'Anything, to wake the stream',
      customer: { externalId: 'sessions-ended', name: 'Stream Waker' },
      channel: 'email',
    });
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'sessions-ended-elsewhere');
  });
});
