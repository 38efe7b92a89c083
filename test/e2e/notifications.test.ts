import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appendEvent } from '../../src/events/events.commands.ts';
import { deliverNotifications } from '../../src/notifications/delivery.jobs.ts';
import { notificationOutbox } from '../../src/notifications/notifications.table.ts';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';
import { startMailCatcher } from '../support/mail-catcher.ts';

/** The Subject header of a raw message, RFC 2047 Q-encoded words decoded. */
function subjectOf(raw: string): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  return header.replace(/\?=\s+=\?/g, '?==?').replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_, q: string) =>
    Buffer.from(q.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1'), 'utf8')
      .toString()
      .replace(/%([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
  );
}

type Post = { path: string; body: { text: string; blocks?: unknown[] } };

describeOnDatabases('notifications', (h) => {
  const posts: Post[] = [];
  let failSlack = 0;
  let slack: Server;
  let smtp: Awaited<ReturnType<typeof startMailCatcher>>;
  let slackBase = '';

  beforeAll(async () => {
    slack = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => {
        body += d;
      });
      req.on('end', () => {
        if (failSlack > 0) {
          failSlack--;
          res.writeHead(500).end();
          return;
        }
        posts.push({ path: req.url ?? '', body: JSON.parse(body) });
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => slack.listen(0, '127.0.0.1', r));
    slackBase = `http://127.0.0.1:${(slack.address() as AddressInfo).port}`;
    smtp = await startMailCatcher();
    const config = h().runtime.services.config;
    config.webhookAllowPrivate = true;
    config.smtpUrl = smtp.url;
    config.smtpFrom = 'Baton <baton@northwind.example>';
    config.publicUrl = 'https://baton.northwind.example';
  });
  afterAll(async () => {
    await new Promise<void>((r) => slack.close(() => r()));
    await smtp.close();
  });

  const id = (key: string) => h().org.personIds.get(key)!;
  const as = async (key: string) => ({ token: await h().tokenFor(key) });
  const inbox = async (key: string) =>
    (await h().request('GET', '/api/v1/notifications', undefined, await as(key))).body;
  const deliver = () => deliverNotifications(h().runtime.services);
  const note = (caseId: string, text: string, author = 'amara') =>
    as(author).then((o) =>
      h().request('POST', `/api/v1/cases/${caseId}/messages`, { role: 'internal', text }, o),
    );
  const outboxRows = () => h().database.db.select().from(notificationOutbox);

  it('puts a ladder warning in the owner’s inbox, and marks it read', async () => {
    h().setNow('2026-11-23T10:00:00Z');
    const c = await h().request('POST', '/api/v1/cases', newCase({ externalId: 'n-1' }));
    const sent = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    const ownerId = sent.body.owner.id;
    const ownerKey = [...h().org.personIds].find(([, v]) => v === ownerId)![0];
    h().setNow('2026-11-23T14:00:00Z'); // past 75 % of four Finance business hours, before 100 %
    await h().runtime.scheduler.runDue();
    const box = await inbox(ownerKey);
    expect(box.unread).toBe(1);
    expect(box.items[0]).toMatchObject({
      kind: 'sla_warning',
      caseId: c.body.id,
      handoffId: sent.body.id,
      title: 'SLA warning: acknowledge at 75% on "Charged twice for October"',
      link: `/handoffs/${sent.body.id}`,
      readAt: null,
    });
    const read = await h().request(
      'POST',
      `/api/v1/notifications/${box.items[0].id}/read`,
      undefined,
      await as(ownerKey),
    );
    expect(read.status).toBe(200);
    expect((await inbox(ownerKey)).unread).toBe(0);
    const stranger = await h().request(
      'POST',
      `/api/v1/notifications/${box.items[0].id}/read`,
      undefined,
      await as('ines'),
    );
    expect(stranger.status).toBe(404);
    const admin = await h().request('GET', '/api/v1/notifications');
    expect(admin.status).toBe(403);
  });

  it('notifies people and teams mentioned in an internal note, never its author', async () => {
    h().setNow('2026-11-23T14:30:00Z');
    const c = await h().request('POST', '/api/v1/cases', newCase({ externalId: 'n-2' }));
    await note(c.body.id, 'Looping in @grace and @engineering (not amara@northwind.example). @amara FYI.');
    expect((await inbox('grace')).items[0]).toMatchObject({
      kind: 'mention',
      title: expect.stringMatching(/^Amara Okafor mentioned you/),
    });
    for (const key of ['kenji', 'olivia', 'mateo']) expect((await inbox(key)).items[0]?.kind).toBe('mention');
    expect((await inbox('amara')).items).toHaveLength(0);
    expect((await inbox('lucas')).items).toHaveLength(0);
  });

  it('tells the sender a handoff came back, with the team, the reason and the note; never the one who bounced it', async () => {
    const c = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({ subject: 'Bounce notice run' }),
      await as('amara'),
    );
    const sent = await h().request(
      'POST',
      `/api/v1/cases/${c.body.id}/handoffs`,
      { scenario: 'billing-to-finance', packet: fullPacket },
      await as('amara'),
    );
    const owner = [...h().org.personIds].find(([, pid]) => pid === sent.body.owner.id)![0];
    const before = (await inbox(owner)).items.length;
    const bounced = await h().request(
      'POST',
      `/api/v1/handoffs/${sent.body.id}/bounce`,
      { reason: 'missing_context', note: 'Which invoice number?' },
      await as(owner),
    );
    expect(bounced.status).toBe(200);
    const [notice] = (await inbox('amara')).items;
    expect(notice).toMatchObject({
      kind: 'bounced',
      title: 'Finance bounced your handoff on "Bounce notice run"',
      link: `/handoffs/${sent.body.id}`,
    });
    expect(notice.body).toContain('Reason: missing context. Note: "Which invoice number?"');
    expect((await inbox(owner)).items).toHaveLength(before);

    // A sender who bounces a handoff of their own (a lead in the receiving team) is told nothing.
    const own = await h().request(
      'POST',
      `/api/v1/cases/${c.body.id}/handoffs`,
      { scenario: 'billing-to-finance', packet: fullPacket },
      await as('grace'),
    );
    const graceBefore = (await inbox('grace')).items.length;
    const ownBounce = await h().request(
      'POST',
      `/api/v1/handoffs/${own.body.id}/bounce`,
      { reason: 'duplicate' },
      await as('grace'),
    );
    expect(ownBounce.status).toBe(200);
    expect((await inbox('grace')).items).toHaveLength(graceBefore);
  });

  it('leaves cancelling to the sender and the leads, and tells sender and owner when someone else cancels', async () => {
    const c = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({ subject: 'Cancel notice run' }),
      await as('amara'),
    );
    const send = async () =>
      h().request(
        'POST',
        `/api/v1/cases/${c.body.id}/handoffs`,
        { scenario: 'billing-to-finance', packet: fullPacket },
        await as('amara'),
      );
    const sent = await send();
    const owner = [...h().org.personIds].find(([, pid]) => pid === sent.body.owner.id)![0];
    // The receiving owner gives work back with a bounce and a reason, not a silent cancel.
    // (Tom is in Finance, the receiving team; Grace, its lead, may cancel.)
    const refused = await h().request('POST', `/api/v1/handoffs/${sent.body.id}/cancel`, {}, await as('tom'));
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/bounces a handoff, with a reason, rather than cancel it/);
    expect((await h().request('GET', `/api/v1/handoffs/${sent.body.id}`)).body.state).toBe('sent');

    // A lead cancels: the sender and the owner hear it, the lead does not.
    const amaraBefore = (await inbox('amara')).items.length;
    const cancelled = await h().request(
      'POST',
      `/api/v1/handoffs/${sent.body.id}/cancel`,
      {},
      await as('grace'),
    );
    expect(cancelled.status).toBe(200);
    // Notices written in one instant have no order among them: each is found by its handoff.
    const about = async (key: string, handoffId: string) =>
      ((await inbox(key)).items as { kind: string; link: string; title: string; body: string }[]).filter(
        (n) => n.kind === 'cancelled' && n.link === `/handoffs/${handoffId}`,
      );
    const [toSender] = await about('amara', sent.body.id);
    expect((await inbox('amara')).items).toHaveLength(amaraBefore + 1);
    expect(toSender).toMatchObject({
      kind: 'cancelled',
      title: 'Grace Liu cancelled the handoff on "Cancel notice run"',
      link: `/handoffs/${sent.body.id}`,
    });
    expect(toSender.body).toContain('Your handoff to Finance was cancelled');
    if (owner !== 'grace') expect(await about(owner, sent.body.id)).toHaveLength(1);

    // The sender recalling their own handoff tells its owner only.
    const again = await send();
    const againOwner = [...h().org.personIds].find(([, pid]) => pid === again.body.owner.id)![0];
    const amaraNow = (await inbox('amara')).items.length;
    const recalled = await h().request(
      'POST',
      `/api/v1/handoffs/${again.body.id}/cancel`,
      {},
      await as('amara'),
    );
    expect(recalled.status).toBe(200);
    expect((await inbox('amara')).items).toHaveLength(amaraNow);
    expect(await about(againOwner, again.body.id)).toMatchObject([
      { title: 'Amara Okafor cancelled the handoff on "Cancel notice run"' },
    ]);
  });

  it('sends Slack and email per preferences, retrying a failed Slack post', async () => {
    const grace = await as('grace');
    const refused = await h().request(
      'PUT',
      '/api/v1/notifications/preferences',
      { slackUrl: `${slackBase}/x` },
      grace,
    );
    expect(refused.status).toBe(200); // loopback is allowed in this suite
    h().runtime.services.config.webhookAllowPrivate = false;
    const blocked = await h().request(
      'PUT',
      '/api/v1/notifications/preferences',
      { slackUrl: `${slackBase}/x` },
      grace,
    );
    expect(blocked.body.error.code).toBe('webhook_target_refused');
    h().runtime.services.config.webhookAllowPrivate = true;

    const prefs = await h().request(
      'PUT',
      '/api/v1/notifications/preferences',
      { slackUrl: `${slackBase}/grace`, channels: { mention: ['in_app', 'slack', 'email'] } },
      grace,
    );
    expect(prefs.body).toMatchObject({
      channels: { mention: ['in_app', 'slack', 'email'], page: ['in_app', 'slack', 'email'] },
      slackUrl: `${slackBase}/grace`,
      email: 'grace@northwind.example',
      quietHours: null,
    });
    // This Baton sends e-mail; nothing has been sent to Grace by Slack or e-mail yet.
    expect(prefs.body).toMatchObject({ emailOn: true, lastSends: { slack: null, email: null } });
    await h().database.db.delete(notificationOutbox);
    const c = await h().request('POST', '/api/v1/cases', newCase({ externalId: 'n-3' }));
    await note(c.body.id, '@grace the ledger shows two captures, can Finance refund one?');
    failSlack = 1;
    await deliver();
    expect(posts).toHaveLength(0);
    // Where Grace sets her addresses she reads how the last sends went: Slack failing, e-mail through.
    const lastSends = async () =>
      (await h().request('GET', '/api/v1/notifications/preferences', undefined, grace)).body.lastSends;
    expect(await lastSends()).toEqual({
      slack: { state: 'retrying', at: null, error: 'HTTP 500', attempts: 1 },
      email: { state: 'delivered', at: h().now().toISOString(), error: null, attempts: 1 },
    });
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to).toEqual(['grace@northwind.example']);
    expect(subjectOf(smtp.mails[0]!.data)).toBe(
      '[Baton] Amara Okafor mentioned you on "Charged twice for October"',
    );
    expect(smtp.mails[0]!.data).toContain('https://baton.northwind.example/cases/');
    h().advance(1500);
    await deliver();
    expect(posts).toHaveLength(1);
    expect((await lastSends()).slack).toEqual({
      state: 'delivered',
      at: h().now().toISOString(),
      error: null,
      attempts: 2,
    });
    // A new address has no past of its own: the outcome at the old one is not shown for it.
    await h().request(
      'PUT',
      '/api/v1/notifications/preferences',
      { slackUrl: `${slackBase}/grace-new` },
      grace,
    );
    expect((await lastSends()).slack).toBeNull();
    await h().request('PUT', '/api/v1/notifications/preferences', { slackUrl: `${slackBase}/grace` }, grace);
    expect(posts[0]).toMatchObject({
      path: '/grace',
      body: { text: expect.stringMatching(/mentioned you/) },
    });
    expect(posts[0]!.body.blocks?.length).toBeGreaterThan(0);
    const rows = await outboxRows();
    expect(rows.map((r) => [r.channel, r.attempts, Boolean(r.deliveredAt)]).sort()).toEqual([
      ['email', 1, true],
      ['slack', 2, true],
    ]);
    await deliver();
    expect(posts).toHaveLength(1);

    const config = h().runtime.services.config;
    const smtpUrl = config.smtpUrl;
    config.smtpUrl = undefined;
    await note(c.body.id, '@grace one more thing');
    await deliver();
    config.smtpUrl = smtpUrl;
    // Without an SMTP server no e-mail is even queued: nothing piles up as dead letters.
    const emails = (await outboxRows()).filter((r) => r.channel === 'email');
    expect(emails).toHaveLength(1);
  });

  it('keeps quiet hours to the inbox, except pages', async () => {
    const grace = await as('grace');
    h().setNow('2026-11-23T22:30:00Z'); // Monday 22:30 in London
    await h().request(
      'PUT',
      '/api/v1/notifications/preferences',
      { quietHours: { start: '22:00', end: '07:00' } },
      grace,
    );
    await h().database.db.delete(notificationOutbox);
    const c = await h().request('POST', '/api/v1/cases', newCase({ externalId: 'n-4' }));
    await note(c.body.id, '@grace are you around?');
    expect((await inbox('grace')).items[0]).toMatchObject({ kind: 'mention', channels: [] });
    expect(await outboxRows()).toHaveLength(0);

    await h().database.db.transaction((tx) =>
      appendEvent(tx, {
        orgId: h().org.orgId,
        caseId: c.body.id,
        type: 'sla.escalated',
        at: h().now(),
        data: { action: 'page_supervisor', notify: id('grace'), clock: 'acknowledge', at: 150 },
      }),
    );
    const page = (await inbox('grace')).items.find((n: { kind: string }) => n.kind === 'page');
    expect(page).toMatchObject({ kind: 'page', channels: ['slack', 'email'] });
    const before = posts.length;
    await deliver();
    expect(posts.length).toBe(before + 1);
    expect(posts.at(-1)!.body.text).toMatch(/^Page: acknowledge at 150%/);
  });

  it('pulls every supervisor in on a sentiment dip, and posts once to the supervisors’ channel', async () => {
    h().setNow('2026-11-24T10:00:00Z');
    const put = await h().request('PUT', '/api/v1/notifications/teams/supervisors', {
      slackUrl: `${slackBase}/supervisors`,
    });
    expect(put.status).toBe(200);
    // Leads read every team's channel back, none for the teams without one.
    const targets = await h().request('GET', '/api/v1/notifications/teams');
    expect(targets.status).toBe(200);
    const byTeam = new Map(
      targets.body.items.map((t: { team: string; slackUrl: string | null }) => [t.team, t.slackUrl]),
    );
    expect(byTeam.get('supervisors')).toBe(`${slackBase}/supervisors`);
    expect(byTeam.get('finance')).toBeNull();
    await h().database.db.delete(notificationOutbox);
    const c = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({
        externalId: 'n-5',
        messages: [
          { role: 'customer', text: 'Hi, could you help me check my October invoice please?' },
          { role: 'agent', text: 'Of course, let me look.' },
        ],
      }),
    );
    h().advance(60_000);
    await h().request('POST', `/api/v1/cases/${c.body.id}/messages`, {
      role: 'customer',
      text: 'This is RIDICULOUS. Third time I explain this, still waiting and nobody helps. Absolutely unacceptable!!!',
    });
    for (const key of ['diana', 'samuel']) expect((await inbox(key)).items[0]?.kind).toBe('sentiment_dip');
    const rows = await outboxRows();
    expect(rows.filter((r) => r.channel === 'slack').map((r) => r.target)).toEqual([
      `${slackBase}/supervisors`,
    ]);
    const before = posts.length;
    await deliver();
    expect(posts.slice(before).map((p) => p.path)).toEqual(['/supervisors']);
    const [row] = await h()
      .database.db.select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.channel, 'slack'));
    expect(row?.deliveredAt).toBeTruthy();
  });
  it('tells whoever holds the case that Baton brought a supervisor in on a dip', async () => {
    h().setNow('2026-11-24T11:00:00Z');
    const angry =
      'This is RIDICULOUS. Third time I explain this, still waiting and nobody helps. Absolutely unacceptable!!!';
    const opened = async (externalId: string) =>
      (
        await h().request(
          'POST',
          '/api/v1/cases',
          newCase({
            externalId,
            messages: [{ role: 'customer', text: 'Hi, could you help me check my October invoice please?' }],
          }),
          await as('amara'),
        )
      ).body.id as string;
    const dipsOf = async (key: string) =>
      (await inbox(key)).items.filter((n: { kind: string }) => n.kind === 'sentiment_dip');

    // Still with the agent who opened it: she hears.
    const mine = await opened('n-dip-1');
    const amaraBefore = (await dipsOf('amara')).length;
    h().advance(60_000);
    await h().request('POST', `/api/v1/cases/${mine}/messages`, { role: 'customer', text: angry });
    const [told] = await dipsOf('amara');
    expect((await dipsOf('amara')).length).toBe(amaraBefore + 1);
    expect(told.body).toMatch(/Baton brought a supervisor in\.$/);

    // With Finance: the handoff's owner hears, not the agent who passed it on.
    const passed = await opened('n-dip-2');
    const sent = await h().request(
      'POST',
      `/api/v1/cases/${passed}/handoffs`,
      { scenario: 'billing-to-finance', packet: fullPacket },
      await as('amara'),
    );
    const owner = [...h().org.personIds].find(([, pid]) => pid === sent.body.owner.id)![0];
    const ownerBefore = (await dipsOf(owner)).length;
    const amaraNow = (await dipsOf('amara')).length;
    h().advance(60_000);
    await h().request('POST', `/api/v1/cases/${passed}/messages`, { role: 'customer', text: angry });
    expect((await dipsOf(owner)).length).toBe(ownerBefore + 1);
    expect((await dipsOf('amara')).length).toBe(amaraNow);
  });

  it('tells the owner and the team lead when the customer is not satisfied, once, never the recorder', async () => {
    h().setNow('2026-11-25T10:00:00Z');
    type Notice = { kind: string; caseId: string; title: string; body: string; link: string };
    const ratingNotices = async (key: string, caseId: string) =>
      ((await inbox(key)).items as Notice[]).filter(
        (n) => n.kind === 'unsatisfied_rating' && n.caseId === caseId,
      );
    const c = await h().request('POST', '/api/v1/cases', newCase({ externalId: 'n-csat' }));
    const caseId = c.body.id as string;
    // Rated before any handoff: nobody's handoff to follow up.
    const early = await h().request('POST', `/api/v1/cases/${caseId}/satisfaction`, { rating: 1 });
    expect(early.status).toBe(201);
    const sent = await h().request('POST', `/api/v1/cases/${caseId}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    // Owned by someone other than the team's lead, so that both are seen to hear of it.
    const moved = await h().request('POST', `/api/v1/handoffs/${sent.body.id}/reassign`, {
      ownerId: id('priya'),
      reason: 'Priya handles refunds',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const ownerKey = 'priya';
    expect(await ratingNotices(ownerKey, caseId)).toHaveLength(0);
    h().advance(3_600_000);
    const rate = (rating: number | string, comment?: string) =>
      as('amara').then((o) =>
        h().request(
          'POST',
          `/api/v1/cases/${caseId}/satisfaction`,
          { rating, comment, source: 'zendesk', externalId: 'zr-n-csat' },
          o,
        ),
      );
    expect((await rate(2, 'Still waiting for my refund')).status).toBe(201);
    for (const key of [ownerKey, 'grace']) {
      const [notice, ...more] = await ratingNotices(key, caseId);
      expect(more).toHaveLength(0);
      expect(notice).toMatchObject({
        title: 'Customer not satisfied (2 of 5) on "Charged twice for October"',
        body: 'The customer rated 2 of 5, counted for Finance. Worth a follow-up while it is fresh. Their comment: "Still waiting for my refund"',
        link: `/handoffs/${sent.body.id}`,
      });
    }
    expect(await ratingNotices('amara', caseId)).toHaveLength(0);
    // The same complaint again in other words is not news; unhappy again after a happy rating is.
    expect((await rate('bad')).status).toBe(200);
    expect(await ratingNotices('grace', caseId)).toHaveLength(1);
    expect((await rate(5)).status).toBe(200);
    expect(await ratingNotices('grace', caseId)).toHaveLength(1);
    expect((await rate(1)).status).toBe(200);
    const notices = await ratingNotices('grace', caseId);
    expect(notices).toHaveLength(2);
    expect(notices.map((n) => n.body)).toContain(
      'The customer rated 1 of 5, counted for Finance without a comment. Worth a follow-up while it is fresh.',
    );
  });

  it('tells nobody of an unhappy rating given more than a week before it reached Baton (a back-fill)', async () => {
    h().setNow('2026-11-26T10:00:00Z');
    const c = await h().request('POST', '/api/v1/cases', newCase({ externalId: 'n-csat-old' }));
    const caseId = c.body.id as string;
    const sent = await h().request('POST', `/api/v1/cases/${caseId}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    expect(sent.status).toBe(201);
    const noticesFor = async () =>
      ((await inbox('grace')).items as { kind: string; caseId: string }[]).filter(
        (n) => n.kind === 'unsatisfied_rating' && n.caseId === caseId,
      );
    h().setNow('2026-12-10T10:00:00Z');
    const rate = (at: string, externalId: string) =>
      as('amara').then((o) =>
        h().request(
          'POST',
          `/api/v1/cases/${caseId}/satisfaction`,
          { rating: 1, at, source: 'zendesk', externalId },
          o,
        ),
      );
    // Given eight days ago: counted for the handoff, logged with when Baton learned of it, told to nobody.
    const old = await rate('2026-12-02T09:00:00Z', 'zr-old-1');
    expect(old.status, JSON.stringify(old.body)).toBe(201);
    expect(await noticesFor()).toHaveLength(0);
    const events = await h().request('GET', `/api/v1/cases/${caseId}/events`);
    const rated = events.body.items.find((e: { type: string }) => e.type === 'satisfaction.rated');
    expect(rated).toMatchObject({
      at: '2026-12-02T09:00:00.000Z',
      handoffId: sent.body.id,
      data: { recordedAt: '2026-12-10T10:00:00.000Z' },
    });
    // Given within the week: still news.
    expect((await rate('2026-12-04T09:00:00Z', 'zr-old-2')).status).toBe(201);
    expect(await noticesFor()).toHaveLength(1);
  });
});
