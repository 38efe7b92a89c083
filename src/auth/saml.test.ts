import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  certificateProblem,
  certificateSummaries,
  certificatesIn,
  samlIdentityOf,
  serviceProviderMetadata,
  serviceProviderOf,
} from './saml.ts';

const pem = readFileSync(new URL('../../test/fixtures/saml/idp.crt', import.meta.url), 'utf8');
const other = readFileSync(new URL('../../test/fixtures/saml/forger.crt', import.meta.url), 'utf8');
const body = pem.replace(/-----[A-Z ]+-----|\s/g, '');
const persistent = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';

describe('who a SAML response signs in', () => {
  it('takes the address from an e-mail attribute first, in any of the names providers use', () => {
    for (const name of [
      'email',
      'Email',
      'mail',
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
      'urn:oid:0.9.2342.19200300.100.1.3',
    ])
      expect(
        samlIdentityOf({ nameID: 'abc', nameIDFormat: persistent, [name]: 'jo@acme.com' }),
        name,
      ).toEqual({
        subject: 'abc',
        email: 'jo@acme.com',
      });
    // A multi-valued attribute gives its first value.
    expect(samlIdentityOf({ nameID: 'abc', mail: ['jo@acme.com', 'j.o@acme.com'] })?.email).toBe(
      'jo@acme.com',
    );
  });

  it('falls back on a NameID that is an address, never on an opaque one', () => {
    expect(samlIdentityOf({ nameID: 'jo@acme.com' })?.email).toBe('jo@acme.com');
    expect(
      samlIdentityOf({
        nameID: 'jo@acme.com',
        nameIDFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
      })?.email,
    ).toBe('jo@acme.com');
    expect(samlIdentityOf({ nameID: 'jo@acme.com', nameIDFormat: persistent })).toBeUndefined();
    expect(samlIdentityOf({ nameID: 'a1b2c3' })).toBeUndefined();
    expect(samlIdentityOf({ nameID: 'abc', email: 'not an address' })).toBeUndefined();
    expect(samlIdentityOf({})).toBeUndefined();
  });

  it('names the person from a display name, else given and family names', () => {
    const base = { nameID: 'jo@acme.com' };
    expect(samlIdentityOf({ ...base, displayName: ' Jo Lee ' })?.name).toBe('Jo Lee');
    expect(
      samlIdentityOf({ ...base, 'http://schemas.microsoft.com/identity/claims/displayname': 'Jo Lee' })?.name,
    ).toBe('Jo Lee');
    expect(samlIdentityOf({ ...base, firstName: 'Jo', lastName: 'Lee' })?.name).toBe('Jo Lee');
    expect(samlIdentityOf({ ...base, givenName: 'Jo' })?.name).toBe('Jo');
    expect(samlIdentityOf(base)).toEqual({ subject: 'jo@acme.com', email: 'jo@acme.com' });
  });
});

describe('signing certificates as admins paste them', () => {
  it('reads PEM, bare base64, and several blocks while a provider rolls its key over', () => {
    expect(certificatesIn(pem)).toHaveLength(1);
    expect(certificateSummaries(body)).toEqual(certificateSummaries(pem));
    const two = certificateSummaries(`${pem}\n${other}`);
    expect(two.map((c) => c.subject)).toEqual([
      'CN=Baton test identity provider (idp)',
      'CN=Baton test identity provider (forger)',
    ]);
    expect(two[0]!.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(two[0]!.validTo).toBe('2126-11-12T10:54:47.000Z');
  });

  it('says why a text is no certificate', () => {
    expect(certificateProblem(pem)).toBeUndefined();
    expect(certificateProblem('hello')).toMatch(/is not a certificate/);
    expect(certificateProblem('   ')).toMatch(/give the identity provider/);
    expect(certificateProblem(`${pem}\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----`)).toBe(
      'certificate 2 is not a certificate',
    );
  });
});

describe("Baton's service provider", () => {
  it('is named on the public address when there is one, and its metadata says where to post', () => {
    const sp = serviceProviderOf('https://baton.acme.com', 'http://10.0.0.5:3000');
    expect(sp).toEqual({
      entityId: 'https://baton.acme.com/api/v1/auth/sso/saml/metadata',
      acsUrl: 'https://baton.acme.com/api/v1/auth/sso/saml',
      metadataUrl: 'https://baton.acme.com/api/v1/auth/sso/saml/metadata',
    });
    expect(serviceProviderOf(undefined, 'http://10.0.0.5:3000').acsUrl).toBe(
      'http://10.0.0.5:3000/api/v1/auth/sso/saml',
    );
    const xml = serviceProviderMetadata({ ...sp, acsUrl: 'https://baton.acme.com/a?b=1&c="2"' });
    expect(xml).toContain('entityID="https://baton.acme.com/api/v1/auth/sso/saml/metadata"');
    expect(xml).toContain('Location="https://baton.acme.com/a?b=1&amp;c=&quot;2&quot;"');
    expect(xml).toContain('WantAssertionsSigned="true"');
  });
});
