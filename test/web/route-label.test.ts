import { describe, expect, it } from 'vitest';
import { routeLabel } from '../../web/src/analytics/figures.ts';
import { senderName } from '../../web/src/handoffs/sender.ts';

const teamName = (key: string) => ({ support: 'Support', tier2: 'Tier 2', finance: 'Finance' })[key] ?? key;

describe('a route in the organisation’s team names', () => {
  it('names both teams', () => {
    expect(routeLabel('support → tier2', teamName)).toBe('Support → Tier 2');
  });
  it('names a sender without a team by its kind', () => {
    expect(routeLabel('(bot) → support', teamName)).toBe('Bot → Support');
    expect(routeLabel('(baton) → supervisors', teamName)).toBe('Baton → supervisors');
  });
  it('names a handoff inside one team as within it', () => {
    expect(routeLabel('support → support', teamName)).toBe('Within Support');
  });
  it('keeps a key it has no name for', () => {
    expect(routeLabel('support → legal', teamName)).toBe('Support → legal');
  });
});

describe('who sent a handoff', () => {
  it('is the person, else what sent it', () => {
    expect(senderName({ sender: { name: 'Amara Okafor' }, fromKind: 'agent' })).toBe('Amara Okafor');
    expect(senderName({ sender: null, fromKind: 'baton' })).toBe('Baton');
    expect(senderName({ sender: null, fromKind: 'bot' })).toBe('Bot');
  });
});
