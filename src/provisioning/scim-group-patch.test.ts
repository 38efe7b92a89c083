import { describe, expect, it } from 'vitest';
import { type PatchOperation, patchOperationSchema } from './scim.types.ts';
import type { ScimGroupState } from './scim-group.ts';
import { applyGroupPatch, groupTargetOf } from './scim-group-patch.ts';
import { ScimProblem } from './scim-problem.ts';

const billing: ScimGroupState = { displayName: 'Billing', externalId: null, members: ['p_amara', 'p_lucas'] };
/** Operations as the route reads them (`op` in any case). */
const ops = (...o: unknown[]) => o.map((x) => patchOperationSchema.parse(x) as PatchOperation);
const patch = (...o: unknown[]) => applyGroupPatch(billing, ops(...o), 'tm_billing');
const problem = (...o: unknown[]) => {
  try {
    patch(...o);
  } catch (error) {
    expect(error).toBeInstanceOf(ScimProblem);
    return (error as ScimProblem).code;
  }
  throw new Error('applied');
};

describe('SCIM PATCH on a Group', () => {
  it("takes Okta's add of members and its remove by a value filter", () => {
    expect(patch({ op: 'add', path: 'members', value: [{ value: 'p_priya', display: 'Priya' }] })).toEqual({
      state: { ...billing, members: ['p_amara', 'p_lucas', 'p_priya'] },
      named: ['p_priya'],
    });
    expect(patch({ op: 'remove', path: 'members[value eq "p_amara"]' })).toEqual({
      state: { ...billing, members: ['p_lucas'] },
      named: ['p_amara'],
    });
    // Spaces and the core schema's prefix as some providers write them; a JSON escape in the id.
    expect(
      patch({
        op: 'remove',
        path: 'urn:ietf:params:scim:schemas:core:2.0:Group:members[ value eq "p_lu\\u0063as" ]',
      }).state.members,
    ).toEqual(['p_amara']);
  });

  it("takes Entra ID's capitalised Add and Remove with a value list, and Replace of displayName", () => {
    const next = patch(
      { op: 'Add', path: 'members', value: [{ value: 'p_priya' }, { value: 'p_tom' }] },
      { op: 'Remove', path: 'members', value: [{ value: 'p_amara' }, { value: 'p_nobody' }] },
      { op: 'Replace', path: 'displayName', value: ' Billing and Refunds ' },
    );
    expect(next.state).toEqual({
      displayName: 'Billing and Refunds',
      externalId: null,
      members: ['p_lucas', 'p_priya', 'p_tom'],
    });
    // Every id named is returned, to be checked as a person of the organisation (p_nobody too).
    expect(next.named).toEqual(['p_priya', 'p_tom', 'p_amara', 'p_nobody']);
  });

  it("takes Okta's path-less replace, which repeats the group's id", () => {
    expect(
      patch({ op: 'replace', value: { id: 'tm_billing', displayName: 'Finance', externalId: '00g1' } }).state,
    ).toEqual({ ...billing, displayName: 'Finance', externalId: '00g1' });
  });

  it('replaces the whole member list, and removes every member with a bare remove', () => {
    expect(
      patch({ op: 'replace', path: 'members', value: [{ value: 'p_tom' }, { value: 'p_tom' }] }).state
        .members,
    ).toEqual(['p_tom']);
    expect(patch({ op: 'replace', path: 'members', value: [] }).state.members).toEqual([]);
    expect(patch({ op: 'remove', path: 'members' }).state.members).toEqual([]);
    expect(patch({ op: 'add', value: { members: [{ value: 'p_tom' }] } }).state.members).toEqual([
      'p_amara',
      'p_lucas',
      'p_tom',
    ]);
    // Adding a member already there changes nothing (RFC 7644: no duplicates).
    expect(patch({ op: 'add', path: 'members', value: [{ value: 'p_amara' }] }).state).toEqual(billing);
  });

  it('refuses what it cannot apply exactly, by its SCIM kind', () => {
    expect(problem({ op: 'remove' })).toBe('scim_no_target');
    expect(problem({ op: 'replace', path: 'owner', value: 'x' })).toBe('scim_invalid_path');
    expect(problem({ op: 'add', path: 'members[value eq "p_tom"]', value: [] })).toBe('scim_invalid_path');
    expect(problem({ op: 'replace', path: 'id', value: 'tm_x' })).toBe('scim_mutability');
    expect(problem({ op: 'replace', value: { id: 'tm_other' } })).toBe('scim_mutability');
    expect(problem({ op: 'remove', path: 'displayName' })).toBe('scim_mutability');
    expect(problem({ op: 'replace', path: 'displayName', value: '  ' })).toBe('validation_failed');
    expect(problem({ op: 'replace', path: 'displayName', value: 'x'.repeat(201) })).toBe('validation_failed');
    expect(problem({ op: 'add', path: 'members', value: ['p_tom'] })).toBe('validation_failed');
    expect(problem({ op: 'add', path: 'members', value: [{ value: 7 }] })).toBe('validation_failed');
    expect(problem({ op: 'add', path: 'members' })).toBe('validation_failed');
    expect(problem({ op: 'replace', value: 'Finance' })).toBe('validation_failed');
    // All or none: the first operation alone would have applied.
    expect(
      problem(
        { op: 'add', path: 'members', value: [{ value: 'p_tom' }] },
        { op: 'replace', path: 'meta.created', value: 'x' },
      ),
    ).toBe('scim_mutability');
  });

  it('names its targets without regard to case', () => {
    expect(groupTargetOf('DisplayName')).toEqual({ kind: 'displayName' });
    expect(groupTargetOf('MEMBERS')).toEqual({ kind: 'members' });
    expect(groupTargetOf('members[VALUE EQ "p_1"]')).toEqual({ kind: 'member', id: 'p_1' });
  });
});
