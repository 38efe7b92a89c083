import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../web/src/api/types.ts';
import { parseSkills as skillsOf } from '../../web/src/people/person-form.ts';
import {
  sameAsCurrent,
  scenarioIssues,
  skilledMembers,
  toDraft,
  toInput,
} from '../../web/src/settings/scenario-draft.ts';
import { targetFromInput, targetProblem } from '../../web/src/settings/target-input.ts';

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

describe('SLA targets as a lead types them', () => {
  it('reads words and ISO alike into the API’s form', () => {
    expect(targetFromInput('4h')).toBe('PT4H');
    expect(targetFromInput('2h 30m')).toBe('PT2H30M');
    expect(targetFromInput('90 min')).toBe('PT90M');
    expect(targetFromInput('15 minutes')).toBe('PT15M');
    expect(targetFromInput('2 hours')).toBe('PT2H');
    expect(targetFromInput('1 day')).toBe('P1D');
    expect(targetFromInput('3d')).toBe('P3D');
    expect(targetFromInput('pt4h')).toBe('PT4H');
    expect(targetFromInput('P2D')).toBe('P2D');
    expect(targetFromInput('0')).toBe('PT0M');
    expect(targetFromInput('at once')).toBe('PT0M');
  });

  it('refuses what is neither, and says why', () => {
    for (const text of ['', 'soon', '4 weeks', 'h', '1d 4h']) expect(targetFromInput(text), text).toBeNull();
    expect(targetProblem('1d 4h')).toMatch(/days or hours, not both/);
    expect(targetProblem('soon')).toMatch(/such as 4h/);
    expect(targetProblem('')).toMatch(/Give the clock a target/);
    expect(targetProblem('45m')).toBeUndefined();
  });

  it('is saved in the API’s form', () => {
    const draft = {
      ...toDraft(scenario, teams),
      sla: [{ name: 'acknowledge', target: '2h 30m', calendar: 'team' as const }],
    };
    expect(toInput(draft, scenario, 'UTC').sla).toEqual([{ name: 'acknowledge', target: 'PT2H30M' }]);
  });
});

describe('what stops a scenario from being saved', () => {
  const ok = toDraft(scenario, teams);

  it('finds nothing in a scenario as it was', () => {
    expect(scenarioIssues(ok)).toEqual(new Map());
  });

  it('names each field at fault by the API’s path, in the form’s words', () => {
    const issues = scenarioIssues({
      ...ok,
      name: '  ',
      sla: [
        { name: 'resolve', target: 'PT4H', calendar: 'team' },
        { name: 'resolve', target: 'soon', calendar: 'team' },
        { name: '', target: '1d', calendar: 'team' },
      ],
      ladder: [
        { at: 'abc', action: 'warn_owner', clock: '' },
        { at: '100', action: 'notify_lead', clock: 'acknowledge' },
      ],
      templateVersion: '-1',
    });
    expect([...issues.keys()]).toEqual([
      'name',
      'sla.1.name',
      'sla.1.target',
      'sla.2.name',
      'ladder.0.at',
      'ladder.1.clock',
      'template.version',
    ]);
    expect(issues.get('sla.1.name')).toMatch(/Another clock is named resolve/);
    expect(issues.get('ladder.1.clock')).toMatch(/No clock is named acknowledge/);
    expect(issues.get('template.version')).toMatch(/whole number/);
  });
});

describe('a scenario saved as it was', () => {
  it('is the current version, whatever order its keys come in', () => {
    expect(sameAsCurrent(toInput(toDraft(scenario, teams), scenario, 'UTC'), scenario)).toBe(true);
  });

  it('is a new version as soon as anything differs, and a new scenario always is', () => {
    const draft = toDraft(scenario, teams);
    expect(
      sameAsCurrent(toInput({ ...draft, name: 'Mobile to Engineering' }, scenario, 'UTC'), scenario),
    ).toBe(false);
    expect(sameAsCurrent(toInput({ ...draft, lastReviewed: '2026-12-01' }, scenario, 'UTC'), scenario)).toBe(
      false,
    );
    expect(sameAsCurrent(toInput(draft, undefined, 'UTC'), undefined)).toBe(false);
  });
});

describe('what the form does not show', () => {
  it('keeps a rung’s respectHours through an edit (it was dropped, and the rung fired off shift)', () => {
    const held = {
      ...scenario,
      ladder: [{ at: 100, action: 'notify_lead', respectHours: true }],
    } as unknown as Scenario;
    expect(toInput(toDraft(held, teams), held, 'UTC').ladder).toEqual([
      { at: 100, action: 'notify_lead', respectHours: true },
    ]);
    expect(sameAsCurrent(toInput(toDraft(held, teams), held, 'UTC'), held)).toBe(true);
  });
});
