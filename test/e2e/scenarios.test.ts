import { expect, it } from 'vitest';
import { describeOnDatabases, newCase } from '../support/harness.ts';
import { snapshot } from '../support/snapshot.ts';

describeOnDatabases('scenarios as policy', (h) => {
  it('lists the six seed scenarios with their targets', async () => {
    const res = await h().request('GET', '/api/v1/scenarios');
    const byId = Object.fromEntries(res.body.items.map((s: { id: string }) => [s.id, s]));
    expect(Object.keys(byId).sort()).toEqual([
      'agent-to-supervisor',
      'billing-to-finance',
      'bot-to-human',
      'tech-to-engineering',
      'tier1-to-tier2',
      'voice-to-chat',
    ]);
    expect(byId['billing-to-finance'].sla[0]).toMatchObject({ name: 'acknowledge', target: 'PT4H' });
    expect(byId['tech-to-engineering'].sla[0].target).toBe('P1D');
    expect(byId['agent-to-supervisor'].sla[0].target).toBe('PT0M');
    expect(byId['voice-to-chat'].templateStale).toBe(true);
    expect(byId['billing-to-finance'].required).toEqual([
      'whatHappened',
      'attempted',
      'emotion',
      'documents',
      'urgency',
      'nextSteps',
    ]);
  });

  it('creates a scenario usable at once, with its own calendar and required fields, versioned', async () => {
    const calendar = {
      timezone: 'Asia/Kolkata',
      hours: {
        mon: [['09:30', '18:00']],
        tue: [['09:30', '18:00']],
        wed: [['09:30', '18:00']],
        thu: [['09:30', '18:00']],
        fri: [['09:30', '18:00']],
      },
    };
    const created = await h().request('POST', '/api/v1/scenarios', {
      id: 'refunds-to-finance',
      toTeam: 'finance',
      required: ['whatHappened', 'urgency'],
      sla: [
        { name: 'acknowledge', target: 'PT2H', calendar },
        { name: 'resolve', target: 'P2D' },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body.version).toBe(1);
    const c = await h().request('POST', '/api/v1/cases', newCase());
    h().setNow('2026-11-23T10:00:00Z'); // 15:30 in Kolkata
    const sent = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'refunds-to-finance',
      packet: { whatHappened: 'Refund stuck', urgency: 'high' },
    });
    expect(sent.status).toBe(201);
    expect(sent.body.sla.find((s: { name: string }) => s.name === 'acknowledge').deadline).toBe(
      '2026-11-23T12:00:00.000Z',
    );
    const underscored = await h().request('POST', '/api/v1/scenarios', {
      id: 'Refunds_to_Finance.v2',
      toTeam: 'finance',
      sla: [{ name: 'acknowledge', target: 'PT1H' }],
    });
    expect(underscored.status).toBe(201);
    const coded = await h().request('POST', `/api/v1/handoffs/${sent.body.id}/bounce`, {
      reason: 'refund_policy',
    });
    expect(coded.body).toMatchObject({ state: 'bounced', bounce: { reason: 'refund_policy' } });
    const again = await h().request('POST', '/api/v1/scenarios', {
      id: 'refunds-to-finance',
      toTeam: 'finance',
      sla: [{ name: 'acknowledge', target: 'PT1H' }],
    });
    expect(again.body.version).toBe(2);
    const view = await h().request('GET', '/api/v1/scenarios/refunds-to-finance');
    expect(view.body.history.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const incomplete = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'refunds-to-finance',
      packet: { whatHappened: 'Refund stuck' },
    });
    expect(incomplete.body.error.missing).toEqual([
      'attempted',
      'emotion',
      'documents',
      'urgency',
      'nextSteps',
    ]);
  });

  it('refuses bad scenarios and non-leads, changing nothing', async () => {
    const agent = await h().tokenFor('amara');
    const before = await snapshot(h().database);
    const cases: [unknown, number, string, string?][] = [
      [{ id: 'x-y', toTeam: 'nowhere', sla: [] }, 422, 'unknown_team', 'toTeam'],
      [
        { id: 'x-y', toTeam: 'finance', sla: [{ name: 'acknowledge', target: '4 hours' }] },
        400,
        'validation_failed',
        'sla.0.target',
      ],
      [{ id: 'Bad Id', toTeam: 'finance' }, 400, 'validation_failed', 'id'],
      // A blank name would show as nothing wherever the scenario is picked.
      [{ id: 'x-y', name: '  ', toTeam: 'finance' }, 400, 'validation_failed', 'name'],
      // Two clocks of one name: the scenario would lose the clock it meant (accept stops `acknowledge`).
      [
        {
          id: 'x-y',
          toTeam: 'finance',
          sla: [
            { name: 'resolve', target: 'PT4H' },
            { name: 'resolve', target: 'P2D' },
          ],
        },
        400,
        'validation_failed',
        'sla.1.name',
      ],
      [
        {
          id: 'x-y',
          toTeam: 'finance',
          sla: [{ name: 'acknowledge', target: 'PT4H' }],
          ladder: [{ at: 50, action: 'reassign', clock: 'resolve' }],
        },
        400,
        'validation_failed',
        'ladder.0.clock',
      ],
      [
        {
          id: 'x-y',
          toTeam: 'finance',
          sla: [
            {
              name: 'a',
              target: 'PT1H',
              calendar: { timezone: 'UTC', hours: { mon: [['17:00', '09:00']] } },
            },
          ],
        },
        400,
        'validation_failed',
        // The hours at fault, not "must be 24/7 or hours per weekday".
        'sla.0.calendar.hours.mon',
      ],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await h().request('POST', '/api/v1/scenarios', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.code).toBe(code);
      if (field) expect(res.body.error.field).toBe(field);
      expect(res.body.error.message).not.toMatch(/undefined/);
    }
    const twice = await h().request('POST', '/api/v1/scenarios', {
      id: 'x-y',
      toTeam: 'finance',
      sla: [
        { name: 'resolve', target: 'PT4H' },
        { name: 'resolve', target: 'P2D' },
      ],
    });
    expect(twice.body.error.message).toMatch(/two clocks are named resolve/);
    const forbidden = await h().request(
      'POST',
      '/api/v1/scenarios',
      { id: 'x-y', toTeam: 'finance' },
      { token: agent },
    );
    expect(forbidden.status).toBe(403);
    expect(await snapshot(h().database)).toEqual(before);
  });
});
