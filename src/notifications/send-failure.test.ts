import { describe, expect, it } from 'vitest';
import { failureEventId, failureNotice } from './send-failure.ts';

const slack = {
  channel: 'slack' as const,
  target: 'https://hooks.slack.com/x',
  attempts: 10,
  error: 'HTTP 404',
};

describe('a notice of a send given up', () => {
  it('tells a person where to fix their own address, with the last error', () => {
    expect(failureNotice(slack, { type: 'person' })).toEqual({
      title: 'Your Slack messages from Baton are not getting through',
      body: 'A message was given up after 10 tries: HTTP 404. Check your Slack address in Notification settings.',
      link: null,
    });
    const mail = failureNotice(
      { channel: 'email', target: 'grace@northwind.example', attempts: 1, error: null },
      { type: 'person' },
    );
    expect(mail.title).toBe('E-mail from Baton is not reaching grace@northwind.example');
    expect(mail.body).toBe(
      'An e-mail was given up after 1 try. Check your address in Notification settings.',
    );
  });

  it("leads a team's lead to the team's card, and admins to the reviews", () => {
    expect(failureNotice(slack, { type: 'team', teamName: 'Finance' })).toMatchObject({
      title: 'Finance’s Slack channel is not receiving Baton’s posts',
      link: '/people?view=teams',
    });
    expect(failureNotice(slack, { type: 'review' })).toMatchObject({
      title: 'The weekly review could not be sent by Slack',
      link: '/reviews',
    });
  });

  it('is one per address, channel and day', () => {
    const morning = new Date('2026-11-24T08:00:00Z');
    const evening = new Date('2026-11-24T23:59:00Z');
    expect(failureEventId('slack', 'abc', morning)).toBe(failureEventId('slack', 'abc', evening));
    expect(failureEventId('slack', 'abc', morning)).not.toBe(failureEventId('email', 'abc', morning));
    expect(failureEventId('slack', 'abc', morning)).not.toBe(
      failureEventId('slack', 'abc', new Date('2026-11-25T00:00:00Z')),
    );
  });
});
