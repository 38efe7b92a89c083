import { describe, expect, it } from 'vitest';
import { applyAvailability } from '../../web/src/app/apply-availability.ts';

describe('status changes told by the live stream', () => {
  const people = [
    { id: 'priya', name: 'Priya', availability: 'available' },
    { id: 'tom', name: 'Tom', availability: 'available' },
  ];
  const teams = [
    { key: 'finance', members: [people[0]!, people[1]!] },
    { key: 'support', members: [{ id: 'amara', name: 'Amara', availability: 'available' }] },
  ];

  it('applies them to the people and every team they are in, the last for a person winning', () => {
    const after = applyAvailability(people, teams, [
      { personId: 'priya', availability: 'away' },
      { personId: 'tom', availability: 'offline' },
      { personId: 'tom', availability: 'available' },
    ]);
    expect(after.people.map((p) => p.availability)).toEqual(['away', 'available']);
    expect(after.teams[0]!.members.map((m) => m.availability)).toEqual(['away', 'available']);
    // Untouched records are the same objects: nothing re-renders for them.
    expect(after.people[1]).toBe(people[1]);
    expect(after.teams[1]).toBe(teams[1]);
    // The input is left as it was.
    expect(people[0]!.availability).toBe('available');
  });

  it('ignores someone it does not hold', () => {
    const after = applyAvailability(people, teams, [{ personId: 'nobody', availability: 'away' }]);
    expect(after.people).toEqual(people);
    expect(after.teams[0]).toBe(teams[0]);
  });
});
