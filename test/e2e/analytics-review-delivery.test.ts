import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { weeklyReviewJob } from '../../src/analytics/analytics.jobs.ts';
import { deliverNotifications } from '../../src/notifications/delivery.jobs.ts';
import { notificationOutbox } from '../../src/notifications/notifications.table.ts';
import { describeOnDatabases } from '../support/harness.ts';
import { startMailCatcher } from '../support/mail-catcher.ts';
import { snapshotAll } from '../support/snapshot.ts';

type Post = { text: string; blocks?: unknown[] };

/** The weekly review sent by the scheduled job to the organisation's Slack-compatible webhook and e-mail. */
describeOnDatabases('weekly review delivery', (h) => {
  const posts: Post[] = [];
  let slack: Server;
  let smtp: Awaited<ReturnType<typeof startMailCatcher>>;
  let slackUrl = '';

  beforeAll(async () => {
    slack = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => {
        body += d;
      });
      req.on('end', () => {
        posts.push(JSON.parse(body));
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => slack.listen(0, '127.0.0.1', r));
    slackUrl = `http://127.0.0.1:${(slack.address() as AddressInfo).port}/hooks/review`;
    smtp = await startMailCatcher();
    const config = h().runtime.services.config;
    config.smtpUrl = smtp.url;
    config.publicUrl = 'https://baton.northwind.example';
  });
  afterAll(async () => {
    await new Promise<void>((r) => slack.close(() => r()));
    await smtp.close();
  });

  const lead = () => h().tokenFor('ines');

  it('refuses a loopback webhook unless allowed, and a malformed address, changing nothing', async () => {
    const token = await lead();
    const before = await snapshotAll(h().database);
    h().runtime.services.config.webhookAllowPrivate = false;
    const refused = await h().request(
      'PUT',
      '/api/v1/analytics/review-delivery',
      { slackUrl, emails: [] },
      { token },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('webhook_target_refused');
    const bad = await h().request(
      'PUT',
      '/api/v1/analytics/review-delivery',
      { slackUrl: null, emails: ['not an address'] },
      { token },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(await snapshotAll(h().database)).toEqual(before);
    const agent = await h().tokenFor('amara');
    const forbidden = await h().request('GET', '/api/v1/analytics/review-delivery', undefined, {
      token: agent,
    });
    expect(forbidden.status).toBe(403);
  });

  it('sends the stored review once to the webhook and each address, however many processes store it', async () => {
    const token = await lead();
    h().runtime.services.config.webhookAllowPrivate = true;
    const set = await h().request(
      'PUT',
      '/api/v1/analytics/review-delivery',
      { slackUrl, emails: ['Grace@northwind.example', 'mateo@northwind.example', 'grace@northwind.example'] },
      { token },
    );
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ slackUrl, emails: ['grace@northwind.example', 'mateo@northwind.example'] });
    expect(
      (await h().request('GET', '/api/v1/analytics/review-delivery', undefined, { token })).body,
    ).toEqual(set.body);

    const job = weeklyReviewJob(h().runtime.services);
    const monday = new Date('2026-11-30T09:00:00Z');
    await Promise.all([job.run(monday), job.run(monday), job.run(monday)]);
    await job.run(new Date('2026-11-30T10:00:00Z'));
    const queued = await h()
      .database.db.select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.orgId, h().org.orgId));
    expect(queued.map((r) => [r.channel, r.target]).sort()).toEqual([
      ['email', 'grace@northwind.example'],
      ['email', 'mateo@northwind.example'],
      ['slack', slackUrl],
    ]);

    const services = { ...h().runtime.services, clock: () => new Date() };
    while ((await deliverNotifications(services)) > 0) {}
    expect(posts).toHaveLength(1);
    expect(posts[0]!.text).toMatch(/weekly review 2026-W48/);
    expect(posts[0]!.text).toContain('Cases opened:');
    expect(posts[0]!.text).toContain('https://baton.northwind.example/reviews/2026-W48');
    expect(smtp.mails.map((m) => m.to).sort()).toEqual([
      ['grace@northwind.example'],
      ['mateo@northwind.example'],
    ]);
    expect(smtp.mails[0]!.data).toMatch(/Subject: .*weekly review 2026-W48/);
    expect(smtp.mails[0]!.data).toContain('Open in Baton: https://baton.northwind.example/reviews/2026-W48');
  });
});
