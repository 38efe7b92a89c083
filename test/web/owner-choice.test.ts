import { describe, expect, it } from 'vitest';
import { mayOwn, ownerRuleWords } from '../../web/src/handoffs/owner-choice.ts';

describe('owner choices', () => {
  it('offers only members who have access', () => {
    const member = (id: string, active: boolean) => ({ id, name: id, availability: 'available', active });
    expect(mayOwn([member('a', true), member('gone', false), member('b', true)]).map((m) => m.id)).toEqual([
      'a',
      'b',
    ]);
  });

  it("names the rule Baton chooses by: the scenario's, else the team's", () => {
    expect(ownerRuleWords('round-robin')).toBe('round-robin');
    expect(ownerRuleWords('round-robin', { ownership: 'least-loaded' })).toBe('least-loaded');
    expect(ownerRuleWords('least-loaded', { ownership: 'skills', skills: ['mobile', 'api'] })).toBe(
      'skills: mobile, api',
    );
    // The team routes by skills, the scenario asks for some.
    expect(ownerRuleWords('skills', { skills: ['german'] })).toBe('skills: german');
    // Skills asked for by nobody: the strategy's own name (it falls back to load).
    expect(ownerRuleWords('skills', { skills: [] })).toBe('skills');
  });
});
