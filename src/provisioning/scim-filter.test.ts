import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributeOf, groupFilter, parseFilter } from './scim-filter.ts';
import { ScimProblem } from './scim-problem.ts';

const refused = (filter: string) => {
  try {
    parseFilter(filter);
  } catch (error) {
    expect(error).toBeInstanceOf(ScimProblem);
    expect((error as ScimProblem).code).toBe('scim_invalid_filter');
    return (error as ScimProblem).message;
  }
  throw new Error(`accepted ${filter}`);
};

describe('SCIM filters', () => {
  it('reads the lookups identity providers send', () => {
    expect(parseFilter('userName eq "amara@northwind.example"')).toEqual({
      op: 'eq',
      attr: 'userName',
      value: 'amara@northwind.example',
    });
    expect(parseFilter('externalId eq "00u1abc"')).toEqual({
      op: 'eq',
      attr: 'externalId',
      value: '00u1abc',
    });
    expect(parseFilter('emails.value eq "a@b.co"')).toEqual({
      op: 'eq',
      attr: 'emails.value',
      value: 'a@b.co',
    });
    expect(parseFilter('emails eq "a@b.co"')).toMatchObject({ attr: 'emails.value' });
  });

  it('takes attribute names and operators in any case, and the core schema prefix', () => {
    expect(parseFilter('USERNAME EQ "x"')).toEqual({ op: 'eq', attr: 'userName', value: 'x' });
    expect(parseFilter('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "x"')).toMatchObject({
      attr: 'userName',
    });
    expect(attributeOf('Name.GivenName')).toBe('name.givenName');
    expect(attributeOf('title')).toBeUndefined();
    expect(attributeOf('constructor')).toBeUndefined();
    expect(attributeOf('__proto__', groupFilter)).toBeUndefined();
  });

  it('reads a Group lookup by displayName, externalId or member, and only a Group’s attributes', () => {
    expect(parseFilter('displayName eq "Billing"', groupFilter)).toEqual({
      op: 'eq',
      attr: 'displayName',
      value: 'Billing',
    });
    expect(
      parseFilter('urn:ietf:params:scim:schemas:core:2.0:Group:externalId eq "00g1"', groupFilter),
    ).toMatchObject({ attr: 'externalId' });
    expect(parseFilter('id eq "tm_1" and members eq "p_1"', groupFilter)).toMatchObject({
      op: 'and',
      right: { attr: 'members.value', value: 'p_1' },
    });
    for (const bad of ['userName eq "x"', 'active eq true', 'emails.value eq "a@b.co"']) {
      try {
        parseFilter(bad, groupFilter);
        throw new Error(`accepted ${bad}`);
      } catch (error) {
        expect((error as ScimProblem).code).toBe('scim_invalid_filter');
        expect((error as ScimProblem).message).toContain('(id, externalId, displayName, members.value)');
      }
    }
    // And a User filter does not take a Group's members.
    refused('members eq "p_1"');
  });

  it('joins with and, or, not and parentheses, and binding tighter than or', () => {
    expect(parseFilter('userName eq "a" or userName eq "b" and active eq true')).toEqual({
      op: 'or',
      left: { op: 'eq', attr: 'userName', value: 'a' },
      right: {
        op: 'and',
        left: { op: 'eq', attr: 'userName', value: 'b' },
        right: { op: 'eq', attr: 'active', value: true },
      },
    });
    expect(parseFilter('(userName eq "a" or userName eq "b") and not (active eq false)')).toEqual({
      op: 'and',
      left: {
        op: 'or',
        left: { op: 'eq', attr: 'userName', value: 'a' },
        right: { op: 'eq', attr: 'userName', value: 'b' },
      },
      right: { op: 'not', filter: { op: 'eq', attr: 'active', value: false } },
    });
  });

  it('reads JSON string escapes, and the other operators', () => {
    expect(parseFilter('displayName co "O\\"Brien \\u00e9"')).toEqual({
      op: 'co',
      attr: 'displayName',
      value: 'O"Brien é',
    });
    expect(parseFilter('name.familyName sw "Ok"')).toMatchObject({ op: 'sw' });
    expect(parseFilter('userName ew "@acme.com"')).toMatchObject({ op: 'ew' });
    expect(parseFilter('externalId pr')).toEqual({ op: 'pr', attr: 'externalId' });
    expect(parseFilter('userName ne "x"')).toMatchObject({ op: 'ne' });
  });

  it('refuses what it cannot answer exactly, saying why', () => {
    expect(refused('')).toMatch(/empty/);
    expect(refused('title eq "x"')).toMatch(/title is not an attribute/);
    expect(refused('userName gt "x"')).toMatch(/operator gt is not supported/);
    expect(refused('emails[type eq "work"].value eq "x"')).toMatch(/value filters/);
    expect(refused('userName eq "x')).toMatch(/not closed/);
    expect(refused('] userName eq "x"')).toMatch(/expected an attribute/);
    expect(refused('userName eq "x" ]')).toMatch(/unexpected ]/);
    expect(refused('userName eq x')).toMatch(/quoted value/);
    expect(refused('userName eq "x" extra')).toMatch(/unexpected extra/);
    expect(refused('(userName eq "x"')).toMatch(/parenthesis/);
    expect(refused('userName eq "a" and')).toMatch(/ends/);
    expect(refused('active eq "true"')).toMatch(/without quotes/);
    expect(refused('active co true')).toMatch(/eq or ne/);
    expect(refused('userName eq true')).toMatch(/quoted string/);
    expect(refused('not userName eq "x"')).toMatch(/parentheses/);
    expect(refused(`${'('.repeat(30)}userName eq "x"${')'.repeat(30)}`)).toMatch(/deeper/);
  });

  it('answers any text with a filter or a refusal, never another error', () => {
    const pieces = [
      'userName',
      'active',
      'eq',
      'pr',
      'and',
      'or',
      'not',
      '(',
      ')',
      '[',
      ']',
      '"x"',
      '"',
      '\\',
      'true',
      ' ',
    ];
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join(' ')),
      fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(text, (filter) => {
        try {
          parseFilter(filter);
        } catch (error) {
          expect(error).toBeInstanceOf(ScimProblem);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
