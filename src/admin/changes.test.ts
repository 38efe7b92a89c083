import { describe, expect, it } from 'vitest';
import { addedFields, changedFields, changesNothing } from './changes.ts';

describe('what an admin change changed', () => {
  it('lists the fields whose value differs, secrets only as set', () => {
    expect(
      changedFields(
        { name: 'Tom', roles: ['agent'], passwordHash: 'h' },
        { name: 'Tom', roles: ['agent', 'lead'], password: 'new-password-1', timezone: undefined },
      ),
    ).toEqual({ roles: { from: ['agent'], to: ['agent', 'lead'] }, password: { from: null, to: 'set' } });
  });

  it('leaves empty fields out of something new, and a change of nothing out of the log', () => {
    expect(addedFields({ name: 'Zoe', skills: [], password: undefined, teams: ['finance'] })).toEqual({
      name: { from: null, to: 'Zoe' },
      teams: { from: null, to: ['finance'] },
    });
    expect(changesNothing('team.changed', changedFields({ capacity: 10 }, { capacity: 10 }))).toBe(true);
    expect(changesNothing('person.reactivated', {})).toBe(false);
  });
});
