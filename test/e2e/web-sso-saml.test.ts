import { X509Certificate } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { screenshot } from '../support/browser.ts';
import {
  idpEntityId,
  idpKey,
  idpMetadata,
  startSamlIdentityProvider,
} from '../support/saml-identity-provider.ts';
import { withWebApp } from '../support/web-app.ts';

/**
 * SAML single sign-on in the browser: an admin sets it up in Settings > Security from the identity
 * provider's metadata (what to register at the provider shown to copy, the certificate then shown
 * by whose it is and its fingerprint), and a person signs in from the sign-in page through a
 * provider on another site (`localhost` against Baton's 127.0.0.1), whose page posts the signed
 * response back: the cookie that binds the sign-in must survive that cross-site post.
 */
const app = withWebApp({ people: ['ines', 'amara'], shots: 'sso-saml' });
let idp: Awaited<ReturnType<typeof startSamlIdentityProvider>> | undefined;
afterAll(async () => {
  await idp?.close();
});

describe('web app: SAML single sign-on [pglite]', () => {
  it("lets an admin set it up from the provider's metadata", async () => {
    idp = await startSamlIdentityProvider({ 'amara@northwind.example': {} });
    app.web.runtime.services.config.ssoAllowHttp = true;
    const { page, errors } = await app.signedIn('ines', 'ines@northwind.example');
    await page.goto(`${app.url}/settings/security`);
    const form = page.getByTestId('single-sign-on');
    await form.getByLabel('SAML 2.0').check();
    expect(await form.getByLabel('Reply URL (Assertion Consumer Service)').inputValue()).toBe(
      `${app.url}/api/v1/auth/sso/saml`,
    );
    expect(await form.getByLabel('Entity ID (audience)').inputValue()).toBe(
      `${app.url}/api/v1/auth/sso/saml/metadata`,
    );
    const metadata = form.getByLabel('Identity provider metadata (optional)');
    await metadata.fill('<html><body>not metadata</body></html>');
    await form.getByRole('button', { name: 'Fill in from metadata' }).click();
    await form
      .getByRole('alert')
      .getByText(/not an identity provider’s SAML metadata/)
      .waitFor();
    await metadata.fill(idpMetadata(idp.signInUrl));
    await form.getByRole('button', { name: 'Fill in from metadata' }).click();
    await form.getByRole('status').getByText('Filled in from the metadata').waitFor();
    expect(await form.getByLabel('Sign-in URL').inputValue()).toBe(idp.signInUrl);
    expect(await form.getByLabel('Identity provider entity ID (issuer)').inputValue()).toBe(idpEntityId);
    expect(await form.getByLabel('Signing certificate').inputValue()).toContain(
      '-----BEGIN CERTIFICATE-----',
    );

    // Saved without a domain: the field at fault says so, focused.
    await form.getByRole('switch', { name: 'Sign people in with single sign-on' }).check();
    await form.getByRole('button', { name: 'Save single sign-on' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('sso-domains');
    await form.getByLabel('E-mail domains').fill('northwind.example');
    await form.getByRole('button', { name: 'Save single sign-on' }).click();
    await form.getByRole('status').getByText('Saved: single sign-on is on.').waitFor();
    const certificates = form.getByTestId('saml-certificates');
    await certificates.getByText('CN=Baton test identity provider (idp)').waitFor();
    await certificates.getByText(new X509Certificate(idpKey.cert).fingerprint256).waitFor();
    expect(await form.locator('#saml-certificate').count()).toBe(0);
    const saved = (await app.call('GET', '/api/v1/settings/single-sign-on')) as Record<string, unknown>;
    expect(saved).toMatchObject({ enabled: true, protocol: 'saml', samlSignInUrl: idp.signInUrl });
    expect(await axeViolations(page)).toEqual([]);
    await form.scrollIntoViewIfNeeded();
    await screenshot(page, 'saml-settings');
    expect(await certificates.getByText(/Expire/).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('warns an admin a month before the certificate expires, and once it has', async () => {
    const validTo = new Date(new X509Certificate(idpKey.cert).validTo).getTime();
    const { page, context } = await app.signedIn('ines-later', 'ines@northwind.example');
    await page.clock.install({ time: new Date(validTo - 12.5 * 86_400_000) });
    await page.goto(`${app.url}/settings/security`);
    const certificates = page.getByTestId('saml-certificates');
    await certificates.getByText('Expires in 12 days').waitFor();
    await certificates.getByText(/Paste the provider’s next certificate beside this one/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await certificates.scrollIntoViewIfNeeded();
    await screenshot(page, 'saml-certificate-expiring');
    const later = await context.newPage();
    await later.clock.install({ time: new Date(validTo + 86_400_000) });
    await later.goto(`${app.url}/settings/security`);
    await later.getByTestId('saml-certificates').getByText('Expired').waitFor();
  });

  it('signs a person in at the SAML provider from the sign-in page, across sites', async () => {
    const { page, errors } = await app.browser('amara-saml');
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Sign in with single sign-on', exact: true }).click();
    await page.getByLabel('Work email').fill('amara@northwind.example');
    await page.getByRole('button', { name: 'Continue with single sign-on' }).click();
    await page.getByTestId('current-person').waitFor();
    expect(new URL(page.url()).origin).toBe(app.url);
    await page.getByTestId('current-person').click();
    await page.locator('#account-menu').getByRole('button', { name: 'Your sessions' }).click();
    await page
      .getByRole('dialog', { name: 'Your sessions' })
      .getByTestId('session')
      .getByText(/^Signed in with single sign-on /)
      .waitFor();
    await screenshot(page, 'saml-signed-in');
    expect(errors).toEqual([]);
  });

  it("reads the provider's metadata from its address, saying when and what it read", async () => {
    const { page, errors } = await app.signedIn('ines-metadata', 'ines@northwind.example');
    await page.goto(`${app.url}/settings/security`);
    const form = page.getByTestId('single-sign-on');
    const address = form.getByLabel('Metadata URL');
    await address.fill(`${idp!.metadataUrl}-gone`);
    // The typed fields give way to the metadata's.
    await form
      .getByText(/reads the sign-in URL, entity ID and signing certificates from this address/)
      .waitFor();
    expect(await form.getByLabel('Sign-in URL').count()).toBe(0);
    await form.getByRole('button', { name: 'Save single sign-on' }).click();
    await form.getByText(/answered HTTP 404/).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('saml-metadata-url');
    await address.fill(idp!.metadataUrl);
    await form.getByRole('button', { name: 'Save single sign-on' }).click();
    await form.getByRole('status').getByText('Saved: single sign-on is on.').waitFor();
    const read = form.getByTestId('saml-metadata-read');
    await read.getByText(/read again every day/).waitFor();
    await read.getByText('CN=Baton test identity provider (idp)').waitFor();
    await read.getByText(idp!.signInUrl).waitFor();
    const saved = (await app.call('GET', '/api/v1/settings/single-sign-on')) as Record<string, unknown>;
    expect(saved).toMatchObject({
      samlMetadataUrl: idp!.metadataUrl,
      samlSignInUrl: idp!.signInUrl,
      samlMetadataProblem: null,
    });
    expect(await axeViolations(page)).toEqual([]);
    await read.scrollIntoViewIfNeeded();
    await screenshot(page, 'saml-metadata-url');
    expect(errors.filter((e) => !/422/.test(e))).toEqual([]);
  });
});
