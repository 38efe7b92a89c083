import { describe, expect, it } from 'vitest';
import { allowedWhileSetupDue, requiredFor, setupDue } from './two-step-policy.ts';

describe('two-step requirement', () => {
  it('covers admins only under `admins`, everyone under `everyone`, nobody by default', () => {
    expect(requiredFor('nobody', ['admin'])).toBe(false);
    expect(requiredFor('admins', ['lead', 'admin'])).toBe(true);
    expect(requiredFor('admins', ['lead', 'supervisor'])).toBe(false);
    expect(requiredFor('everyone', [])).toBe(true);
  });

  it('makes setup due only for someone covered whose own is off', () => {
    expect(setupDue('everyone', ['agent'], false)).toBe(true);
    expect(setupDue('everyone', ['agent'], true)).toBe(false);
    expect(setupDue('admins', ['agent'], false)).toBe(false);
  });

  it('leaves a person whose setup is due their own account and nothing else', () => {
    for (const open of [
      '/api/v1/me',
      '/api/v1/me/two-step',
      '/api/v1/me/two-step/setup',
      '/api/v1/me/two-step/enable',
      '/api/v1/me/password',
      '/api/v1/me/sessions',
      '/api/v1/me/sessions/ses_1',
      '/api/v1/me/sessions/sign-out-others',
      '/api/v1/auth/session',
      '/api/v1/auth/logout',
    ])
      expect(allowedWhileSetupDue(open), open).toBe(true);
    for (const closed of [
      '/api/v1/me/two-step/disable',
      '/api/v1/me/tokens',
      '/api/v1/me2',
      '/api/v1/cases',
      '/api/v1/stream',
      '/api/v1/settings/sign-in',
      '/api/v1/people/p1/two-step/disable',
    ])
      expect(allowedWhileSetupDue(closed), closed).toBe(false);
  });
});
