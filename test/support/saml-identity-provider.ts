import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inflateRawSync } from 'node:zlib';
import { SignedXml } from 'xml-crypto';

/**
 * A SAML 2.0 identity provider for the single sign-on tests: it reads Baton's authentication
 * request and answers with a response signed as real providers sign them (xml-crypto, RSA-SHA256,
 * exclusive canonicalisation), by its own key or, to test refusals, by another's. Test keys only
 * (`test/fixtures/saml/`, made with openssl for these tests).
 */
const fixture = (name: string) => readFileSync(new URL(`../fixtures/saml/${name}`, import.meta.url), 'utf8');
export const idpKey = { key: fixture('idp.key'), cert: fixture('idp.crt') };
export const forgerKey = { key: fixture('forger.key'), cert: fixture('forger.crt') };
export const idpEntityId = 'https://idp.northwind.test/saml';

/** What Baton asked for, read from the redirect's `SAMLRequest` (deflated, base64). */
export function readRequest(url: URL) {
  const xml = inflateRawSync(Buffer.from(url.searchParams.get('SAMLRequest') ?? '', 'base64')).toString();
  const attribute = (name: string) => xml.match(new RegExp(`${name}="([^"]*)"`))?.[1];
  return {
    xml,
    id: attribute('ID')!,
    acsUrl: attribute('AssertionConsumerServiceURL')!,
    issuer: xml.match(/<saml:Issuer[^>]*>([^<]*)</)?.[1],
    relayState: url.searchParams.get('RelayState') ?? undefined,
  };
}

export type ResponseSpec = {
  inResponseTo: string;
  acsUrl: string;
  audience: string;
  email?: string;
  nameId?: string;
  nameIdFormat?: string;
  attributes?: Record<string, string>;
  issuer?: string;
  /** Which element carries the signature (default the assertion), or none. */
  signed?: 'assertion' | 'response' | 'none';
  signer?: { key: string; cert: string };
  /** Seconds the assertion stays valid from now (negative: expired already). */
  validForS?: number;
};

const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const id = () => `_${randomBytes(16).toString('hex')}`;

/** A signed `<samlp:Response>` for Baton's request, base64 as the HTTP-POST binding carries it. */
export function samlResponse(spec: ResponseSpec): string {
  const now = new Date();
  const until = new Date(now.getTime() + (spec.validForS ?? 300) * 1000).toISOString();
  const before = new Date(now.getTime() - 60_000).toISOString();
  const issuer = spec.issuer ?? idpEntityId;
  const format = spec.nameIdFormat ?? 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
  const nameId = spec.nameId ?? spec.email ?? '';
  const attributes = Object.entries(spec.attributes ?? {})
    .map(
      ([name, value]) =>
        `<saml:Attribute Name="${escaped(name)}"><saml:AttributeValue>${escaped(value)}</saml:AttributeValue></saml:Attribute>`,
    )
    .join('');
  const assertionId = id();
  const assertion = [
    `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${assertionId}" Version="2.0" IssueInstant="${now.toISOString()}">`,
    `<saml:Issuer>${escaped(issuer)}</saml:Issuer>`,
    `<saml:Subject><saml:NameID Format="${format}">${escaped(nameId)}</saml:NameID>`,
    '<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">',
    `<saml:SubjectConfirmationData InResponseTo="${spec.inResponseTo}" NotOnOrAfter="${until}" Recipient="${escaped(spec.acsUrl)}"/>`,
    '</saml:SubjectConfirmation></saml:Subject>',
    `<saml:Conditions NotBefore="${before}" NotOnOrAfter="${until}"><saml:AudienceRestriction><saml:Audience>${escaped(spec.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>`,
    `<saml:AuthnStatement AuthnInstant="${now.toISOString()}" SessionIndex="${id()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`,
    attributes ? `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` : '',
    '</saml:Assertion>',
  ].join('');
  const response = [
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id()}" Version="2.0" IssueInstant="${now.toISOString()}" Destination="${escaped(spec.acsUrl)}" InResponseTo="${spec.inResponseTo}">`,
    `<saml:Issuer>${escaped(issuer)}</saml:Issuer>`,
    '<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>',
    assertion,
    '</samlp:Response>',
  ].join('');
  const signed = spec.signed ?? 'assertion';
  const xml = signed === 'none' ? response : sign(response, signed, spec.signer ?? idpKey);
  return Buffer.from(xml).toString('base64');
}

function sign(xml: string, what: 'assertion' | 'response', signer: { key: string; cert: string }) {
  const element = what === 'assertion' ? 'Assertion' : 'Response';
  const signature = new SignedXml({
    privateKey: signer.key,
    publicCert: signer.cert,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  signature.addReference({
    xpath: `//*[local-name(.)='${element}']`,
    transforms: [
      'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
      'http://www.w3.org/2001/10/xml-exc-c14n#',
    ],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  // As the schema orders it: the signature right after the element's own Issuer.
  signature.computeSignature(xml, {
    location: { reference: `//*[local-name(.)='${element}']/*[local-name(.)='Issuer']`, action: 'after' },
  });
  return signature.getSignedXml();
}

/**
 * The provider as a browser meets it, on `localhost` (another site than Baton's 127.0.0.1, as an
 * identity provider is): its sign-in URL takes Baton's request and answers with the page that
 * posts the signed response back to Baton, for the account the request's `login_hint` names.
 */
export async function startSamlIdentityProvider(accounts: Record<string, { name?: string }>) {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/metadata') {
      const port = (server.address() as AddressInfo).port;
      res
        .writeHead(200, { 'content-type': 'application/samlmetadata+xml' })
        .end(idpMetadata(`http://localhost:${port}/sso`));
      return;
    }
    if (url.pathname !== '/sso') {
      res.writeHead(404).end();
      return;
    }
    const request = readRequest(url);
    const email = url.searchParams.get('login_hint') ?? '';
    const account = accounts[email.toLowerCase()];
    if (!account) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end(`no account ${email}`);
      return;
    }
    const body = samlResponse({
      inResponseTo: request.id,
      acsUrl: request.acsUrl,
      audience: request.issuer ?? '',
      email,
      attributes: account.name ? { displayName: account.name } : {},
    });
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><title>Northwind sign-in</title><form method="post" action="${escaped(request.acsUrl)}">` +
          `<input type="hidden" name="SAMLResponse" value="${body}"><input type="hidden" name="RelayState" value="${escaped(request.relayState ?? '')}">` +
          '<button>Continue to Baton</button></form><script>document.forms[0].submit()</script>',
      );
  });
  // Every address of the machine: the browser may reach `localhost` by IPv6 or IPv4.
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    signInUrl: `http://localhost:${port}/sso`,
    /** Where it publishes its metadata (on 127.0.0.1, which Baton may read over http in tests). */
    metadataUrl: `http://127.0.0.1:${port}/metadata`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The provider's metadata, as consoles offer it to download: entity ID, sign-in URLs, signing keys
 * (two while it rolls its key over).
 */
export function idpMetadata(signInUrl: string, cert: string | string[] = idpKey.cert) {
  const keys = [cert].flat().map((c) => {
    const body = c.replace(/-----[A-Z ]+-----|\s/g, '');
    return `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${body}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
  });
  return [
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${idpEntityId}">`,
    '<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">',
    ...keys,
    '<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>',
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${signInUrl}/post"/>`,
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${signInUrl}"/>`,
    '</md:IDPSSODescriptor>',
    '</md:EntityDescriptor>',
  ].join('\n');
}
