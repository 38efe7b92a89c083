import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { freshDatabase } from '../../src/db/testing.ts';
import { axeViolations } from '../support/axe.ts';
import { buildWeb, screenshot, serveWeb } from '../support/browser.ts';
import { startMailCatcher } from '../support/mail-catcher.ts';
import { withBrowsers } from '../support/web-app.ts';

/**
 * A new Baton in a real Chromium: without any organisation, the sign-in page leads to the setup;
 * the setup link from the server's log opens the form (its token leaves the address bar), which
 * says what is wrong field by field, makes the organisation and its admin, and signs the admin in.
 */
const setupToken = 'web-setup-token-0123456789abcdef';
const browsers = withBrowsers('setup');
let database: Database;
let web: Awaited<ReturnType<typeof serveWeb>>;
let dist = '';
let smtp: Awaited<ReturnType<typeof startMailCatcher>>;

beforeAll(async () => {
  smtp = await startMailCatcher();
  const [built, db] = await Promise.all([
    buildWeb(),
    freshDatabase('pglite', { pgliteDump: inject('pgliteDump'), postgresUrl: null }),
  ]);
  dist = built.dir;
  database = db;
  web = await serveWeb(db, dist, { BATON_SETUP_TOKEN: setupToken });
}, 180_000);
afterAll(async () => {
  await browsers.closeAll();
  await web?.close();
  await database?.close();
  await smtp?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('web app: setting up a new Baton [pglite]', () => {
  it('leads from sign-in to the setup, which asks for the token when the link is not used', async () => {
    const { page, errors } = await browsers.open('visitor');
    await page.goto(web.url);
    await page.getByRole('heading', { name: 'Welcome to Baton', level: 1 }).waitFor();
    expect(await page.getByRole('status').textContent()).toMatch(/no organisation yet/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Set up Baton' }).click();
    await page.getByRole('heading', { name: 'Set up Baton', level: 1 }).waitFor();
    // Opened without the link: the token is asked for, first.
    await expect.poll(() => focusedId(page)).toBe('setup-setupToken');
    await page.getByLabel('Setup token').fill('not-the-token');
    await page.getByLabel('Name', { exact: true }).fill('Acme Support');
    await page.getByLabel('Your name').fill('Ann Lee');
    await page.getByLabel('Work email').fill('ann@acme.example');
    await page.getByLabel('Password', { exact: true }).fill('a long first password');
    await page.getByLabel('Password again').fill('a long first password');
    await page.getByRole('button', { name: 'Set up Baton' }).click();
    await page.getByText('That is not the setup token').waitFor();
    await expect.poll(() => focusedId(page)).toBe('setup-setupToken');
    expect(errors).toEqual([]);
  });

  it('makes the organisation from the setup link, field by field, and signs its admin in', async () => {
    const { page, errors } = await browsers.open('admin');
    await page.goto(`${web.url}/setup?token=${setupToken}`);
    await page.getByRole('heading', { name: 'Set up Baton', level: 1 }).waitFor();
    // The token left the address bar and is not asked for.
    await expect.poll(() => new URL(page.url()).search).toBe('');
    expect(await page.getByLabel('Setup token').count()).toBe(0);
    await expect.poll(() => focusedId(page)).toBe('setup-organisation-name');

    // Nothing filled in: each field says what it needs, the cursor goes to the first.
    await page.getByRole('button', { name: 'Set up Baton' }).click();
    await page.getByText("Give your organisation's name.").waitFor();
    await expect.poll(() => focusedId(page)).toBe('setup-organisation-name');

    await page.getByLabel('Name', { exact: true }).fill('Façade Repairs Zürich');
    // The short name the server will make is shown before it is asked for.
    expect(await page.getByLabel('Short name').getAttribute('placeholder')).toBe('facade-repairs-zurich');
    await page.getByLabel('Time zone').selectOption('Europe/Zurich');
    await page.getByLabel('Your name').fill('Ann Lee');
    await page.getByLabel('Work email').fill('ann@facade.example');
    await page.getByLabel('Password', { exact: true }).fill('a long first password');
    await page.getByLabel('Password again').fill('a long first passwort');
    await page.getByRole('button', { name: 'Set up Baton' }).click();
    await page.getByText('The two passwords differ.').waitFor();
    await expect.poll(() => focusedId(page)).toBe('setup-confirm');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'setup-form');

    // A short name the server refuses is shown at its field.
    await page.getByLabel('Password again').fill('a long first password');
    await page.getByLabel('Short name').fill('Not A Slug');
    await page.getByRole('button', { name: 'Set up Baton' }).click();
    await page.getByText(/lower-case letters, digits and single hyphens/).waitFor();
    await expect.poll(() => focusedId(page)).toBe('setup-organisation-slug');

    await page.getByLabel('Short name').fill('');
    await page.getByRole('button', { name: 'Set up Baton' }).click();
    // Signed in, on People, to add colleagues.
    await page.waitForURL(`${web.url}/people`);
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await page.getByRole('cell', { name: 'ann@facade.example' }).waitFor();
    await screenshot(page, 'setup-done');

    // The getting-started guide: every step to do, the teams of nobody named.
    const guide = page.getByRole('region', { name: 'Getting started' });
    await guide.getByText('0 of 6 steps done').waitFor();
    await guide
      .getByText('Engineering, Finance, Supervisors, Support and Tier 2 have no members yet')
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'getting-started');
    await guide.getByRole('button', { name: 'Add person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a person' });
    await dialog.getByLabel('Name').fill('Bea Kim');
    await dialog.getByLabel('Work email').fill('bea@facade.example');
    await dialog.getByLabel('Initial password').fill('bea-first-day-2026');
    await dialog.getByRole('checkbox', { name: 'Support', exact: true }).check();
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Read again after the change: colleagues added, and both can sign in; Support has a member.
    await guide.getByText('2 of 6 steps done').waitFor();
    await guide.getByText('Engineering, Finance, Supervisors and Tier 2 have no members yet').waitFor();

    // Someone added without a password (as SCIM or the API add them) has no way in yet...
    const added = await page.evaluate(async () => {
      const res = await fetch('/api/v1/people', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Cy Lo', email: 'cy@facade.example', roles: ['agent'] }),
      });
      return res.status;
    });
    expect(added).toBe(201);
    await page.reload();
    await guide.getByText('1 of 6 steps done').waitFor();
    await guide.getByText(/^Cy Lo cannot sign in yet/).waitFor();
    // ...and once the server sends e-mail, the guide invites them in one go.
    web.runtime.services.config.smtpUrl = smtp.url;
    web.runtime.services.config.publicUrl = web.url;
    await page.reload();
    await guide.getByText('2 of 6 steps done').waitFor();
    await guide.getByRole('button', { name: 'E-mail 1 invitation' }).click();
    await guide.getByText('3 of 6 steps done').waitFor();
    await guide.getByText('Everyone has a way to sign in.').waitFor();
    expect(smtp.mails.map((m) => m.to)).toEqual([['cy@facade.example']]);
    await guide.getByRole('button', { name: 'Put away' }).click();
    await guide.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('cell', { name: 'bea@facade.example' }).waitFor();
    expect(await page.getByRole('region', { name: 'Getting started' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('is done once: the setup link then says so, and the sign-in page is back', async () => {
    const { page, errors } = await browsers.open('late');
    await page.goto(`${web.url}/setup?token=${setupToken}`);
    await page.getByRole('heading', { name: 'Baton is set up', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Go to sign in' }).click();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await page.getByLabel('Work email').fill('ann@facade.example');
    await page.getByLabel('Password').fill('a long first password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
    expect(errors).toEqual([]);
  });
});
