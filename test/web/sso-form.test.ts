import { describe, expect, it } from 'vitest';
import { domainsOf, fieldOf } from '../../web/src/settings/sso-form.ts';

describe('the single sign-on form', () => {
  it('shows an API error at the field it names', () => {
    expect(fieldOf('emailDomains.1')).toBe('emailDomains');
    expect(fieldOf('issuer')).toBe('issuer');
    expect(fieldOf(undefined)).toBeUndefined();
    expect(fieldOf('somethingElse')).toBeUndefined();
  });

  it('reads domains one a line or separated by commas, in lower case', () => {
    expect(domainsOf(' Acme.com,\n@eu.acme.com  acme.co.uk ;')).toEqual([
      'acme.com',
      'eu.acme.com',
      'acme.co.uk',
    ]);
    expect(domainsOf('  ')).toEqual([]);
  });
});
