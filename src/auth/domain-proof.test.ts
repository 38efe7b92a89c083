import { describe, expect, it } from 'vitest';
import { proofAsked, proofRecord, provedBy } from './domain-proof.ts';

describe('proving an e-mail domain by DNS', () => {
  it('is asked always with dns, never with off, and with auto once several organisations share the server', () => {
    expect([0, 1, 2].map((n) => proofAsked('auto', n))).toEqual([false, false, true]);
    expect([1, 2].map((n) => proofAsked('dns', n))).toEqual([true, true]);
    expect([1, 2].map((n) => proofAsked('off', n))).toEqual([false, false]);
  });

  it('names the record under the domain, holding the token', () => {
    expect(proofRecord('acme.com', 'ab12')).toEqual({
      type: 'TXT',
      name: '_baton-challenge.acme.com',
      value: 'baton-domain-verification=ab12',
    });
  });

  it('is proved by one record holding the whole value, its strings joined; hand-pasted quotes and spaces forgiven', () => {
    expect(provedBy([['v=spf1 -all'], ['baton-domain-verification=ab12']], 'ab12')).toBe(true);
    expect(provedBy([['baton-domain-', 'verification=ab12']], 'ab12')).toBe(true);
    expect(provedBy([[' "baton-domain-verification=ab12" ']], 'ab12')).toBe(true);
    expect(provedBy([], 'ab12')).toBe(false);
    expect(provedBy([['baton-domain-verification=ab123']], 'ab12')).toBe(false);
    expect(provedBy([['baton-domain-verification=AB12']], 'ab12')).toBe(false);
    expect(provedBy([['baton-domain-verification='], ['ab12']], 'ab12')).toBe(false);
  });
});
