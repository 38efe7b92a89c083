import { describe, expect, it } from 'vitest';
import { quietHoursSchema } from './notifications.types.ts';
import { channelsFor, compose, renderEmail, renderSlack } from './plan.ts';

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
