// Reads an identity provider's SAML metadata (the XML Okta, Entra ID, Google Workspace and ADFS
// offer to download) into the settings' fields, in the browser: nothing is sent anywhere.

const md = 'urn:oasis:names:tc:SAML:2.0:metadata';
const ds = 'http://www.w3.org/2000/09/xmldsig#';
const redirectBinding = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

export type IdpMetadata = { signInUrl: string; entityId: string; certificate: string };

/** The provider's sign-in URL (HTTP-Redirect), entity ID and signing certificates, or why not. */
export function idpMetadataOf(xml: string): IdpMetadata | { problem: string } {
  const doc = new DOMParser().parseFromString(xml.trim(), 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) return { problem: 'This is not XML.' };
  const descriptor = doc.getElementsByTagNameNS(md, 'IDPSSODescriptor')[0];
  if (!descriptor)
    return { problem: 'This is not an identity provider’s SAML metadata (no IDPSSODescriptor).' };
  let entity: Element | null = descriptor;
  while (entity && entity.localName !== 'EntityDescriptor') entity = entity.parentElement;
  const services = [...descriptor.getElementsByTagNameNS(md, 'SingleSignOnService')];
  const signInUrl = services
    .find((s) => s.getAttribute('Binding') === redirectBinding)
    ?.getAttribute('Location');
  if (!signInUrl)
    return { problem: 'The metadata names no sign-in URL for the HTTP-Redirect binding, which Baton uses.' };
  // Keys for signing, or for any use when the provider does not say.
  const keys = [...descriptor.getElementsByTagNameNS(md, 'KeyDescriptor')].filter(
    (k) => (k.getAttribute('use') ?? 'signing') === 'signing',
  );
  const certificates = [
    ...new Set(
      keys.flatMap((k) =>
        [...k.getElementsByTagNameNS(ds, 'X509Certificate')].map((c) =>
          (c.textContent ?? '').replace(/\s+/g, ''),
        ),
      ),
    ),
  ].filter(Boolean);
  if (certificates.length === 0) return { problem: 'The metadata holds no signing certificate.' };
  const pem = (body: string) =>
    `-----BEGIN CERTIFICATE-----\n${body.replace(/(.{64})/g, '$1\n').trimEnd()}\n-----END CERTIFICATE-----`;
  return {
    signInUrl,
    entityId: entity?.getAttribute('entityID') ?? '',
    certificate: certificates.map(pem).join('\n'),
  };
}
