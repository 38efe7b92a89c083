import { describe, expect, it } from 'vitest';
import { ownerRule } from './owner-rule.ts';

describe('the rule an owner is chosen by', () => {
  it('is the scenario’s while the sender asks for nothing', () => {
    expect(ownerRule({ ownership: 'round-robin' }, null)).toEqual({
      strategy: 'round-robin',
      skills: undefined,
    });
    expect(ownerRule({ ownership: 'skills', skills: ['mobile'] }, [])).toEqual({
      strategy: 'skills',
      skills: ['mobile'],
    });
    // No scenario (or none that says): the team's strategy decides.
    expect(ownerRule(undefined, null)).toEqual({ strategy: undefined, skills: undefined });
  });

  it('is a skills match on the scenario’s skills and the sender’s, each once, whatever the strategy', () => {
    expect(ownerRule({ ownership: 'round-robin' }, ['web'])).toEqual({ strategy: 'skills', skills: ['web'] });
    expect(ownerRule({ ownership: 'least-loaded', skills: ['mobile', 'api'] }, ['api', 'web'])).toEqual({
      strategy: 'skills',
      skills: ['mobile', 'api', 'web'],
    });
  });
});
