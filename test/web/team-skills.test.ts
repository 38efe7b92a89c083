import { describe, expect, it } from 'vitest';
import { teamSkills } from '../../web/src/handoffs/skills.ts';

const people = [
  { id: 'k', name: 'Kenji', skills: ['api', 'mobile'] },
  { id: 'o', name: 'Olivia', skills: ['web', 'api', 'web'] },
  { id: 'm', name: 'Mateo', skills: ['api', 'billing-system'] },
  { id: 'x', name: 'Xavier', skills: ['legal'] },
];

describe('the skills a sender can ask of a team', () => {
  it('lists each skill of the active members with who has it, most people first', () => {
    const members = [
      { id: 'k', active: true },
      { id: 'o', active: true },
      { id: 'm', active: true },
    ];
    expect(teamSkills(members, people)).toEqual([
      { skill: 'api', people: ['Kenji', 'Mateo', 'Olivia'] },
      { skill: 'billing-system', people: ['Mateo'] },
      { skill: 'mobile', people: ['Kenji'] },
      { skill: 'web', people: ['Olivia'] },
    ]);
  });

  it('leaves out members who lost access, people of other teams, and what the scenario asks already', () => {
    const members = [
      { id: 'k', active: true },
      { id: 'm', active: false },
    ];
    expect(teamSkills(members, people, ['mobile'])).toEqual([{ skill: 'api', people: ['Kenji'] }]);
    expect(teamSkills([], people)).toEqual([]);
  });
});
