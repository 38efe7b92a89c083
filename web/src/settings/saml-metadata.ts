// Reads an identity provider's pasted SAML metadata in the browser: nothing is sent anywhere.
import { type IdpMetadata, idpMetadataIn } from '../../../src/auth/saml-metadata.ts';

export type { IdpMetadata };

/** The provider's sign-in URL, entity ID and signing certificates, or why not. */
export function idpMetadataOf(xml: string): IdpMetadata | { problem: string } {
  const doc = new DOMParser().parseFromString(xml.trim(), 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) return { problem: 'This is not XML.' };
  return idpMetadataIn(doc);
}
