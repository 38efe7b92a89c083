import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { totpCode } from '../../src/auth/two-step.ts';
import { demoPassword } from '../../src/demo/organisation.ts';
import { axeViolations } from '../support/axe.ts';
import { screenshot } from '../support/browser.ts';
import type { Browser } from '../support/web-app.ts';
import { withWebApp } from '../support/web-app.ts';

/**
 * An organisation that requires two-step sign-in, in the browser: an admin chooses whom in
 * Settings > Security (not before turning on their own), the page names whom it would stop; a
 * person already signed in is shown the setup page at their next request, sets it up, sees their
 * recovery codes and goes on into the app, where nothing offers to turn it off. At desktop width
 * and on a 390 px phone.
 */
const app = withWebApp({ people: ['amara', 'ines', 'grace'], shots: 'two-step-requirement' });

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const focused = (page: Page) =>
  page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || '');
const secretOf = async (page: Page) =>
  ((await page.getByTestId('twostep-secret').textContent()) ?? '').replace(/\s/g, '');
const accountOf = (page: Page, name: string) =>
  page.getByRole('button', { name: new RegExp(`^${name}.*your account$`) });
const twoStepFromMenu = async (page: Page, name: string) => {
  await accountOf(page, name).click();
  await page.locator('#account-menu').getByRole('button', { name: 'Two-step sign-in' }).click();
  return page.getByRole('dialog', { name: 'Two-step sign-in' });
};
/** Sets it up on whatever page shows the setup (the account dialog or the required page). */
const proveAndSave = async (page: Page): Promise<string[]> => {
  await expect.poll(() => focused(page)).toBe('twostep-code');
  await page.getByLabel('The 6-digit code the app shows').fill(totpCode(await secretOf(page), new Date()));
  await page.keyboard.press('Enter');
  const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect.poll(() => codes.count()).toBe(10);
  await expect.poll(() => focused(page)).toBe('twostep-copy');
  return (await codes.allTextContents()).map((t) => t.trim());
};

type SignInAnswer = { twoStepRequired: string; withoutTwoStep: { name: string; roles: string[] }[] };

describe('web app: two-step sign-in required by the organisation [pglite]', () => {
  let amara: Browser;

  it('lets an admin require it of everyone once hers is on, naming whom it stops', async () => {
    amara = await app.signedIn('amara', 'amara@northwind.example');
    const { page, errors } = await app.signedIn('ines', 'ines@northwind.example');
    await page.goto(`${app.url}/settings`);
    await page.getByRole('link', { name: 'Security' }).click();
    await page.getByRole('heading', { name: 'Sign-in security' }).waitFor();
    const group = page.getByRole('group', { name: 'Require two-step sign-in of' });
    expect(await group.getByRole('radio', { name: 'Nobody' }).isChecked()).toBe(true);
    const reach = page.getByTestId('two-step-reach');
    expect(((await reach.textContent()) ?? '').trim()).toBe('');

    // Admins: she is one of them and hers is off, so the page names her and refuses at the fieldset.
    await group.getByRole('radio', { name: 'Admins' }).check();
    await reach
      .getByText(
        /Saving this stops 1 person at their next request, until they set it up: Inès Moreau \(you\)\./,
      )
      .waitFor();
    // The page's first Save (the second is the idle limit's, web-session-idle.test.ts).
    await page.getByTestId('sign-in-security').getByRole('button', { name: 'Save' }).click();
    const refused = page.locator('#own-two-step-off');
    await refused.getByText(/Your own two-step sign-in is off/).waitFor();
    expect(await group.getAttribute('aria-describedby')).toBe('own-two-step-off');
    await expect.poll(() => focused(page)).toBe('Turn on your two-step sign-in');
    expect(((await app.call('GET', '/api/v1/settings/sign-in')) as SignInAnswer).twoStepRequired).toBe(
      'nobody',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'two-step-requirement-own-off');

    // She turns hers on from the account menu, as anyone does. That is a change to a person, so
    // Amara's open page re-reads the organisation a moment later: waited for, because a re-read
    // after the requirement below is already Amara's "next request" (the next test makes it).
    const reread = amara.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/people');
    const dialog = await twoStepFromMenu(page, 'Inès Moreau');
    await dialog.getByRole('button', { name: 'Set up' }).click();
    await proveAndSave(page);
    await dialog.getByRole('button', { name: 'I have saved them' }).click();
    expect((await reread).status()).toBe(200);

    // Everyone: the page names whom it stops, without her now, the rest counted.
    await group.getByRole('radio', { name: 'Everyone' }).check();
    const without = ((await app.call('GET', '/api/v1/settings/sign-in')) as SignInAnswer).withoutTwoStep;
    expect(without.some((p) => p.name === 'Amara Okafor')).toBe(true);
    expect(without.some((p) => p.name === 'Inès Moreau')).toBe(false);
    const stops = new RegExp(
      `Saving this stops ${without.length} people at their next request, until they set it up: .*Amara Okafor.*${
        without.length > 10 ? `and ${without.length - 10} more` : ''
      }`,
    );
    await expect.poll(async () => (await reach.textContent()) ?? '').toMatch(stops);
    expect(await reach.textContent()).not.toContain('Inès');
    await screenshot(page, 'two-step-requirement-security');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .getByText(
        `Saved: two-step sign-in is required of everyone. ${without.length} people are asked to set it up at their next request.`,
      )
      .waitFor();
    expect(((await app.call('GET', '/api/v1/settings/sign-in')) as SignInAnswer).twoStepRequired).toBe(
      'everyone',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'two-step-requirement-saved');

    // On a phone: no sideways scroll.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await group.waitFor();
    expect(await group.getByRole('radio', { name: 'Everyone' }).isChecked()).toBe(true);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'two-step-requirement-security-narrow');
    expect(errors).toEqual([]);
  });

  it('shows the person already signed in the setup page at their next request, then the app', async () => {
    const { page, errors } = amara;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' }).click();
    await page.getByRole('heading', { name: 'Set up two-step sign-in' }).waitFor();
    await page.getByText(/Northwind Home Services requires two-step sign-in for Amara Okafor/).waitFor();
    await expect.poll(() => focused(page)).toBe('Set up');
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'two-step-required');

    // From the keyboard: Set up, the code, then the recovery codes once.
    await page.keyboard.press('Enter');
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    await screenshot(page, 'two-step-required-setup');
    const recovery = await proveAndSave(page);
    expect(new Set(recovery).size).toBe(10);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'two-step-required-codes');
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByTestId('current-person').waitFor();
    expect(new URL(page.url()).pathname).toBe('/queue');

    // Her account's dialog says it stays on, and offers no way to turn it off.
    const dialog = await twoStepFromMenu(page, 'Amara Okafor');
    await dialog.getByText('10 recovery codes left.').waitFor();
    await dialog.getByText(/Your organisation requires two-step sign-in, so it stays on/).waitFor();
    expect(await dialog.getByRole('button', { name: 'Turn off' }).count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('twostep-primary');
    await screenshot(page, 'two-step-required-dialog');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
  });

  it('asks for it right after signing in, at 390 px; Sign out leaves', async () => {
    const { page, errors } = await app.browser('grace');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(app.url);
    await page.getByLabel('Work email').fill('grace@northwind.example');
    await page.getByLabel('Password').fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/requires two-step sign-in for Grace Liu/).waitFor();
    await expect.poll(() => focused(page)).toBe('Set up');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'two-step-required-narrow');
    await page.keyboard.press('Enter');
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'two-step-required-setup-narrow');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(errors).toEqual([]);
  });
});
