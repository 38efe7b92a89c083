import { describe, expect, it } from 'vitest';
import { genericCustomer, vendorLanguage, vendorTimeZone } from './generic-customer.ts';

describe('time zones and languages from a helpdesk payload', () => {
  it('reads IANA zones in any case, spelled as the tz database spells them', () => {
    expect(vendorTimeZone('Europe/Lisbon')).toBe('Europe/Lisbon');
    expect(vendorTimeZone(' america/sao_paulo ')).toBe('America/Sao_Paulo');
    expect(vendorTimeZone('UTC')).toBe('UTC');
  });
  it('leaves out what is not a zone', () => {
    for (const v of ['', 'Mars/Olympus', 'Lisbon time', 42, null, {}, 'x'.repeat(101)])
      expect(vendorTimeZone(v), JSON.stringify(v)).toBeUndefined();
  });
  it('reads language tags in their canonical case', () => {
    expect(vendorLanguage('pt-BR')).toBe('pt-BR');
    expect(vendorLanguage('pt_br')).toBe('pt-BR');
    expect(vendorLanguage(' EN ')).toBe('en');
    expect(vendorLanguage('zh-Hant-TW')).toBe('zh-Hant-TW');
  });
  it('leaves out what is not a language tag', () => {
    for (const v of [
      '',
      'Portuguese!',
      'english',
      'e',
      'en--GB',
      'x-private',
      7,
      null,
      `en-${'a'.repeat(20)}`,
    ])
      expect(vendorLanguage(v), JSON.stringify(v)).toBeUndefined();
  });
});

describe('the generic webhook’s customer', () => {
  it('carries the fields it can read, tier lower case, name trimmed', () => {
    expect(
      genericCustomer(
        {
          externalId: 'c-1',
          name: ' Ana Silva ',
          customerSince: '2020-01-15',
          annualValue: '$12,000.00',
          tier: 'Gold',
          language: 'pt-BR',
          timezone: 'America/Sao_Paulo',
        },
        '2026-11-23',
      ),
    ).toEqual({
      externalId: 'c-1',
      name: 'Ana Silva',
      customerSince: '2020-01-15',
      annualValue: 12000,
      tier: 'gold',
      language: 'pt-BR',
      timezone: 'America/Sao_Paulo',
    });
  });
  it('leaves out unreadable values, a future customer-since and a blank name; absent stays absent', () => {
    expect(
      genericCustomer(
        {
          externalId: 'c-1',
          name: '  ',
          customerSince: '2027-01-01',
          annualValue: -5,
          tier: 42,
          language: 'Portuguese',
          timezone: 'Mars/Olympus',
        },
        '2026-11-23',
      ),
    ).toEqual({ externalId: 'c-1' });
    expect(genericCustomer({ externalId: 'c-2', name: 'Bo' }, '2026-11-23')).toEqual({
      externalId: 'c-2',
      name: 'Bo',
    });
  });
});
