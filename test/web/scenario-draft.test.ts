import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../web/src/api/types.ts';
import { parseSkills as skillsOf } from '../../web/src/people/person-form.ts';
import { skilledMembers, toDraft, toInput } from '../../web/src/settings/scenario-draft.ts';

const teams = [{ key: 'engineering' }];
const scenario = {
  id: 'mobile-to-engineering',
  name: 'Mobile app to Engineering',
  toTeam: 'engineering',
  required: ['whatHappened'],
  sla: [{ name: 'acknowledge', target: 'P1D' }],
  ladder: [],
  template: { version: 1, lastReviewed: '2026-11-01' },
  ownership: 'skills',
  skills: ['mobile', 'api'],
  version: 3,
  templateStale: false,
} as unknown as Scenario;

describe('the scenario editor’s owner rule', () => {
  it('reads the skills a lead types, each once', () => {
    expect(skillsOf('mobile, api ,, mobile')).toEqual(['mobile', 'api']);
    expect(skillsOf('  ')).toEqual([]);
  });

  it('keeps the rule and the skills through the form, and leaves them out when unset', () => {
    const draft = toDraft(scenario, teams);
    expect(draft).toMatchObject({ ownership: 'skills', skills: 'mobile, api' });
    expect(toInput(draft, scenario, 'UTC')).toMatchObject({ ownership: 'skills', skills: ['mobile', 'api'] });
    const input = toInput({ ...draft, ownership: '', skills: '' }, scenario, 'UTC');
    // Left out of the JSON: the team's rule, no skills asked for.
    expect(JSON.parse(JSON.stringify(input))).not.toHaveProperty('ownership');
    expect(JSON.parse(JSON.stringify(input))).not.toHaveProperty('skills');
    expect(toDraft(undefined, teams)).toMatchObject({ ownership: '', skills: '' });
  });

  it('names who in the team matches, best match first, and nobody when nobody does', () => {
    const members = [
      { id: 'k', name: 'Kenji' },
      { id: 'o', name: 'Olivia' },
      { id: 'm', name: 'Mateo' },
    ];
    const people = [
      { id: 'k', skills: ['api'] },
      { id: 'o', skills: ['web', 'api', 'mobile'] },
      { id: 'm', skills: ['billing-system'] },
    ];
    expect(skilledMembers(['mobile', 'api'], members, people)).toEqual([
      { name: 'Olivia', has: ['mobile', 'api'] },
      { name: 'Kenji', has: ['api'] },
    ]);
    expect(skilledMembers(['german'], members, people)).toEqual([]);
  });
});
