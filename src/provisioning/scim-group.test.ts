import { describe, expect, it } from 'vitest';
import { groupResource, membersDiff, membersWanted, teamKeyOf } from './scim-group.ts';

describe('a team as a SCIM Group', () => {
  it('derives a new team’s key from its name, unique beside the keys taken', () => {
    const none = new Set<string>();
    expect(teamKeyOf('Billing & Finance', none)).toBe('billing-finance');
    expect(teamKeyOf('  Équipe 2 ', none)).toBe('equipe-2');
    expect(teamKeyOf('???', none)).toBe('team');
    expect(teamKeyOf('Finance', new Set(['finance', 'finance-2']))).toBe('finance-3');
    const long = teamKeyOf('A very long group name that goes on and on and on', none);
    expect(long).toMatch(/^[a-z0-9][a-z0-9-]{0,39}$/);
    expect(teamKeyOf('A very long group name that goes on and on and on', new Set([long]))).toMatch(
      /^[a-z0-9][a-z0-9-]{0,39}$/,
    );
  });

  it('leaves members out when Okta asks excludedAttributes=members, or attributes without them', () => {
    expect(membersWanted({})).toBe(true);
    expect(membersWanted({ excludedAttributes: 'members' })).toBe(false);
    expect(membersWanted({ excludedAttributes: 'meta, Members' })).toBe(false);
    expect(membersWanted({ excludedAttributes: 'urn:ietf:params:scim:schemas:core:2.0:Group:members' })).toBe(
      false,
    );
    expect(membersWanted({ attributes: 'displayName' })).toBe(false);
    expect(membersWanted({ attributes: 'displayName,members.value' })).toBe(true);
  });

  it('answers the Group resource with members by reference', () => {
    const at = new Date('2026-11-23T10:00:00Z');
    const row = {
      id: 'tm_1',
      key: 'billing',
      name: 'Billing',
      createdAt: at,
      externalId: '00g1',
      linkedAt: at,
      updatedAt: new Date('2026-11-24T10:00:00Z'),
    };
    expect(groupResource(row, [{ id: 'p_1', name: 'Amara' }], 'https://b.example/scim/v2')).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      id: 'tm_1',
      externalId: '00g1',
      displayName: 'Billing',
      members: [
        { value: 'p_1', display: 'Amara', type: 'User', $ref: 'https://b.example/scim/v2/Users/p_1' },
      ],
      meta: {
        resourceType: 'Group',
        created: '2026-11-23T10:00:00.000Z',
        lastModified: '2026-11-24T10:00:00.000Z',
        location: 'https://b.example/scim/v2/Groups/tm_1',
      },
    });
    const bare = groupResource({ ...row, externalId: null, updatedAt: null }, undefined, 'x');
    expect(bare).not.toHaveProperty('members');
    expect(bare).not.toHaveProperty('externalId');
    expect(bare.meta.lastModified).toBe('2026-11-23T10:00:00.000Z');
  });

  it('diffs member lists into additions and removals', () => {
    expect(membersDiff(['a', 'b', 'c'], ['c', 'd', 'd'])).toEqual({ added: ['d'], removed: ['a', 'b'] });
  });
});
