// Reads an identity provider's SAML metadata from the address it publishes it at.
import { DOMParser } from '@xmldom/xmldom';
import { sendError } from '../integrations/send-error.ts';
import { certificateProblem } from './saml.ts';
import { type IdpMetadata, idpMetadataIn } from './saml-metadata.ts';
import { issuerProblem } from './single-sign-on.ts';

const timeoutMs = 10_000;
/** Metadata is a few kilobytes; an aggregate of a whole federation is not what is asked for. */
const maxBytes = 1_000_000;

/** Said whether the size shows in the header or only once read. */
const tooLarge = (url: string) => ({
  problem: `${url} is larger than ${maxBytes / 1_000_000} MB: not one provider’s metadata.`,
});

/**
 * The provider's sign-in URL, entity ID and signing certificates as its metadata address gives them
 * now, or what went wrong in words an admin can act on. Redirects are not followed: the address an
 * admin saved is the one read every day, and a redirect could lead anywhere.
 */
export async function readIdpMetadata(
  url: string,
  allowHttp: boolean,
): Promise<IdpMetadata | { problem: string }> {
  const unsafe = issuerProblem(url, allowHttp, { query: true });
  if (unsafe) return { problem: `The metadata URL ${unsafe}.` };
  let text: string;
  try {
    const res = await fetch(url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml' },
    });
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel();
      const to = res.headers.get('location');
      return { problem: `${url} redirects${to ? ` to ${to}` : ''}: give the address it leads to.` };
    }
    if (!res.ok) {
      await res.body?.cancel();
      return { problem: `${url} answered HTTP ${res.status}.` };
    }
    if (Number(res.headers.get('content-length') ?? 0) > maxBytes) {
      await res.body?.cancel();
      return tooLarge(url);
    }
    text = await res.text();
  } catch (error) {
    return { problem: `${url} could not be read (${sendError(error, timeoutMs)}).` };
  }
  if (text.length > maxBytes) return tooLarge(url);
  const doc = new DOMParser({ errorHandler: () => undefined }).parseFromString(text, 'text/xml');
  if (!doc?.documentElement) return { problem: `${url} does not answer XML.` };
  const found = idpMetadataIn(doc);
  if ('problem' in found) return found;
  // Checked as an admin's typed fields are: a sign-in URL Baton may send browsers to, usable keys.
  const badUrl = issuerProblem(found.signInUrl, allowHttp, { query: true });
  if (badUrl) return { problem: `The metadata's sign-in URL ${found.signInUrl} ${badUrl}.` };
  const badCertificate = certificateProblem(found.certificate);
  if (badCertificate) return { problem: `The metadata's signing certificate: ${badCertificate}` };
  return found;
}
