import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { screenshot } from '../support/browser.ts';
import { withWebApp } from '../support/web-app.ts';

/**
 * API tokens in a real Chromium (Settings > Integrations): an admin issues one from the dialog, sees
 * it once with a Copy button, finds it in the list without the token, and revokes it after a
 * confirmation; the token works and then is refused. A lead who is not an admin sees no tokens.
 */
const app = withWebApp({ people: ['ines', 'grace'], shots: 'api-tokens' });
const { call } = app;

/** Calls the API as the token would (a helpdesk, a script): the status and `via`. */
async function asToken(token: string) {
  const res = await app.web.runtime.app.request('/api/v1/me', {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: await res.json() };
}

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { id: el?.id ?? '', tag: el?.tagName ?? '', text: el?.textContent?.trim() ?? '' };
  });

describe('web app: API tokens [pglite]', () => {
  it('lets an admin issue a token shown once, see it listed, and revoke it', async () => {
    const browser = await app.signedIn('tokens-admin', 'ines@northwind.example');
    const { page, errors } = browser;
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await page.goto(`${app.url}/settings/integrations`);
    await page.getByRole('heading', { name: 'Integrations', level: 1 }).waitFor();
    const section = page.getByRole('region', { name: 'API tokens' });
    await section.getByText('No API tokens yet').waitFor();
    expect(await section.textContent()).toContain('baton token create');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'api-tokens-empty');

    // The dialog opens on its name; with no role the API's message shows at the roles.
    await section.getByRole('button', { name: 'Issue token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Issue an API token' });
    await dialog.waitFor();
    await expect.poll(async () => (await focused(page)).id).toBe('token-name');
    await page.keyboard.type('Zendesk bridge');
    await dialog.getByRole('button', { name: 'Issue token' }).click();
    const rolesError = dialog.locator('#token-roles-error');
    await rolesError.waitFor();
    expect(await rolesError.textContent()).toBe('Give the token at least one role');
    expect(await dialog.getByRole('group', { name: 'Roles' }).getAttribute('aria-describedby')).toContain(
      'token-roles-error',
    );
    // Focus is taken to what to fix: the first role.
    await expect.poll(async () => (await focused(page)).tag).toBe('INPUT');
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).type))
      .toBe('checkbox');
    expect((await call('GET', '/api/v1/api-tokens')).items).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'api-tokens-issue-error');

    await dialog.getByRole('checkbox', { name: /^Agent/ }).check();
    await dialog.getByRole('checkbox', { name: /^Team lead/ }).check();
    await dialog.getByLabel('Acts as').selectOption({ label: 'Priya Raman' });
    await dialog.getByRole('button', { name: 'Issue token' }).click();

    // Shown once: selected in its field, with a warning and a Copy button that fills the clipboard.
    const shown = page.getByRole('dialog', { name: 'Copy your new token' });
    await shown.waitFor();
    expect(await shown.textContent()).toContain('it will not be shown again');
    const token = await shown.getByLabel('Token').inputValue();
    expect(token).toMatch(/^btn_[\w-]{20,}$/);
    await expect.poll(async () => (await focused(page)).id).toBe('token-value');
    await shown.getByRole('button', { name: 'Copy' }).click();
    await shown.getByText('Copied to the clipboard.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'api-tokens-issued');

    // It authenticates as a token acting as Priya, with the roles chosen.
    const me = await asToken(token);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ via: 'api-token', person: { name: 'Priya Raman' } });
    expect(me.body.roles.sort()).toEqual(['agent', 'lead']);

    // Done: the list has it, and the page holds the token nowhere any more.
    await shown.getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await focused(page)).text).toBe('Issue token');
    const row = section.getByTestId('token-row').filter({ hasText: 'Zendesk bridge' });
    await row.waitFor();
    expect(await page.content()).not.toContain(token);
    // A token issued elsewhere (`baton token create`, a script) is listed too; read again, the
    // first one says when it was last used.
    await call('POST', '/api/v1/api-tokens', { name: 'Nightly export', roles: ['qa'] });
    await page.reload();
    await expect.poll(() => section.getByTestId('token-row').count()).toBe(2);
    expect(await row.textContent()).toMatch(/Zendesk bridge.*Agent.*Team lead.*Priya Raman.*Active/);
    expect(await row.locator('[data-label="Last used"]').textContent()).not.toBe('never');
    const other = section.getByTestId('token-row').filter({ hasText: 'Nightly export' });
    expect(await other.textContent()).toMatch(/QA reviewer.*no person.*never.*Active/);
    expect(await page.content()).not.toContain(token);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'api-tokens-list');

    // Revoke, by keyboard: it asks first and says what stops working; Escape changes nothing.
    await row.getByRole('button', { name: 'Revoke Zendesk bridge' }).focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Revoke “Zendesk bridge”?' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('is refused from its next request');
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'hidden' });
    expect((await asToken(token)).status).toBe(200);
    await page.keyboard.press('Enter');
    await confirm.waitFor();
    await screenshot(page, 'api-tokens-revoke-confirm');
    await confirm.getByRole('button', { name: 'Revoke token' }).focus();
    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'hidden' });
    await expect.poll(() => row.getAttribute('data-status')).toBe('revoked');
    expect(await row.locator('[data-label="Status"]').textContent()).toMatch(/^Revoked \S/);
    expect(await row.getByRole('button').count()).toBe(0);
    await expect.poll(async () => (await focused(page)).text).toBe('Zendesk bridge');
    await section.getByText('“Zendesk bridge” revoked').waitFor();

    // Refused at once.
    const refused = await asToken(token);
    expect([refused.status, refused.body.error.code]).toEqual([401, 'unauthenticated']);
    const listed = (await call('GET', '/api/v1/api-tokens')).items;
    expect(listed.find((t: { name: string }) => t.name === 'Zendesk bridge').revokedAt).not.toBeNull();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'api-tokens-revoked');
    expect(errors).toEqual([]);
  }, 90_000);

  it('fits a phone: the list, the form and the token, without sideways scrolling', async () => {
    const { page, errors } = app.browsers[0]!;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.url}/settings/integrations`);
    const section = page.getByRole('region', { name: 'API tokens' });
    await expect.poll(() => section.getByTestId('token-row').count()).toBe(2);
    await section.scrollIntoViewIfNeeded();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'api-tokens-narrow');

    await section.getByRole('button', { name: 'Issue token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Issue an API token' });
    await page.keyboard.type('Freshdesk sync');
    await dialog.getByRole('checkbox', { name: /^Agent/ }).check();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'api-tokens-narrow-form');
    await dialog.getByLabel('Name').press('Enter');
    const shown = page.getByRole('dialog', { name: 'Copy your new token' });
    await shown.waitFor();
    const token = await shown.getByLabel('Token').inputValue();
    expect((await asToken(token)).status).toBe(200);
    // Where the clipboard API is refused, Copy falls back to the selected text.
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new Error('not allowed'));
    });
    await shown.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => shown.getByRole('status').textContent()).not.toBe('');
    const selected = await page.evaluate(() => {
      const area = document.activeElement as HTMLTextAreaElement;
      return area.value.slice(area.selectionStart, area.selectionEnd);
    });
    expect(selected).toBe(token);
    expect(await shown.getByRole('status').textContent()).toMatch(/Copied|press Ctrl\+C/);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'api-tokens-narrow-issued');
    await page.keyboard.press('Escape');
    await shown.waitFor({ state: 'hidden' });
    await expect.poll(() => section.getByTestId('token-row').count()).toBe(3);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);

  it('shows a lead who is not an admin no API tokens, and asks the API for none', async () => {
    const { page, errors } = await app.signedIn('tokens-lead', 'grace@northwind.example');
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/api-tokens')) asked.push(r.url());
    });
    await page.goto(`${app.url}/settings/integrations`);
    await page.getByRole('heading', { name: 'Integrations', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Webhook subscriptions' }).waitFor();
    expect(await page.getByRole('region', { name: 'API tokens' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Issue token' }).count()).toBe(0);
    expect(await page.getByText('API tokens').count()).toBe(0);
    expect(asked).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);
});
