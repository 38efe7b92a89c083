import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { screenshot } from '../support/browser.ts';
import { withWebApp } from '../support/web-app.ts';

/**
 * SCIM provisioning in Settings > Security: the base URL to copy, a token created and shown once
 * (focused, to copy), the provider's last call, the token replaced and revoked after a confirmation
 * (the old one refused at once), the role of the people it adds, the teams it manages (Settings and
 * the team's card); by keyboard, axe clean, at 390 px.
 */
const app = withWebApp({ people: ['ines'], shots: 'scim' });

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const asProvider = async (token: string) =>
  app.web.runtime.app.request('/scim/v2/Users?count=1', { headers: { authorization: `Bearer ${token}` } });

describe('web app: SCIM provisioning [pglite]', () => {
  it('creates the token, shows it once, and says when the provider last called', async () => {
    const { page, errors } = await app.signedIn('ines', 'ines@northwind.example');
    await page.goto(`${app.url}/settings/security`);
    const section = page.getByRole('region', { name: 'Provisioning (SCIM)' });
    expect(await section.getByLabel('SCIM base URL').inputValue()).toBe(`${app.url}/scim/v2`);
    await section.getByTestId('scim-token-state').getByText('No token').waitFor();
    await section.getByRole('button', { name: 'Copy' }).click();
    await section.getByText('Copied to the clipboard.').waitFor();

    await section.getByRole('button', { name: 'Create token' }).click();
    const value = section.getByTestId('token-value');
    await value.waitFor();
    const token = await value.inputValue();
    expect(token).toMatch(/^scim_/);
    await expect.poll(() => focusedId(page)).toBe('token-value');
    expect(await axeViolations(page)).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'scim-token-shown');
    expect((await asProvider(token)).status).toBe(200);

    await section.getByRole('button', { name: 'Done' }).click();
    await section.getByTestId('scim-token-state').getByText('A token is set').waitFor();
    await expect.poll(() => focusedText(page)).toBe('Replace token');
    expect(await page.content()).not.toContain(token);
    await page.reload();
    await section.getByText(/The identity provider last called/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'scim-token-set');
    expect(errors).toEqual([]);

    // Replace, by keyboard: the old token stops at once.
    await section.getByRole('button', { name: 'Replace token' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Replace the provisioning token?' });
    await dialog.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'scim-replace-confirm');
    await dialog.getByRole('button', { name: 'Replace token' }).click();
    const fresh = await section.getByTestId('token-value').inputValue();
    expect(fresh).not.toBe(token);
    expect((await asProvider(token)).status).toBe(401);
    expect((await asProvider(fresh)).status).toBe(200);
    await section.getByRole('button', { name: 'Done' }).click();

    // Revoke: Escape leaves the dialog without revoking; the button then does.
    await section.getByRole('button', { name: 'Revoke token' }).click();
    await page.getByRole('dialog', { name: 'Revoke the provisioning token?' }).waitFor();
    await page.keyboard.press('Escape');
    expect((await asProvider(fresh)).status).toBe(200);
    await section.getByRole('button', { name: 'Revoke token' }).click();
    await page
      .getByRole('dialog', { name: 'Revoke the provisioning token?' })
      .getByRole('button', { name: 'Revoke token' })
      .click();
    await section.getByRole('status').getByText('Token revoked').waitFor();
    await section.getByTestId('scim-token-state').getByText('No token').waitFor();
    await expect.poll(() => focusedText(page)).toBe('Create token');
    expect((await asProvider(fresh)).status).toBe(401);
    expect(errors).toEqual([]);
  }, 90_000);

  it('saves the role of the people the provider adds, which is never admin', async () => {
    const { page, errors } = app.browsers[0]!;
    const section = page.getByRole('region', { name: 'Provisioning (SCIM)' });
    const role = section.getByLabel('Role of the people it adds');
    expect(await role.locator('option').allTextContents()).toEqual([
      'Agent',
      'Team lead',
      'Supervisor',
      'QA reviewer',
    ]);
    await role.selectOption('qa');
    await section.getByRole('button', { name: 'Save role' }).click();
    await section.getByRole('status').getByText('get the role QA reviewer').waitFor();
    expect(
      ((await app.call('GET', '/api/v1/settings/provisioning')) as { defaultRole: string }).defaultRole,
    ).toBe('qa');
    const log = (await app.call('GET', '/api/v1/admin/changes?area=policies')) as {
      items: { detail: object }[];
    };
    expect(log.items[0]!.detail).toEqual({ defaultRole: { from: 'agent', to: 'qa' } });
    expect(errors).toEqual([]);
  });

  it('says which teams the identity provider manages, in Settings and on the team', async () => {
    const { page, errors } = app.browsers[0]!;
    await page.goto(`${app.url}/settings/security`);
    const section = page.getByRole('region', { name: 'Provisioning (SCIM)' });
    await section.getByTestId('scim-managed-teams').getByText('manages no team yet').waitFor();
    const { token } = (await app.call('POST', '/api/v1/settings/provisioning')) as { token: string };
    await app.call('POST', '/scim/v2/Groups', { displayName: 'finance' }, token);
    await page.reload();
    await section
      .getByTestId('scim-managed-teams')
      .getByText('Teams managed by your identity provider: Finance.')
      .waitFor();
    await page.goto(`${app.url}/people?view=teams`);
    await page.locator('[data-team="finance"]').getByText('Managed by your identity provider').waitFor();
    expect(await page.getByTestId('team-managed').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    // As the next test expects it: no token.
    await app.call('DELETE', '/api/v1/settings/provisioning');
    expect(errors).toEqual([]);
  });

  it('fits a phone, the token shown included', async () => {
    const { page, errors } = app.browsers[0]!;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.url}/settings/security`);
    const section = page.getByRole('region', { name: 'Provisioning (SCIM)' });
    await section.getByRole('button', { name: 'Create token' }).click();
    await section.getByTestId('token-value').waitFor();
    await section.scrollIntoViewIfNeeded();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'scim-narrow');
    expect(errors).toEqual([]);
  });
});
