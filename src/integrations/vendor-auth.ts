import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** How far a Zendesk signature timestamp may be from now: redeliveries are harmless (idempotent), stale ones are not taken. */
export const zendeskToleranceMs = 60 * 60 * 1000;

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Zendesk: `X-Zendesk-Webhook-Signature` is base64(HMAC-SHA256(timestamp + body)) keyed with the
 * webhook's signing secret; the timestamp is `X-Zendesk-Webhook-Signature-Timestamp`.
 */
export function verifyZendesk(
  secret: string,
  rawBody: string,
  signature: string | undefined,
  timestamp: string | undefined,
  nowMs: number,
): boolean {
  if (!signature || !timestamp) return false;
  const at = Date.parse(timestamp);
  if (Number.isNaN(at) || Math.abs(nowMs - at) > zendeskToleranceMs) return false;
  const expected = createHmac('sha256', secret)
    .update(timestamp + rawBody)
    .digest('base64');
  return same(expected, signature.trim());
}

/** Intercom: `X-Hub-Signature: sha1=<hex HMAC-SHA1 of the raw body>` keyed with the app's client secret. */
export function verifyIntercom(secret: string, rawBody: string, header: string | undefined): boolean {
  const given = header?.trim().match(/^sha1=([0-9a-f]{40})$/i)?.[1];
  if (!given) return false;
  return same(createHmac('sha1', secret).update(rawBody).digest('hex'), given.toLowerCase());
}

/**
 * Freshdesk automation webhooks do not sign; they can send HTTP basic authentication. Baton takes
 * `Authorization: Basic base64(<any user>:<secret>)`, or `Authorization: Bearer <secret>` set as a
 * custom header.
 */
export function verifyFreshdesk(secret: string, authorization: string | undefined): boolean {
  const [scheme, value] = authorization?.trim().split(/\s+/, 2) ?? [];
  if (!scheme || !value) return false;
  if (/^bearer$/i.test(scheme)) return same(digest(value), digest(secret));
  if (!/^basic$/i.test(scheme)) return false;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  return same(digest(decoded.slice(colon + 1)), digest(secret));
}

// Comparing digests keeps the comparison constant-time whatever the lengths.
const digest = (s: string) => createHash('sha256').update(s).digest('hex');

/** A stable id for payloads that carry none: a redelivery of the same body gets the same id. */
export function bodyId(rawBody: string): string {
  return `sha256:${createHash('sha256').update(rawBody).digest('hex').slice(0, 40)}`;
}
