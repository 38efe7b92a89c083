import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { txtLookup } from '../../src/auth/dns-lookup.ts';
import { recheckProvedDomains } from '../../src/auth/domain-recheck.jobs.ts';
import { demoPassword } from '../../src/demo/organisation.ts';
import { axeViolations } from '../support/axe.ts';
import { screenshot } from '../support/browser.ts';
import { startDnsServer } from '../support/dns-server.ts';
import { startIdentityProvider, testClient } from '../support/identity-provider.ts';
import { type Browser, withWebApp } from '../support/web-app.ts';

/**
 * Single sign-on in the browser, through a real OpenID Connect provider (oidc-provider on
 * 127.0.0.1): an admin sets it up in Settings > Security (errors at their field, the secret never
 * shown again), a person signs in from the sign-in page at the provider and lands in Baton, a
 * refusal comes back in words, and an agent whose organisation keeps passwords for admins is sent
 * to single sign-on with it focused.
 */
const app = withWebApp({ people: ['ines', 'amara'], shots: 'sso' });
let idp: Awaited<ReturnType<typeof startIdentityProvider>> | undefined;
let dns: Awaited<ReturnType<typeof startDnsServer>> | undefined;
afterAll(async () => {
  await idp?.close();
  await dns?.close();
});

const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

/** A browser that reaches nothing off this machine (the provider's login page asks for a web font). */
async function offline(b: Browser) {
  await b.context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  return b;
}

