import { afterAll, beforeAll, expect, it } from 'vitest';
import { notificationOutbox } from '../../src/notifications/notifications.table.ts';
import { describeOnDatabases } from '../support/harness.ts';
import { startMailCatcher } from '../support/mail-catcher.ts';
import { type SlackReceiver, startSlackReceiver } from '../support/slack-receiver.ts';

/**
 * A person tests their own Slack address and e-mail, and a lead a team's channel, from where they
 * set them: a message sent now, and how it went. Nothing is kept, and without an address it says so.
 */
describeOnDatabases('test messages for notifications', (h) => {
  let slack: SlackReceiver;
  let base = '';
  let smtp: Awaited<ReturnType<typeof startMailCatcher>>;

  beforeAll(async () => {
    slack = await startSlackReceiver();
    slack.refuse = (path) => (path.endsWith('/gone') ? 404 : null);
    base = slack.base;
    smtp = await startMailCatcher();
    h().runtime.services.config.webhookAllowPrivate = true;
  });
  afterAll(async () => {
    await slack.close();
    await smtp.close();
  });
  const lastPost = () => {
    const p = slack.posts.at(-1);
    return p && { path: p.path, text: p.body.text };
  };

  const as = async (key: string) => ({ token: await h().tokenFor(key) });
  const test = async (channel: unknown, key = 'priya') =>
    h().request('POST', '/api/v1/notifications/preferences/test', { channel }, await as(key));

  it("sends a person's own Slack and e-mail a test now, saying how it went, keeping nothing", async () => {
    const config = h().runtime.services.config;
    const outboxBefore = (await h().database.db.select().from(notificationOutbox)).length;
    // No Slack address saved: said, with the field to fill.
    const none = await test('slack');
    expect([none.status, none.body.error.code, none.body.error.field]).toEqual([
      409,
      'no_address',
      'slackUrl',
    ]);

    const priya = await as('priya');
    await h().request('PUT', '/api/v1/notifications/preferences', { slackUrl: `${base}/priya/AB12` }, priya);
    const ok = await test('slack');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ delivered: true, error: null, to: `${new URL(base).host}/…AB12` });
    expect(ok.body.ms).toEqual(expect.any(Number));
    expect(lastPost()).toEqual({
      path: '/priya/AB12',
      text: expect.stringMatching(/^Baton is connected: your notifications arrive here\n/),
    });

    await h().request('PUT', '/api/v1/notifications/preferences', { slackUrl: `${base}/priya/gone` }, priya);
    expect((await test('slack')).body).toMatchObject({ delivered: false, error: 'HTTP 404' });

    // E-mail: refused while this Baton has no mail server, then to the sign-in address.
    config.smtpUrl = undefined;
    const off = await test('email');
    expect([off.status, off.body.error.code]).toEqual([409, 'email_off']);
    config.smtpUrl = smtp.url;
    try {
      const mail = await test('email');
      expect(mail.body).toMatchObject({ delivered: true, to: 'priya@northwind.example' });
      expect(smtp.mails.at(-1)!.to).toEqual(['priya@northwind.example']);
      expect(smtp.mails.at(-1)!.data).toContain('Baton is connected');
    } finally {
      config.smtpUrl = undefined;
    }
    expect((await test('sms')).status).toBe(400);
    expect((await h().database.db.select().from(notificationOutbox)).length).toBe(outboxBefore);
  });

  it("posts a test to a team's channel for its lead, and says when it has none", async () => {
    const grace = await as('grace');
    const none = await h().request('POST', '/api/v1/notifications/teams/finance/test', undefined, grace);
    expect([none.status, none.body.error.code]).toEqual([409, 'no_address']);
    await h().request('PUT', '/api/v1/notifications/teams/finance', { slackUrl: `${base}/finance` }, grace);
    const ok = await h().request('POST', '/api/v1/notifications/teams/finance/test', undefined, grace);
    expect(ok.body).toMatchObject({ delivered: true, error: null });
    expect(lastPost()).toEqual({
      path: '/finance',
      text: expect.stringMatching(/^Baton is connected: Finance’s @mentions post here\n/),
    });
    const unknown = await h().request('POST', '/api/v1/notifications/teams/nope/test', undefined, grace);
    expect(unknown.status).toBe(404);
  });
});
