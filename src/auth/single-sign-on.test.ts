import { describe, expect, it } from 'vitest';
import {
  domainOf,
  emailVerified,
  issuerProblem,
  nameFromAddress,
  passwordAllowed,
  redirectUriOf,
  reservedHost,
  safeNext,
} from './single-sign-on.ts';

describe("single sign-on's rules", () => {
  it('reads the domain of an address, in lower case', () => {
    expect(domainOf(' Zoe@Acme.COM ')).toBe('acme.com');
    expect(domainOf('a@b@eu.acme.com')).toBe('eu.acme.com');
    expect(domainOf('nobody')).toBeUndefined();
    expect(domainOf('nobody@')).toBeUndefined();
  });

  it('goes on only to a path of this site after signing in', () => {
    expect(safeNext('/cases/c_1?tab=log#x')).toBe('/cases/c_1?tab=log#x');
    expect(safeNext(undefined)).toBe('/');
    for (const elsewhere of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      'cases',
      '/\tevil',
      `/${'x'.repeat(600)}`,
    ])
      expect(safeNext(elsewhere), elsewhere).toBe('/');
    expect(safeNext('/a/../../b')).toBe('/b');
  });

  it('takes https issuers, and plain http only on this machine when allowed', () => {
    expect(issuerProblem('https://login.acme.com/realms/baton', false)).toBeUndefined();
    expect(issuerProblem('http://login.acme.com', true)).toBe('must be an https URL');
    expect(issuerProblem('http://127.0.0.1:4455', false)).toMatch(/BATON_SSO_ALLOW_HTTP=1/);
    expect(issuerProblem('http://127.0.0.1:4455', true)).toBeUndefined();
    expect(issuerProblem('http://localhost:4455', true)).toBeUndefined();
    expect(issuerProblem('https://acme.com/?x=1', false)).toBe('must have no query or fragment');
    expect(issuerProblem('https://me:pw@acme.com', false)).toMatch(/user name/);
    expect(issuerProblem('not a url', false)).toBe('must be an https URL');
  });

  it('sends no request to names reserved for examples and tests', () => {
    expect(reservedHost('example.com')).toBe(true);
    expect(reservedHost('login.example.org')).toBe(true);
    expect(reservedHost('idp.test')).toBe(true);
    expect(reservedHost('acme.invalid')).toBe(true);
    expect(reservedHost('myexample.com')).toBe(false);
    expect(reservedHost('login.acme.com')).toBe(false);
  });

  it('keeps passwords for admins only when single sign-on is on and says so, and for whom it cannot sign in', () => {
    const adminsOnly = { enabled: true, passwordSignIn: 'admins_only' as const, emailDomains: ['acme.com'] };
    const agent = { roles: ['agent', 'lead'], email: 'zoe@acme.com' };
    expect(passwordAllowed(undefined, agent)).toBe(true);
    expect(passwordAllowed({ ...adminsOnly, enabled: false }, agent)).toBe(true);
    expect(passwordAllowed({ ...adminsOnly, passwordSignIn: 'everyone' }, agent)).toBe(true);
    expect(passwordAllowed(adminsOnly, agent)).toBe(false);
    expect(passwordAllowed(adminsOnly, { ...agent, email: 'Zoe@ACME.com' })).toBe(false);
    expect(passwordAllowed(adminsOnly, { ...agent, roles: ['lead', 'admin'] })).toBe(true);
    expect(passwordAllowed(adminsOnly, { ...agent, email: 'zoe@contractor.example' })).toBe(true);
  });

  it('builds the callback address on the public address when there is one', () => {
    expect(redirectUriOf('https://baton.acme.com', 'http://10.0.0.5:3000')).toBe(
      'https://baton.acme.com/api/v1/auth/sso/callback',
    );
    expect(redirectUriOf(undefined, 'http://localhost:3000')).toBe(
      'http://localhost:3000/api/v1/auth/sso/callback',
    );
  });

  it('believes an address only when the provider says it checked it', () => {
    expect(emailVerified(true)).toBe(true);
    expect(emailVerified('true')).toBe(true);
    expect(emailVerified(false)).toBe(false);
    expect(emailVerified(undefined)).toBe(false);
  });

  it('names someone added on a first sign-in without a name from their address', () => {
    expect(nameFromAddress('jo.smith-lee@acme.com')).toBe('Jo Smith Lee');
    expect(nameFromAddress('priya+support@acme.com')).toBe('Priya Support');
    expect(nameFromAddress('x@acme.com')).toBe('X');
    expect(nameFromAddress('...@acme.com')).toBe('...@acme.com');
  });
});
