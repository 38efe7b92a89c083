// Single sign-on's SAML 2.0 rules: pure. Baton is the service provider; the organisation's identity
// provider (Okta, Microsoft Entra ID, Google Workspace, ADFS, Keycloak, …) signs what it answers.
import { X509Certificate } from 'node:crypto';

/** Where the identity provider posts its response (the Assertion Consumer Service, HTTP-POST). */
export const samlAcsPath = '/api/v1/auth/sso/saml';
/** Baton's service provider metadata; its address is also Baton's entity ID. */
export const samlMetadataPath = '/api/v1/auth/sso/saml/metadata';

/** The NameID Baton asks for: the person's e-mail address. */
export const emailNameIdFormat = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';

/** Who a checked SAML response says signed in: kept on the attempt until the browser comes back. */
export type SamlIdentity = { subject: string; email: string; name?: string };

/** What an admin registers at the identity provider for Baton, on its public address. */
export function serviceProviderOf(publicUrl: string | undefined, requestOrigin: string) {
  const base = publicUrl ?? requestOrigin;
  return {
    entityId: `${base}${samlMetadataPath}`,
    acsUrl: `${base}${samlAcsPath}`,
    metadataUrl: `${base}${samlMetadataPath}`,
  };
}
export type ServiceProvider = ReturnType<typeof serviceProviderOf>;

const xmlEscaped = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Baton's metadata as identity providers import it: the entity ID, the address responses are posted
 * to, and the address asked for as NameID. Baton signs no requests and asks for signed assertions.
 */
export function serviceProviderMetadata(sp: ServiceProvider): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${xmlEscaped(sp.entityId)}">`,
    '  <md:SPSSODescriptor AuthnRequestsSigned="false" WantAssertionsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">',
    `    <md:NameIDFormat>${emailNameIdFormat}</md:NameIDFormat>`,
    `    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${xmlEscaped(sp.acsUrl)}" index="0" isDefault="true"/>`,
    '  </md:SPSSODescriptor>',
    '</md:EntityDescriptor>',
    '',
  ].join('\n');
}

/**
 * The certificates in what an admin pasted, as PEM: each `BEGIN CERTIFICATE` block, or one bare
 * base64 body as identity providers' metadata and consoles show it. Several let a provider roll its
 * key over: a response signed by any of them passes.
 */
export function certificatesIn(text: string): string[] {
  const blocks = [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map(
    (m) => m[1]!,
  );
  const bodies = blocks.length ? blocks : [text];
  return bodies
    .map((body) => body.replace(/\s+/g, ''))
    .filter((body) => body.length > 0)
    .map(
      (body) =>
        `-----BEGIN CERTIFICATE-----\n${body.replace(/(.{64})/g, '$1\n').trimEnd()}\n-----END CERTIFICATE-----`,
    );
}

/** A signing certificate as an admin checks it: whose it is, until when, and its SHA-256 fingerprint. */
export type CertificateSummary = { subject: string; validTo: string; fingerprint: string };

/** The certificates of `text` summarised; throws with the reason when one is not a certificate. */
export function certificateSummaries(text: string): CertificateSummary[] {
  const found = certificatesIn(text);
  if (found.length === 0) throw new Error('give the identity provider’s signing certificate');
  return found.map((pem, i) => {
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(pem);
    } catch {
      throw new Error(
        found.length === 1
          ? 'is not a certificate: paste it as PEM (-----BEGIN CERTIFICATE-----) or its base64 text'
          : `certificate ${i + 1} is not a certificate`,
      );
    }
    return {
      subject: cert.subject.replace(/\n/g, ', '),
      validTo: new Date(cert.validTo).toISOString(),
      fingerprint: cert.fingerprint256,
    };
  });
}

/** The certificates' SHA-256 fingerprints, as the admin change log names them. */
export const fingerprintsOf = (text: string | null | undefined) =>
  text
    ? certificateSummaries(text)
        .map((c) => c.fingerprint)
        .join(', ') || null
    : null;

/** Why a certificate text cannot be used, or undefined. */
export function certificateProblem(text: string): string | undefined {
  try {
    certificateSummaries(text);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

// Attribute names identity providers put the address and the name under: their own names, the
// claims Microsoft's providers send, and the LDAP object identifiers (lower case, compared so).
const emailAttributes = [
  'email',
  'mail',
  'emailaddress',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  'urn:oid:0.9.2342.19200300.100.1.3',
  'user.email',
];
const nameAttributes = [
  'displayname',
  'http://schemas.microsoft.com/identity/claims/displayname',
  'urn:oid:2.16.840.1.113730.3.1.241',
  'name',
  'fullname',
];
const givenNameAttributes = [
  'givenname',
  'firstname',
  'first_name',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
  'urn:oid:2.5.4.42',
];
const familyNameAttributes = [
  'sn',
  'surname',
  'lastname',
  'last_name',
  'familyname',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
  'urn:oid:2.5.4.4',
];

/** The first non-empty text among the attributes of those names (a multi-valued one gives its first). */
function attribute(profile: Record<string, unknown>, names: string[]): string | undefined {
  const byName = new Map(Object.entries(profile).map(([k, v]) => [k.toLowerCase(), v]));
  for (const name of names) {
    const value = byName.get(name);
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string' && first.trim()) return first.trim();
  }
  return undefined;
}

const looksLikeAddress = (text: string) => /^[^\s@]+@[^\s@]+$/.test(text);

// NameID formats that are identifiers, not addresses, whatever they look like.
const opaqueFormats = new Set([
  'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
]);

/**
 * Who a checked response names: the address from an e-mail attribute, else from the NameID when it
 * is an address (as Baton asks); the name from a display-name attribute, else given and family
 * names. None when it gives no address: Baton knows people by their address.
 */
export function samlIdentityOf(profile: {
  nameID?: string;
  nameIDFormat?: string;
  [attribute: string]: unknown;
}): SamlIdentity | undefined {
  const nameId = profile.nameID?.trim();
  const fromNameId =
    nameId && looksLikeAddress(nameId) && !opaqueFormats.has(profile.nameIDFormat ?? '') ? nameId : undefined;
  const fromAttribute = attribute(profile, emailAttributes);
  const email = fromAttribute && looksLikeAddress(fromAttribute) ? fromAttribute : fromNameId;
  if (!email) return undefined;
  const parts = [attribute(profile, givenNameAttributes), attribute(profile, familyNameAttributes)].filter(
    Boolean,
  );
  const name = attribute(profile, nameAttributes) ?? (parts.length ? parts.join(' ') : undefined);
  return { subject: nameId ?? email, email, ...(name ? { name: name.slice(0, 200) } : {}) };
}
