import { describe, expect, it } from 'vitest';
import {
  afterRecheck,
  proofAsked,
  proofRecord,
  provedBy,
  recheckDue,
  stopsSigningInAt,
} from './domain-proof.ts';

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

  describe('looked up again once proved', () => {
    const at = (iso: string) => new Date(iso);
    const proved = at('2026-12-01T09:00:00Z');

    it('is due a day after the last look (or the proof), every six hours once the record is missing', () => {
      const d = { checkedAt: null, verifiedAt: proved, missingSince: null };
      expect(recheckDue(d, at('2026-12-02T08:59:00Z'))).toBe(false);
      expect(recheckDue(d, at('2026-12-02T09:00:00Z'))).toBe(true);
      const checked = { ...d, checkedAt: at('2026-12-03T09:00:00Z') };
      expect(recheckDue(checked, at('2026-12-03T20:00:00Z'))).toBe(false);
      expect(
        recheckDue({ ...checked, missingSince: at('2026-12-03T09:00:00Z') }, at('2026-12-03T15:00:00Z')),
      ).toBe(true);
    });

    it('keeps a domain whose record is there, and forgets that it was missing', () => {
      expect(afterRecheck('found', at('2026-12-02T09:00:00Z'), at('2026-12-04T09:00:00Z'))).toEqual({
        missingSince: null,
        unprove: false,
      });
    });

    it('counts the record missing from the first look that misses it, and unproves after three days', () => {
      const first = at('2026-12-02T09:00:00Z');
      expect(afterRecheck('missing', null, first)).toEqual({ missingSince: first, unprove: false });
      expect(afterRecheck('missing', first, at('2026-12-05T08:59:00Z'))).toEqual({
        missingSince: first,
        unprove: false,
      });
      expect(afterRecheck('missing', first, at('2026-12-05T09:00:00Z'))).toEqual({
        missingSince: first,
        unprove: true,
      });
      expect(stopsSigningInAt(first)).toEqual(at('2026-12-05T09:00:00Z'));
    });

    it('changes nothing when DNS does not answer: an outage is not the record missing', () => {
      expect(afterRecheck('unanswered', null, at('2026-12-09T09:00:00Z'))).toEqual({
        missingSince: null,
        unprove: false,
      });
      const since = at('2026-12-02T09:00:00Z');
      expect(afterRecheck('unanswered', since, at('2026-12-09T09:00:00Z'))).toEqual({
        missingSince: since,
        unprove: false,
      });
    });
  });
});
