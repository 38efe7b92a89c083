import { describe, expect, it } from 'vitest';
import { type Candidate, chooseOwner } from './assign.ts';

const member = (id: string, over: Partial<Candidate> = {}): Candidate => ({
  id,
  available: true,
  onShift: true,
  load: 0,
  capacity: 5,
  skills: [],
  ...over,
});

describe('chooseOwner', () => {
  it('rotates round-robin after the cursor and wraps', () => {
    const team = [member('a'), member('b'), member('c')];
    expect(chooseOwner(team, 'round-robin', null).ownerId).toBe('a');
    expect(chooseOwner(team, 'round-robin', 'a').ownerId).toBe('b');
    expect(chooseOwner(team, 'round-robin', 'c').ownerId).toBe('a');
  });
  it('skips people away, off shift or at capacity', () => {
    const team = [
      member('a', { available: false }),
      member('b', { onShift: false }),
      member('c', { load: 5 }),
      member('d'),
    ];
    expect(chooseOwner(team, 'round-robin', null).ownerId).toBe('d');
  });
  it('returns no owner when nobody is eligible, so the lead takes it', () => {
    expect(chooseOwner([member('a', { available: false })], 'least-loaded', null)).toEqual({
      ownerId: null,
      rule: 'no-eligible-member',
    });
  });
  it('prefers the least loaded relative to capacity', () => {
    const team = [member('a', { load: 3 }), member('b', { load: 1 }), member('c', { load: 2, capacity: 20 })];
    expect(chooseOwner(team, 'least-loaded', null).ownerId).toBe('c');
  });
  it('matches skills first, then load', () => {
    const team = [
      member('a', { skills: ['api'], load: 2 }),
      member('b', { skills: ['api', 'billing'], load: 4 }),
      member('c'),
    ];
    expect(chooseOwner(team, 'skills', null, ['api', 'billing']).ownerId).toBe('b');
    expect(chooseOwner(team, 'skills', null, ['mobile']).ownerId).toBe('c');
  });
});
