// Two-step sign-in's rules (TOTP, RFC 6238): pure, "now" is an argument.
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/** Seconds a code lasts; codes of the step before and after are accepted too (clock drift). */
export const stepSeconds = 30;
export const recoveryCodeCount = 10;

const totpOf = (secret: string, email = '') =>
  new TOTP({
    issuer: 'Baton',
    label: email,
    algorithm: 'SHA1',
    digits: 6,
    period: stepSeconds,
    secret: Secret.fromBase32(secret),
  });

/** A new random secret (160 bits, base32) for an authenticator app. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The `otpauth://` address an authenticator app reads from the QR code: issuer Baton, the person's e-mail. */
export const totpUri = (secret: string, email: string): string => totpOf(secret, email).toString();

/** The code for `now` (tests and the demo). */
export const totpCode = (secret: string, now: Date): string =>
  totpOf(secret).generate({ timestamp: now.getTime() });

/**
 * The 30-second step a 6-digit code belongs to, if it is right for `now` within ±1 step and newer
 * than `lastStep` (a code is used once); null otherwise.
 */
export function acceptedStep(
  secret: string,
  code: string,
  now: Date,
  lastStep: number | null,
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secret).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / stepSeconds) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** A 6-digit code looks like one; anything else given at sign-in is taken as a recovery code. */
export const isTotpCode = (code: string) => /^\d{6}$/.test(code.replace(/\s/g, ''));

/** Recovery codes as shown: `xxxxx-xxxxx`, lower-case letters and digits without look-alikes. */
export function newRecoveryCodes(n = recoveryCodeCount): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: n }, () => {
    const chars = [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** A recovery code as typed (any case, spaces, with or without the dash) in the form it is hashed. */
export const normalRecoveryCode = (code: string) => {
  const bare = code.toLowerCase().replace(/[^a-z0-9]/g, '');
  return bare.length === 10 ? `${bare.slice(0, 5)}-${bare.slice(5)}` : bare;
};
