import { describe, expect, it } from 'vitest';
import { type AdminChange, changeWords } from '../../web/src/people/change-words.ts';

const names = {
  person: (id: string) => ({ p_grace: 'Grace Liu', p_tom: 'Tom Becker' })[id] ?? id,
  team: (key: string) => ({ finance: 'Finance', tier2: 'Tier 2' })[key] ?? key,
};
const change = (action: string, subjectName: string, detail: AdminChange['detail']): AdminChange => ({
  id: 'ac_1',
  at: '2026-12-05T10:00:00.000Z',
  actor: null,
  action,
  subject: 'x',
  subjectName,
  detail,
});

describe('the admin change log in words', () => {
  it('says what changed about a person, with a password only as new', () => {
    expect(
      changeWords(
        change('person.changed', 'Zoe Park', {
          roles: { from: ['agent'], to: ['agent', 'lead'] },
          password: { from: null, to: 'set' },
        }),
        names,
      ),
    ).toBe('changed Zoe Park: roles agent → agent, lead; new password');
    expect(
      changeWords(
        change('person.added', 'Zoe Park', {
          name: { from: null, to: 'Zoe Park' },
          teams: { from: null, to: ['finance'] },
        }),
        names,
      ),
    ).toBe('added Zoe Park: teams Finance');
  });

  it('names teams and leads as the organisation does, and counts what was handed on', () => {
    expect(
      changeWords(change('team.changed', 'Finance', { leadId: { from: 'p_grace', to: 'p_tom' } }), names),
    ).toBe('changed the team Finance: lead Grace Liu → Tom Becker');
    expect(
      changeWords(
        change('member.left', 'Tom Becker', {
          team: { from: 'finance', to: null },
          handedOn: { from: null, to: 2 },
        }),
        names,
      ),
    ).toBe('removed Tom Becker from Finance (2 open handoffs handed on)');
    expect(
      changeWords(
        change('member.changed', 'Tom Becker', {
          team: { from: 'tier2', to: 'tier2' },
          capacity: { from: null, to: 4 },
        }),
        names,
      ),
    ).toBe('changed Tom Becker in Tier 2: capacity 4');
  });

  it('says a webhook was paused or resumed in one word', () => {
    expect(
      changeWords(
        change('webhook.changed', 'https://x.example/h', { active: { from: true, to: false } }),
        names,
      ),
    ).toBe('paused the webhook https://x.example/h');
  });
});
