import { describe, expect, it } from 'vitest';
import { ssoErrorInWords, ssoStartUrl } from '../../web/src/app/sso-words.ts';

describe('single sign-on on the sign-in page', () => {
  it('says each failure in words, and an unknown one as a failure', () => {
    expect(ssoErrorInWords('sso_no_account')).toMatch(/no active Baton account/);
    expect(ssoErrorInWords('sso_email_unverified')).toMatch(/does not confirm/);
    expect(ssoErrorInWords('something new')).toBe(ssoErrorInWords('sso_failed'));
  });

  it('starts with the address, and comes back where the person was going', () => {
    expect(ssoStartUrl(' zoe@acme.com ', '/cases/c_1?tab=log')).toBe(
      '/api/v1/auth/sso/start?email=zoe%40acme.com&next=%2Fcases%2Fc_1%3Ftab%3Dlog',
    );
    expect(ssoStartUrl('zoe@acme.com', '/sign-in?sso_error=sso_failed')).toBe(
      '/api/v1/auth/sso/start?email=zoe%40acme.com',
    );
    expect(ssoStartUrl('zoe@acme.com', '/')).toBe('/api/v1/auth/sso/start?email=zoe%40acme.com');
  });
});
