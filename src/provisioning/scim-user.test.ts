import { describe, expect, it } from 'vitest';
import { scimUserSchema } from './scim.types.ts';
import { ScimProblem } from './scim-problem.ts';
import { checkedState, pageOf, personNameOf, stateOf, userResource, workEmailOf } from './scim-user.ts';

const user = (over: Record<string, unknown> = {}) =>
  scimUserSchema.parse({ userName: 'Amara@Northwind.example', ...over });

describe('a SCIM User as a person', () => {
  it('takes the primary e-mail, else the work one, else the first, else userName', () => {
    expect(workEmailOf(user())).toBe('Amara@Northwind.example');
    expect(
      workEmailOf(
        user({
          emails: [
            { value: 'home@x.example', type: 'home' },
            { value: 'work@x.example', type: 'work' },
          ],
        }),
      ),
    ).toBe('work@x.example');
    expect(
      workEmailOf(user({ emails: [{ value: 'a@x.example' }, { value: 'p@x.example', primary: 'True' }] })),
    ).toBe('p@x.example');
  });

  it('lower-cases the address and refuses one that is not an address', () => {
    expect(checkedState(stateOf(user())).email).toBe('amara@northwind.example');
    expect(() => checkedState(stateOf(user({ userName: 'amara' })))).toThrow(ScimProblem);
  });

  it('names the person by displayName, else given and family names, else the address', () => {
    expect(personNameOf(stateOf(user({ displayName: 'Amara O.', name: { givenName: 'A' } })))).toBe(
      'Amara O.',
    );
    expect(personNameOf(stateOf(user({ name: { givenName: 'Amara', familyName: 'Okafor' } })))).toBe(
      'Amara Okafor',
    );
    expect(personNameOf(stateOf(user({ name: { formatted: 'Dr Amara Okafor' } })))).toBe('Dr Amara Okafor');
    expect(personNameOf(stateOf(user()))).toBe('Amara');
  });

  it('keeps active as it was when a PUT leaves it out', () => {
    expect(stateOf(user(), false).active).toBe(false);
    expect(stateOf(user({ active: 'true' }), false).active).toBe(true);
  });

  it('answers a person never provisioned with their address as userName', () => {
    const at = new Date('2026-11-23T10:00:00Z');
    const resource = userResource(
      {
        id: 'p_1',
        name: 'Amara Okafor',
        email: 'amara@n.example',
        active: true,
        createdAt: at,
        updatedAt: null,
        userName: null,
        externalId: null,
        givenName: null,
        familyName: null,
      },
      'https://baton.example/scim/v2',
    );
    expect(resource).toMatchObject({
      id: 'p_1',
      userName: 'amara@n.example',
      emails: [{ value: 'amara@n.example', primary: true }],
      active: true,
      meta: { location: 'https://baton.example/scim/v2/Users/p_1', lastModified: at.toISOString() },
    });
    expect(resource).not.toHaveProperty('externalId');
  });

  it('pages from 1, at most 200 at a time', () => {
    expect(pageOf(undefined, undefined)).toEqual({ startIndex: 1, count: 100 });
    expect(pageOf(-3, 1000)).toEqual({ startIndex: 1, count: 200 });
    expect(pageOf(5, -1)).toEqual({ startIndex: 5, count: 0 });
  });
});
