import { describe, expect, it } from 'vitest';
import { type PatchOperation, patchOperationSchema } from './scim.types.ts';
import { applyPatch } from './scim-patch.ts';
import { ScimProblem } from './scim-problem.ts';
import type { ScimUserState } from './scim-user.ts';

const amara: ScimUserState = {
  userName: 'amara@northwind.example',
  externalId: '00u1',
  displayName: 'Amara Okafor',
  givenName: 'Amara',
  familyName: 'Okafor',
  email: 'amara@northwind.example',
  active: true,
};
/** Operations as the route reads them (`op` in any case). */
const ops = (...o: unknown[]) => o.map((x) => patchOperationSchema.parse(x) as PatchOperation);
const problem = (o: unknown[]) => {
  try {
    applyPatch(amara, ops(...o));
  } catch (error) {
    expect(error).toBeInstanceOf(ScimProblem);
    return (error as ScimProblem).code;
  }
  throw new Error('applied');
};

describe('SCIM PATCH on a User', () => {
  it("takes Entra ID's path-less replace, with active as a string", () => {
    expect(applyPatch(amara, ops({ op: 'Replace', value: { active: 'False' } })).active).toBe(false);
    expect(
      applyPatch({ ...amara, active: false }, ops({ op: 'replace', value: { active: 'True' } })).active,
    ).toBe(true);
    expect(applyPatch(amara, ops({ op: 'replace', path: 'active', value: false })).active).toBe(false);
  });

  it("takes Okta's and Entra ID's paths for names and the address", () => {
    const next = applyPatch(
      amara,
      ops(
        { op: 'replace', path: 'name.givenName', value: 'Ama' },
        { op: 'Replace', path: 'name.familyName', value: 'Okafor-Reyes' },
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'ama@northwind.example' },
        { op: 'add', path: 'displayName', value: 'Ama Okafor-Reyes' },
        { op: 'replace', path: 'externalId', value: '00u2' },
      ),
    );
    expect(next).toEqual({
      ...amara,
      givenName: 'Ama',
      familyName: 'Okafor-Reyes',
      email: 'ama@northwind.example',
      displayName: 'Ama Okafor-Reyes',
      externalId: '00u2',
    });
    expect(
      applyPatch(
        amara,
        ops({ op: 'replace', value: { 'name.givenName': 'Ama', userName: 'ama@n.example' } }),
      ),
    ).toMatchObject({ givenName: 'Ama', userName: 'ama@n.example' });
    expect(
      applyPatch(amara, ops({ op: 'replace', path: 'name', value: { givenName: 'A', familyName: 'O' } })),
    ).toMatchObject({ givenName: 'A', familyName: 'O' });
    expect(
      applyPatch(
        amara,
        ops({
          op: 'replace',
          path: 'emails',
          value: [
            { value: 'home@x.example', type: 'home' },
            { value: 'w@x.example', primary: true },
          ],
        }),
      ).email,
    ).toBe('w@x.example');
  });

  it('accepts attributes Baton does not keep, and changes nothing for them', () => {
    const next = applyPatch(
      amara,
      ops(
        { op: 'replace', path: 'title', value: 'Agent' },
        { op: 'add', path: 'phoneNumbers[type eq "work"].value', value: '+44 20' },
        {
          op: 'replace',
          path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
          value: 'Ops',
        },
        { op: 'replace', path: 'emails[type eq "home"].value', value: 'home@x.example' },
      ),
    );
    expect(next).toEqual(amara);
  });

  it('removes what may be removed', () => {
    expect(applyPatch(amara, ops({ op: 'remove', path: 'externalId' })).externalId).toBeNull();
    expect(applyPatch(amara, ops({ op: 'remove', path: 'name.givenName' })).givenName).toBeNull();
  });

  it('applies operations in order', () => {
    const next = applyPatch(
      amara,
      ops({ op: 'replace', path: 'active', value: false }, { op: 'replace', path: 'active', value: true }),
    );
    expect(next.active).toBe(true);
  });

  it('refuses with the kind SCIM names', () => {
    expect(problem([{ op: 'remove' }])).toBe('scim_no_target');
    expect(problem([{ op: 'replace', path: 'nickName2', value: 'x' }])).toBe('scim_invalid_path');
    expect(problem([{ op: 'replace', path: 'constructor', value: 'x' }])).toBe('scim_invalid_path');
    expect(problem([{ op: 'replace', path: 'id', value: 'p_x' }])).toBe('scim_mutability');
    expect(problem([{ op: 'replace', path: 'meta.created', value: 'x' }])).toBe('scim_mutability');
    expect(problem([{ op: 'remove', path: 'userName' }])).toBe('scim_mutability');
    expect(problem([{ op: 'remove', path: 'active' }])).toBe('scim_mutability');
    expect(problem([{ op: 'replace', path: 'active', value: 'maybe' }])).toBe('validation_failed');
    expect(problem([{ op: 'replace', path: 'userName', value: 42 }])).toBe('validation_failed');
    expect(problem([{ op: 'replace', path: 'userName' }])).toBe('validation_failed');
    expect(problem([{ op: 'replace', value: 'x' }])).toBe('validation_failed');
    expect(problem([{ op: 'replace', path: 'displayName', value: 'x'.repeat(201) }])).toBe(
      'validation_failed',
    );
  });
});
