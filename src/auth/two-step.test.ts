import { describe, expect, it } from 'vitest';
import {
  acceptedStep,
  newRecoveryCodes,
  newTotpSecret,
  normalRecoveryCode,
  totpCode,
  totpUri,
} from './two-step.ts';

const at = new Date('2026-11-23T10:00:10Z');
const step = Math.floor(at.getTime() / 30_000);
const shifted = (steps: number) => new Date(at.getTime() + steps * 30_000);

describe('two-step sign-in rules', () => {
  it('names Baton and the e-mail in the otpauth address', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = totpUri(secret, 'amara@northwind.example');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Baton:amara%40northwind\.example\?/);
    expect(uri).toContain('issuer=Baton');
    expect(uri).toContain('digits=6');
    expect(uri).toContain('period=30');
  });

  it('accepts the code of this step and of the steps either side, once', () => {
    const secret = newTotpSecret();
    expect(acceptedStep(secret, totpCode(secret, at), at, null)).toBe(step);
    expect(acceptedStep(secret, totpCode(secret, shifted(-1)), at, null)).toBe(step - 1);
    expect(acceptedStep(secret, totpCode(secret, shifted(1)), at, null)).toBe(step + 1);
    expect(acceptedStep(secret, totpCode(secret, shifted(2)), at, null)).toBeNull();
    // Used already: the last step accepted is this one, or a later one.
    expect(acceptedStep(secret, totpCode(secret, at), at, step)).toBeNull();
    expect(acceptedStep(secret, totpCode(secret, shifted(-1)), at, step - 1)).toBeNull();
    expect(acceptedStep(secret, totpCode(secret, at), at, step - 1)).toBe(step);
    expect(acceptedStep(secret, '12345', at, null)).toBeNull();
    expect(acceptedStep(secret, 'abcdef', at, null)).toBeNull();
  });

  it('makes 10 distinct recovery codes and reads them as typed', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const c = codes[0]!;
    expect(normalRecoveryCode(c.toUpperCase().replace('-', ' '))).toBe(c);
    expect(normalRecoveryCode(` ${c} `)).toBe(c);
  });
});
