import { describe, expect, it } from 'vitest';
import { chatBody, eventInWords, linkOf, namedIn, type OutboxEvent } from './chat-message.ts';

const names = {
  person: (id: string) => ({ p1: 'Priya Shah', p2: 'Amara Okafor' })[id],
  team: (key: string) => ({ finance: 'Finance' })[key],
};
const event = (type: string, data: Record<string, unknown>): OutboxEvent => ({
  id: 'ev1',
  type,
  createdAt: '2026-12-07T09:00:00.000Z',
  data: { caseId: 'c1', handoffId: 'h1', ...data },
});

describe('an event in a team chat', () => {
  it('names the team and the people, and says the rest in words', () => {
    expect(
      eventInWords(
        event('handoff.sent', { toTeam: 'finance', ownerId: 'p1', scenario: 'billing-to-finance' }),
        names,
      ),
    ).toBe('📨 Handoff to Finance: Priya Shah owns it (billing to finance)');
    expect(
      eventInWords(event('sla.breached', { clock: 'acknowledge', lagMs: 5 * 60_000, ownerId: 'p2' }), names),
    ).toBe('⏰ SLA breached: acknowledge missed by 5 min, owner Amara Okafor');
    expect(
      eventInWords(event('sla.breached', { clock: 'resolve', lagMs: 3 * 3_600_000, ownerId: null }), names),
    ).toBe('⏰ SLA breached: resolve missed by 3 h, owner nobody');
    expect(
      eventInWords(event('satisfaction.rated', { rating: 2, satisfied: false, team: 'finance' }), names),
    ).toBe('👎 Customer rated 2 (not satisfied) after Finance');
    // Someone since removed, a team unknown: said without failing.
    expect(eventInWords(event('handoff.sent', { toTeam: 'tier9', ownerId: 'gone' }), names)).toBe(
      '📨 Handoff to tier9: someone owns it',
    );
    expect(eventInWords(event('qa.reviewed', {}), names)).toBe('Baton: qa.reviewed');
    expect(namedIn(event('handoff.bounced', { from: 'p1', to: 'p2', toTeam: 'finance' }))).toEqual({
      people: ['p1', 'p2'],
      teams: ['finance'],
    });
  });

  it('links to the handoff, else the case, on the public address only', () => {
    expect(linkOf(event('sla.breached', {}), 'https://baton.acme.com')).toBe(
      'https://baton.acme.com/handoffs/h1',
    );
    expect(linkOf(event('case.created', { handoffId: null }), 'https://baton.acme.com')).toBe(
      'https://baton.acme.com/cases/c1',
    );
    expect(linkOf(event('sla.breached', {}), undefined)).toBeUndefined();
  });

  it("writes the link in each chat's syntax, Slack's markup escaped", () => {
    const named = { ...names, team: () => 'R&D <core>' };
    const e = event('handoff.sent', { toTeam: 'rnd', ownerId: 'p1' });
    expect(JSON.parse(chatBody('slack', e, named, 'https://b.acme.com'))).toEqual({
      text: '📨 Handoff to R&amp;D &lt;core&gt;: Priya Shah owns it <https://b.acme.com/handoffs/h1|Open in Baton>',
    });
    expect(JSON.parse(chatBody('teams', e, named, 'https://b.acme.com'))).toEqual({
      text: '📨 Handoff to R&D <core>: Priya Shah owns it [Open in Baton](https://b.acme.com/handoffs/h1)',
    });
    expect(JSON.parse(chatBody('slack', e, named))).toEqual({
      text: '📨 Handoff to R&amp;D &lt;core&gt;: Priya Shah owns it',
    });
  });
});