/** From the sign-in page, through the provider's login form, back to Baton. */
async function signInWithSso(page: Page, email: string) {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Sign in with single sign-on', exact: true }).click();
  await page.getByLabel('Work email').fill(email);
  await page.getByRole('button', { name: 'Continue with single sign-on' }).click();
  // The provider's own (development) login form: the address arrives as its login hint.
  await page.locator('input[name=password]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

describe('web app: single sign-on [pglite]', () => {
  it('lets an admin set it up in Settings > Security, with errors at their field and the secret write-only', async () => {
    const callback = `${app.url}/api/v1/auth/sso/callback`;
    idp = await startIdentityProvider([callback], {
      'amara@northwind.example': { email: 'amara@northwind.example', email_verified: true },
      'priya@northwind.example': { email: 'priya@northwind.example', email_verified: false },
    });
    app.web.runtime.services.config.ssoAllowHttp = true;
    const { page, errors } = await app.signedIn('ines', 'ines@northwind.example');
    await page.goto(`${app.url}/settings/security`);
    const form = page.getByTestId('single-sign-on');
    await form.getByLabel('Issuer').fill('http://idp.northwind.example');
    await form.getByLabel('Client ID').fill(testClient.clientId);
    await form.getByLabel('Client secret').fill(testClient.clientSecret);
    await form.getByLabel('E-mail domains').fill('Northwind.example');
    await form.getByRole('switch', { name: 'Sign people in with single sign-on' }).check();
    expect(await form.getByLabel('Redirect URI to register at the provider').inputValue()).toBe(callback);
    await form.getByRole('button', { name: 'Save single sign-on' }).click();
    await form.locator('#sso-issuer-error').getByText('Must be an https URL.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('sso-issuer');

    await form.getByLabel('Issuer').fill(idp.issuer);
    await form.getByLabel('People of these domains whom Baton does not know yet').selectOption('agent');
    await form.getByRole('button', { name: 'Save single sign-on' }).click();
    await form.getByRole('status').getByText('Saved: single sign-on is on.').waitFor();
    await form.getByTestId('sso-secret-set').getByText('A client secret is set').waitFor();
    expect(await form.locator('#sso-client-secret').count()).toBe(0);
    expect(await page.content()).not.toContain(testClient.clientSecret);
    const saved = (await app.call('GET', '/api/v1/settings/single-sign-on')) as Record<string, unknown>;
    expect(saved).toMatchObject({
      enabled: true,
      emailDomains: ['northwind.example'],
      clientSecretSet: true,
      addPeopleAs: 'agent',
    });

    // Replace secret opens the field, focused.
    await form.getByRole('button', { name: 'Replace secret' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('sso-client-secret');
    expect(await axeViolations(page)).toEqual([]);
    await form.scrollIntoViewIfNeeded();
    await screenshot(page, 'sso-settings');
    expect(errors).toEqual([]);
  });

  it('signs a person in at the identity provider from the sign-in page', async () => {
    const { page, errors } = await offline(await app.browser('amara-sso'));
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Sign in with single sign-on', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in with single sign-on' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sso-sign-in');
    await signInWithSso(page, 'amara@northwind.example');
    await page.getByTestId('current-person').waitFor();
    expect(new URL(page.url()).origin).toBe(app.url);
    await screenshot(page, 'sso-signed-in');
    // Your sessions says how this one signed in.
    await page.getByTestId('current-person').click();
    await page.locator('#account-menu').getByRole('button', { name: 'Your sessions' }).click();
    await page
      .getByRole('dialog', { name: 'Your sessions' })
      .getByTestId('session')
      .getByText(/^Signed in with single sign-on /)
      .waitFor();
    expect(errors.filter((e) => !/fonts|ERR_FAILED/.test(e))).toEqual([]);
  });

  it('says in words why single sign-on failed', async () => {
    const { page } = await offline(await app.browser('priya-sso'));
    await signInWithSso(page, 'priya@northwind.example');
    await page
      .getByRole('alert')
      .getByText(/does not confirm that e-mail address/)
      .waitFor();
    // The code leaves the address bar once read.
    await page.waitForURL((url) => !url.search.includes('sso_error'));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sso-refused');
  });

  it('sends an agent to single sign-on, focused, when the organisation keeps passwords for admins', async () => {
    const saved = (await app.call('GET', '/api/v1/settings/single-sign-on')) as Record<string, unknown>;
    await app.call('PUT', '/api/v1/settings/single-sign-on', {
      enabled: true,
      issuer: saved.issuer,
      clientId: saved.clientId,
      emailDomains: saved.emailDomains,
      passwordSignIn: 'admins_only',
    });
    const { page } = await offline(await app.browser('amara-password'));
    await page.goto(app.url);
    await page.getByLabel('Work email').fill('amara@northwind.example');
    await page.getByLabel('Password').fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in with single sign-on' }).waitFor();
    await page
      .getByRole('alert')
      .getByText(/Your organisation signs you in with single sign-on/)
      .waitFor();
    await expect.poll(() => focused(page)).toBe('Continue with single sign-on');
    await screenshot(page, 'sso-required');
    // Enter goes on with the address already given.
    await page.keyboard.press('Enter');
    await page.locator('input[name=password]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByTestId('current-person').waitFor();
  });

  it('shows the DNS record that proves a new domain where proof is asked, and checks it', async () => {
    dns = await startDnsServer();
    const { config } = app.web.runtime.services;
    config.ssoDomainProof = 'dns';
    config.dnsServers = dns.servers;
    const { page, errors } = await app.signedIn('ines-domains', 'ines@northwind.example');
    await page.goto(`${app.url}/settings/security`);
    const form = page.getByTestId('single-sign-on');
    // Saved before proof was asked, the first domain signs in as it did: no record to publish.
    const proofs = page.getByTestId('sso-domain-proofs');
    await proofs.getByText('Signs in').waitFor();
    expect(await proofs.getByLabel('TXT record value').count()).toBe(0);
    await form.getByLabel('E-mail domains').fill('northwind.example, eu.northwind.example');
    await form.getByRole('button', { name: 'Save single sign-on' }).click();
    await form
      .getByText('Prove each new domain under Domain ownership before its people can sign in.')
      .waitFor();

    const eu = proofs.locator('li', { hasText: 'eu.northwind.example' });
    await eu.getByText('Not proved: signs nobody in').waitFor();
    expect(
      await proofs
        .locator('li', { hasText: /^northwind\.example/ })
        .getByText('Signs in')
        .count(),
    ).toBe(1);
    expect(await eu.getByLabel('TXT record name').inputValue()).toBe('_baton-challenge.eu.northwind.example');
    const value = await eu.getByLabel('TXT record value').inputValue();
    expect(value).toMatch(/^baton-domain-verification=[0-9a-f]{32}$/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sso-domain-proof');

    const check = eu.getByRole('button', { name: 'Check DNS record for eu.northwind.example' });
    await check.click();
    await eu.getByText(/No TXT record at _baton-challenge\.eu\.northwind\.example yet/).waitFor();
    dns.publish('_baton-challenge.eu.northwind.example', ['an old value']);
    await check.click();
    await eu.getByText('DNS answers: “an old value”.').waitFor();
    dns.publish('_baton-challenge.eu.northwind.example', [value]);
    await check.click();
    await proofs
      .getByText('eu.northwind.example is proved: its people now sign in with single sign-on.')
      .waitFor();
    await eu.getByText('Proved by DNS').waitFor();
    expect(await eu.getByLabel('TXT record value').count()).toBe(0);

    // A day later the daily check no longer finds the record: the page says until when it signs in,
    // with the record to put back; put back and checked, the warning goes.
    dns.publish('_baton-challenge.eu.northwind.example');
    const later = new Date(Date.now() + 25 * 3_600_000);
    const [missing] = await recheckProvedDomains(app.web.runtime.services, later, txtLookup(dns.servers));
    expect(missing).toMatchObject({ domain: 'eu.northwind.example', found: 'missing', unproved: false });
    await page.reload();
    await eu.getByText('Proved, record missing').waitFor();
    await eu
      .getByRole('alert')
      .getByText(
        /daily check has not found the TXT record since .*eu\.northwind\.example stops signing anyone in/,
      )
      .waitFor();
    expect(await eu.getByLabel('TXT record value').inputValue()).toBe(value);
    expect(await axeViolations(page)).toEqual([]);
    await eu.scrollIntoViewIfNeeded();
    await screenshot(page, 'sso-domain-record-missing');
    dns.publish('_baton-challenge.eu.northwind.example', [value]);
    await check.click();
    await proofs.getByText('eu.northwind.example’s record is back: it stays proved.').waitFor();
    await eu.getByText('Proved by DNS').waitFor();
    expect(await eu.getByRole('alert').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
