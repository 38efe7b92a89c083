import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './context.ts';

/**
 * The built web app loads only its own hashed scripts and styles; React sets inline styles through
 * the DOM (allowed), but the HTML reports and the placeholder page carry `<style>` and `style=`,
 * hence 'unsafe-inline' for styles only. The favicon is a data: URL.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const hstsValue = 'max-age=31536000; includeSubDomains';

/** Did this request reach us over TLS (directly, or at a proxy we trust)? */
export function overTls(url: string, forwardedProto: string | undefined, trustProxy: boolean): boolean {
  if (trustProxy && forwardedProto) return forwardedProto.split(',')[0]!.trim().toLowerCase() === 'https';
  return url.startsWith('https:');
}

/** Sets the security headers on every answer, errors and web assets included. */
export function securityHeaders(trustProxy: boolean) {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('Content-Security-Policy', contentSecurityPolicy);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('X-Frame-Options', 'DENY');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (overTls(c.req.url, c.req.header('x-forwarded-proto'), trustProxy))
      h.set('Strict-Transport-Security', hstsValue);
  });
}
