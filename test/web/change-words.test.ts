import { describe, expect, it } from 'vitest';
import { type AdminChange, changeWords } from '../../web/src/admin/change-words.ts';

const names = {
  person: (id: string) => ({ p_grace: 'Grace Liu', p_tom: 'Tom Becker' })[id] ?? id,
  team: (key: string) => ({ finance: 'Finance', tier2: 'Tier 2' })[key] ?? key,
  scenario: (id: string) => ({ 'tier1-to-tier2': 'Tier 1 → Tier 2' })[id] ?? id,
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
        change('person.changed', 'Zoe Park', { passwordLink: { from: null, to: 'invite' } }),
        names,
      ),
    ).toBe('changed Zoe Park: invitation to choose a password e-mailed');
    expect(
      changeWords(change('person.changed', 'Zoe Park', { passwordLink: { from: null, to: 'reset' } }), names),
    ).toBe('changed Zoe Park: link to set a new password e-mailed');
    expect(
      changeWords(change('person.changed', 'Zoe Park', { twoStep: { from: 'on', to: 'off' } }), names),
    ).toBe('changed Zoe Park: two-step sign-in turned off');
    // An erasure never names the customer, whatever the row holds.
    expect(
      changeWords(
        change('customer.erased', 'Erased customer', {
          personalData: { from: 'kept', to: 'erased' },
          cases: { from: null, to: 2 },
          reason: { from: null, to: 'DSR-118' },
        }),
        names,
      ),
    ).toBe('erased the personal data of a customer (2 cases; reference DSR-118)');
    expect(
      changeWords(change('customer.erased', 'Erased customer', { cases: { from: null, to: 1 } }), names),
    ).toBe('erased the personal data of a customer (1 case)');
    expect(
      changeWords(change('customer.exported', 'Customer', { cases: { from: null, to: 3 } }), names),
    ).toBe('downloaded the data held about a customer (3 cases)');
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

  it('reads a calendar change day by day, holidays as added and removed, and counts the clocks moved', () => {
    expect(
      changeWords(
        change('calendar.changed', 'Finance', {
          timezone: { from: 'Europe/London', to: 'Europe/Paris' },
          'hours.fri': { from: [['09:00', '17:00']], to: [['09:00', '12:00']] },
          'hours.sat': { from: null, to: [['10:00', '14:00']] },
          'hours.sun': { from: [['10:00', '12:00']], to: null },
          holidays: { from: ['2026-01-01'], to: ['2026-12-25'] },
          clocksRecomputed: { from: null, to: 3 },
        }),
        names,
      ),
    ).toBe(
      'changed the calendar of Finance: time zone Europe/London → Europe/Paris; Friday 09:00–17:00 → 09:00–12:00; ' +
        'Saturday closed → 10:00–14:00; Sunday 10:00–12:00 → closed; holidays added 2026-12-25, removed 2026-01-01 ' +
        '(3 running clocks recomputed)',
    );
  });

  it('names settings in words, a Slack webhook only as new or removed', () => {
    expect(
      changeWords(
        change('settings.changed', 'Customer risk settings', {
          pageThreshold: { from: 70, to: 65 },
          'caps.negative_sentiment': { from: null, to: 10 },
        }),
        names,
      ),
    ).toBe('changed Customer risk settings: page a supervisor at risk 70 → 65; cap of negative sentiment 10');
    expect(
      changeWords(
        change('settings.changed', 'QA sampling', {
          everyBreach: { from: true, to: false },
          'scenarios.tier1-to-tier2': { from: null, to: 50 },
        }),
        names,
      ),
    ).toBe('changed QA sampling: every breach yes → no; sample % of tier1-to-tier2 50');
    expect(
      changeWords(
        change('settings.changed', 'Sign-in security', {
          twoStepRequired: { from: 'nobody', to: 'everyone' },
        }),
        names,
      ),
    ).toBe('changed Sign-in security: two-step sign-in required of nobody → everyone');
    expect(
      changeWords(
        change('settings.changed', 'Single sign-on', { domainUnproved: { from: 'acme.com', to: null } }),
        names,
      ),
    ).toBe(
      'changed Single sign-on: acme.com no longer proved: its DNS record was missing for three days, so it signs nobody in',
    );
    expect(
      changeWords(
        change('settings.changed', 'Single sign-on', {
          singleSignOn: { from: null, to: true },
          emailDomains: { from: null, to: ['acme.com', 'eu.acme.com'] },
          passwordSignIn: { from: 'everyone', to: 'admins_only' },
          clientSecret: { from: null, to: 'changed' },
        }),
        names,
      ),
    ).toBe(
      'changed Single sign-on: single sign-on turned on; e-mail domains acme.com, eu.acme.com; password sign-in for everyone → admins only; new client secret',
    );
    expect(
      changeWords(
        change('settings.changed', 'Sign-in security', { sessionIdleMinutes: { from: null, to: 30 } }),
        names,
      ),
    ).toBe('changed Sign-in security: signed out never → after 30 minutes idle');
    expect(
      changeWords(
        change('settings.changed', 'Sign-in security', { sessionIdleMinutes: { from: 1440, to: null } }),
        names,
      ),
    ).toBe('changed Sign-in security: signed out after 1 day idle → never');
    expect(
      changeWords(change('team.changed', 'Finance', { slackUrl: { from: 'set', to: null } }), names),
    ).toBe('changed the team Finance: Slack webhook removed');
  });

  it('says which version of a scenario or scorecard was saved and what it changed, and how a group is mapped', () => {
    expect(
      changeWords(
        change('scenario.changed', 'Refunds to Finance', {
          version: { from: 1, to: 2 },
          required: { from: ['a'], to: ['a', 'b'] },
          'customerUpdate.templates.en': { from: 'x', to: 'y' },
        }),
        names,
      ),
    ).toBe('changed the scenario Refunds to Finance (version 2): required, customerUpdate.templates.en');
    expect(
      changeWords(change('scorecard.added', 'Handoff rubric', { version: { from: null, to: 1 } }), names),
    ).toBe('added the scorecard Handoff rubric (version 1)');
    expect(
      changeWords(
        change('mapping.changed', 'zendesk Billing', {
          scenario: { from: 'billing-to-finance', to: 'tier1-to-tier2' },
        }),
        names,
      ),
    ).toBe('mapped the zendesk Billing group to the scenario Tier 1 → Tier 2 (was billing-to-finance)');
  });
});
