import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { notificationOutbox } from '../../src/notifications/notifications.table.ts';
import { describeOnDatabases } from '../support/harness.ts';
import { startMailCatcher } from '../support/mail-catcher.ts';

/**
 * A person tests their own Slack address and e-mail, and a lead a team's channel, from where they
 * set them: a message sent now, and how it went. Nothing is kept, and without an address it says so.
 */
describeOnDatabases('test messages for notifications', (h) => {
  let receiver: Server;
  let base = '';
  const posts: { path: string; text: string }[] = [];
  let smtp: Awaited<ReturnType<typeof startMailCatcher>>;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => {
        body += d;
      });
      req.on('end', () => {
        if (req.url?.endsWith('/gone')) return void res.writeHead(404).end();
        posts.push({ path: req.url ?? '', text: JSON.parse(body).text });
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    smtp = await startMailCatcher();
    h().runtime.services.config.webhookAllowPrivate = true;
  });
  afterAll(async () => {
    await new Promise<void>((r) => receiver.close(() => r()));
    await smtp.close();
  });

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
    expect(posts.at(-1)).toEqual({
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
    expect(posts.at(-1)).toEqual({
      path: '/finance',
      text: expect.stringMatching(/^Baton is connected: Finance’s @mentions post here\n/),
    });
    const unknown = await h().request('POST', '/api/v1/notifications/teams/nope/test', undefined, grace);
    expect(unknown.status).toBe(404);
  });
});
