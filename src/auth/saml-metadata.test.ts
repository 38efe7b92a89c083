import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { idpMetadataIn, pemOf } from './saml-metadata.ts';

const md = (descriptor: string) =>
  new DOMParser().parseFromString(
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://idp.acme.example/saml">${descriptor}</md:EntityDescriptor>`,
    'text/xml',
  );
const key = (body: string, use?: string) =>
  `<md:KeyDescriptor${use ? ` use="${use}"` : ''}><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${body}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
const redirect =
  '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.acme.example/sso"/>';
const post =
  '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.acme.example/post"/>';

describe("an identity provider's SAML metadata", () => {
  it('gives the HTTP-Redirect sign-in URL, the entity ID and every signing certificate, once each', () => {
    const doc = md(
      `<md:IDPSSODescriptor>${key('AAAA\n BBBB', 'signing')}${key('CCCC')}${key('DDDD', 'encryption')}${key('AAAABBBB')}${post}${redirect}</md:IDPSSODescriptor>`,
    );
    expect(idpMetadataIn(doc)).toEqual({
      signInUrl: 'https://idp.acme.example/sso',
      entityId: 'https://idp.acme.example/saml',
      certificate: `${pemOf('AAAABBBB')}\n${pemOf('CCCC')}`,
    });
  });

  it('says why when it is not usable metadata', () => {
    expect(idpMetadataIn(md('<md:SPSSODescriptor/>'))).toEqual({
      problem: expect.stringMatching(/no IDPSSODescriptor/),
    });
    expect(idpMetadataIn(md(`<md:IDPSSODescriptor>${key('AAAA')}${post}</md:IDPSSODescriptor>`))).toEqual({
      problem: expect.stringMatching(/no sign-in URL for the HTTP-Redirect binding/),
    });
    expect(
      idpMetadataIn(md(`<md:IDPSSODescriptor>${key('AAAA', 'encryption')}${redirect}</md:IDPSSODescriptor>`)),
    ).toEqual({ problem: 'The metadata holds no signing certificate.' });
  });

  it('wraps a certificate body in PEM, 64 characters a line', () => {
    expect(pemOf('x'.repeat(70))).toBe(
      `-----BEGIN CERTIFICATE-----\n${'x'.repeat(64)}\n${'x'.repeat(6)}\n-----END CERTIFICATE-----`,
    );
  });
});
