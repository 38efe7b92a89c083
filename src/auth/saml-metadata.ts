// An identity provider's SAML metadata (the XML Okta, Entra ID, Google Workspace, ADFS and Keycloak
// publish at an address and offer to download) read into single sign-on's settings. Pure: the page
// hands it the browser's parsed document, the server xmldom's; both are this much of the DOM.

type MetadataElement = {
  localName: string | null;
  textContent: string | null;
  parentNode: unknown;
  getAttribute: (name: string) => string | null;
  getElementsByTagNameNS: (ns: string, name: string) => ArrayLike<MetadataElement>;
};
type MetadataDocument = Pick<MetadataElement, 'getElementsByTagNameNS'>;

const md = 'urn:oasis:names:tc:SAML:2.0:metadata';
const ds = 'http://www.w3.org/2000/09/xmldsig#';
const redirectBinding = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

export type IdpMetadata = { signInUrl: string; entityId: string; certificate: string };

/** A certificate's base64 body as PEM, 64 characters a line. */
export const pemOf = (body: string) =>
  `-----BEGIN CERTIFICATE-----\n${body.replace(/(.{64})/g, '$1\n').trimEnd()}\n-----END CERTIFICATE-----`;

/** The provider's sign-in URL (HTTP-Redirect), entity ID and signing certificates, or why not. */
export function idpMetadataIn(doc: MetadataDocument): IdpMetadata | { problem: string } {
  const descriptor = Array.from(doc.getElementsByTagNameNS(md, 'IDPSSODescriptor'))[0];
  if (!descriptor)
    return { problem: 'This is not an identity provider’s SAML metadata (no IDPSSODescriptor).' };
  let entity: unknown = descriptor;
  while (entity && (entity as MetadataElement).localName !== 'EntityDescriptor')
    entity = (entity as MetadataElement).parentNode;
  const signInUrl = Array.from(descriptor.getElementsByTagNameNS(md, 'SingleSignOnService'))
    .map((s) => (s.getAttribute('Binding') === redirectBinding ? s.getAttribute('Location') : null))
    .find(Boolean);
  if (!signInUrl)
    return { problem: 'The metadata names no sign-in URL for the HTTP-Redirect binding, which Baton uses.' };
  // Keys for signing, or for any use when the provider does not say.
  const keys = Array.from(descriptor.getElementsByTagNameNS(md, 'KeyDescriptor')).filter(
    (k) => (k.getAttribute('use') || 'signing') === 'signing',
  );
  const certificates = [
    ...new Set(
      keys.flatMap((k) =>
        Array.from(k.getElementsByTagNameNS(ds, 'X509Certificate')).map((c) =>
          (c.textContent ?? '').replace(/\s+/g, ''),
        ),
      ),
    ),
  ].filter(Boolean);
  if (certificates.length === 0) return { problem: 'The metadata holds no signing certificate.' };
  return {
    signInUrl,
    entityId: entity ? ((entity as MetadataElement).getAttribute('entityID') ?? '') : '',
    certificate: certificates.map(pemOf).join('\n'),
  };
}
