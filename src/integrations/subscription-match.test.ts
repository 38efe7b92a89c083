import { describe, expect, it } from 'vitest';
import { teamsNamedIn, wantsTeams, wantsType } from './subscription-match.ts';

describe('which subscriptions an event goes to', () => {
  it('takes its types, or every type with *', () => {
    expect(wantsType({ events: ['handoff.sent'], teams: [] }, 'handoff.sent')).toBe(true);
    expect(wantsType({ events: ['handoff.sent'], teams: [] }, 'sla.breached')).toBe(false);
    expect(wantsType({ events: ['*'], teams: [] }, 'a.type_added_later')).toBe(true);
  });

  it('kept to teams, takes only events about one of them; unfiltered, every team and none', () => {
    const finance = { events: ['*'], teams: ['finance', 'billing'] };
    expect(wantsTeams(finance, ['support', 'billing'])).toBe(true);
    expect(wantsTeams(finance, ['engineering'])).toBe(false);
    expect(wantsTeams(finance, [])).toBe(false);
    expect(wantsTeams({ events: ['*'], teams: [] }, [])).toBe(true);
  });

  it('reads the team keys an event names, skipping empty ones', () => {
    expect(teamsNamedIn({ toTeam: 'finance', fromTeam: 'support', ownerId: 'p1' })).toEqual([
      'finance',
      'support',
    ]);
    expect(teamsNamedIn({ team: 'tier-2', toTeam: null, fromTeam: '' })).toEqual(['tier-2']);
    expect(teamsNamedIn({})).toEqual([]);
  });
});
