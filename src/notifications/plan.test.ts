import { describe, expect, it } from 'vitest';
import { quietHoursSchema } from './notifications.types.ts';
import { channelsFor, compose, deadlineWords, renderEmail, renderSlack } from './plan.ts';

const night = Date.parse('2026-11-23T23:30:00Z');
const day = Date.parse('2026-11-23T10:00:00Z');
const quietHours = quietHoursSchema.parse({ start: '22:00', end: '07:00' });
const base = { timezone: 'Europe/London', slack: true, email: true };

describe('channels per notification', () => {
  it('follows the defaults, only where an address exists', () => {
    expect(channelsFor({ ...base, kind: 'page' }, day)).toEqual(['slack', 'email']);
    expect(channelsFor({ ...base, kind: 'sla_warning' }, day)).toEqual(['slack']);
    expect(channelsFor({ ...base, kind: 'page', slack: false }, day)).toEqual(['email']);
  });
  it('follows the person’s choice per kind', () => {
    expect(channelsFor({ ...base, kind: 'mention', chosen: { mention: ['in_app', 'email'] } }, day)).toEqual([
      'email',
    ]);
    expect(
      channelsFor({ ...base, kind: 'sentiment_dip', chosen: { sentiment_dip: ['in_app'] } }, day),
    ).toEqual([]);
  });
  it('keeps quiet hours to the inbox, except for pages', () => {
    expect(channelsFor({ ...base, kind: 'sla_escalation', quietHours }, night)).toEqual([]);
    expect(channelsFor({ ...base, kind: 'page', quietHours }, night)).toEqual(['slack', 'email']);
    expect(channelsFor({ ...base, kind: 'sla_escalation', quietHours }, day)).toEqual(['slack', 'email']);
  });
});

describe('messages', () => {
  const m = compose({
    kind: 'page',
    caseId: 'cs_1',
    handoffId: 'ho_1',
    subject: 'Charged twice',
    clock: 'acknowledge',
    percent: 150,
    deadline: '2026-11-23T14:00:00.000Z',
  });
  it('names the case, the clock and how far it ran', () => {
    expect(m.title).toBe('Page: acknowledge at 150% on "Charged twice"');
    expect(m.link).toBe('/handoffs/ho_1');
  });
  it('renders for Slack and email with absolute links when the public URL is known', () => {
    const slack = renderSlack(m, 'https://baton.example');
    expect(slack.text).toContain('https://baton.example/handoffs/ho_1');
    expect(slack.blocks[0]).toMatchObject({ type: 'section' });
    expect(renderEmail(m).subject).toBe('[Baton] Page: acknowledge at 150% on "Charged twice"');
    expect(renderEmail(m).text).toContain('Open in Baton: /handoffs/ho_1');
  });
});

describe('deadlines and dips in words', () => {
  it('says a deadline in the zone of its hours, named, never as an ISO instant', () => {
    expect(deadlineWords('2026-11-23T14:00:00.000Z', 'Europe/Berlin')).toBe('Mon 23 Nov, 15:00 CET');
    expect(deadlineWords('2026-11-23T14:00:00.000Z')).toBe('Mon 23 Nov, 14:00 UTC');
    expect(deadlineWords('2026-11-23T14:00:00.000Z', 'Nowhere/Atlantis')).toBe('Mon 23 Nov, 14:00 UTC');
    const warning = compose({
      kind: 'sla_warning',
      caseId: 'cs_1',
      handoffId: 'ho_1',
      clock: 'acknowledge',
      percent: 75,
      deadline: '2026-11-23T14:00:00.000Z',
      deadlineZone: 'Europe/London',
    });
    expect(warning.body).toContain('(deadline Mon 23 Nov, 14:00 GMT)');
    expect(warning.body).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('says why a dip fired in words, not its code', () => {
    const dip = compose({
      kind: 'sentiment_dip',
      caseId: 'cs_1',
      handoffId: null,
      reason: 'floor',
      excerpt: 'Unacceptable.',
    });
    expect(dip.body).toBe('The customer\'s sentiment dropped (very negative now): "Unacceptable."');
    expect(
      compose({ kind: 'sentiment_dip', caseId: 'cs_1', handoffId: null, reason: 'drop', excerpt: 'x' }).body,
    ).toContain('sharply below the earlier messages');
  });
});

describe('a handoff made someone’s', () => {
  const given = { kind: 'owner_changed' as const, caseId: 'cs_1', handoffId: 'ho_1', by: 'Grace Liu' };
  it('names the one handoff, who gave it, after whom and why', () => {
    expect(
      compose({ ...given, subject: 'Refund owed', team: 'Finance', previousOwner: 'Tom', reason: 'sick' }),
    ).toEqual({
      kind: 'owner_changed',
      title: 'Grace Liu gave you the handoff on "Refund owed"',
      body: 'You own it now for Finance, after Tom. Reason: sick.',
      link: '/handoffs/ho_1',
    });
    expect(compose({ ...given, by: undefined, count: 1 }).title).toBe(
      'Baton gave you the handoff on case cs_1',
    );
  });
  it('says several given at once in one notice, naming the first three, linking to the own queue', () => {
    const two = compose({ ...given, count: 2, subjects: ['A, with a comma', 'B'], reason: 'rebalancing' });
    expect(two).toEqual({
      kind: 'owner_changed',
      title: 'Grace Liu gave you 2 handoffs',
      body: 'You own them now: "A, with a comma" and "B". Reason: rebalancing.',
      link: '/queue?tab=mine',
    });
    const five = compose({
      ...given,
      count: 5,
      subjects: ['A', 'B', 'C', 'D', 'E'],
      team: 'Finance, Support',
    });
    expect(five.body).toBe(
      'You own them now for Finance, Support: "A", "B", "C" and 2 more. Reason: none given.',
    );
  });
});
