import { createHmac, timingSafeEqual } from 'node:crypto';

/** `X-Baton-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` on every delivery. */
export function signDelivery(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

export function verifyDelivery(
  secret: string,
  body: string,
  header: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
  const t = Number(parts.t);
  if (!Number.isFinite(t) || !parts.v1 || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  return constantTimeEqual(signDelivery(secret, body, t).split('v1=')[1]!, parts.v1);
}

/** Inbound: `X-Baton-Signature: sha256=<hex HMAC-SHA256 of the raw body>`. */
export function verifyInbound(secret: string, rawBody: string, header: string | undefined): boolean {
  const given = header?.match(/^sha256=([0-9a-f]{64})$/i)?.[1];
  if (!given) return false;
  return constantTimeEqual(createHmac('sha256', secret).update(rawBody).digest('hex'), given.toLowerCase());
}

function constantTimeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Exponential backoff with a ceiling: 1 s, 2 s, 4 s ... up to an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(3_600_000, 1000 * 2 ** Math.max(0, attempts - 1));
}

export const maxAttempts = 15;
