import { afterAll, beforeAll, expect, it } from 'vitest';
import { storeWeeklyReview } from '../../src/analytics/analytics.commands.ts';
import { deliverNotifications } from '../../src/notifications/delivery.jobs.ts';
import { notificationOutbox } from '../../src/notifications/notifications.table.ts';
import { describeOnDatabases, newCase } from '../support/harness.ts';
import { type SlackReceiver, startSlackReceiver } from '../support/slack-receiver.ts';

/**
 * Admins see every Slack and e-mail send of the organisation (to whom, where it stands, why it
 * failed) and try a failed one again; a team's card says how its channel's last post went.
 */
describeOnDatabases('notification sends', (h) => {
  let slack: SlackReceiver;
  let base = '';
  let down = true;
  const paths = () => slack.posts.map((p) => p.path);

  beforeAll(async () => {
    slack = await startSlackReceiver();
    slack.refuse = (path) => (down && path.endsWith('/down') ? 500 : null);
    base = slack.base;
    h().runtime.services.config.webhookAllowPrivate = true;
  });
  afterAll(() => slack.close());

  const as = async (key: string) => ({ token: await h().tokenFor(key) });
  const deliver = () => deliverNotifications(h().runtime.services);
  const inbox = async (key: string) =>
    (await h().request('GET', '/api/v1/notifications', undefined, await as(key))).body.items;
  const sends = (query = '') => h().request('GET', `/api/v1/notifications/sends${query}`);
  const financePost = async () =>
    (await h().request('GET', '/api/v1/notifications/teams')).body.items.find(
      (t: { team: string }) => t.team === 'finance',
    ).lastPost;

  it('lists the sends newest first, to a person or a team, and tries a failed one again', async () => {
    h().setNow('2026-11-24T10:00:00Z');
    await h().database.db.delete(notificationOutbox);
    await h().request('PUT', '/api/v1/notifications/teams/finance', { slackUrl: `${base}/finance/down` });
    await h().request(
      'PUT',
      '/api/v1/notifications/preferences',
      { slackUrl: `${base}/lucas/T0KEN` },
      await as('lucas'),
    );
    expect(await financePost()).toBeNull();
    const c = await h().request('POST', '/api/v1/cases', newCase({ externalId: 'sends-1' }));
    await h().request(
      'POST',
      `/api/v1/cases/${c.body.id}/messages`,
      { role: 'internal', text: '@finance @lucas the refund is stuck, who can look?' },
      await as('amara'),
    );
    await deliver();
    expect(paths()).toEqual(['/lucas/T0KEN']);

    const all = await sends();
    expect(all.status).toBe(200);
    const port = new URL(base).host;
    expect(all.body.items).toEqual([
      expect.objectContaining({
        channel: 'slack',
        to: { type: 'person', personId: h().org.personIds.get('lucas'), name: 'Lucas Meyer' },
        // A Slack address is a credential: shown by its host and last four characters.
        target: `${port}/…0KEN`,
        kind: 'mention',
        state: 'delivered',
        attempts: 1,
        lastError: null,
        deliveredAt: h().now().toISOString(),
        nextAttemptAt: null,
      }),
      expect.objectContaining({
        channel: 'slack',
        to: { type: 'team', team: 'finance', name: 'Finance' },
        target: `${port}/…down`,
        state: 'retrying',
        attempts: 1,
        lastError: 'HTTP 500',
        nextAttemptAt: new Date(h().now().getTime() + 1000).toISOString(),
      }),
    ]);
    expect(all.body.items.map((s: { seq: number }) => s.seq)).toEqual(
      [...all.body.items.map((s: { seq: number }) => s.seq)].sort((a, b) => b - a),
    );
    expect(all.body.counts).toEqual({ pending: 1, retrying: 1, failed: 0, deliveredLastDay: 1 });
    expect(JSON.stringify(all.body)).not.toContain('T0KEN');
    expect(await financePost()).toEqual({ state: 'retrying', at: null, error: 'HTTP 500', attempts: 1 });

    // One page at a time, through the cursor.
    const first = await sends('?limit=1');
    expect(first.body.items).toHaveLength(1);
    const second = await sends(`?limit=1&before=${first.body.nextBefore}`);
    expect(second.body.items.map((s: { seq: number }) => s.seq)).toEqual([all.body.items[1].seq]);
    expect(second.body.nextBefore).toBeNull();
    expect((await sends('?state=retrying')).body.items.map((s: { to: object }) => s.to)).toEqual([
      { type: 'team', team: 'finance', name: 'Finance' },
    ]);

    // Ten tries later the post is given up: the card and the list say so.
    for (let i = 0; i < 10; i++) {
      h().advance(3_600_000);
      await deliver();
    }
    const failed = (await sends('?state=failed')).body;
    expect(failed.items).toHaveLength(1);
    expect(failed.items[0]).toMatchObject({ state: 'failed', attempts: 10, deadAt: expect.any(String) });
    expect(failed.counts).toMatchObject({ pending: 0, retrying: 0, failed: 1 });
    expect(await financePost()).toMatchObject({ state: 'failed', error: 'HTTP 500', attempts: 10 });
    // Finance's lead is told in the inbox, and only there (the channel that failed is not used).
    const told = (await inbox('grace')).filter((n: { kind: string }) => n.kind === 'send_failed');
    expect(told).toEqual([
      expect.objectContaining({
        title: 'Finance’s Slack channel is not receiving Baton’s posts',
        body: 'A post was given up after 10 tries: HTTP 500. Check the channel’s address on the team’s card.',
        link: '/people?view=teams',
        channels: [],
      }),
    ]);
    expect(JSON.stringify(told)).not.toContain('/finance/down');
    expect((await sends()).body.items).toHaveLength(2);

    // The channel is fixed: tried again now, from its first try.
    down = false;
    const seq = failed.items[0].seq;
    const again = await h().request('POST', `/api/v1/notifications/sends/${seq}/resend`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ seq, queued: true });
    expect((await sends('?state=pending')).body.items[0]).toMatchObject({
      seq,
      state: 'pending',
      attempts: 0,
    });
    await deliver();
    expect(paths().at(-1)).toBe('/finance/down');
    expect(await financePost()).toMatchObject({ state: 'delivered', error: null, attempts: 1 });
  });

  it('tells a person once a day that their Slack address fails, however many messages die', async () => {
    h().setNow('2026-11-26T00:30:00Z');
    down = true;
    const lucas = await as('lucas');
    await h().request('PUT', '/api/v1/notifications/preferences', { slackUrl: `${base}/lucas/down` }, lucas);
    const c = await h().request('POST', '/api/v1/cases', newCase({ externalId: 'sends-2' }));
    const mention = async (text: string) => {
      await h().request(
        'POST',
        `/api/v1/cases/${c.body.id}/messages`,
        { role: 'internal', text },
        await as('amara'),
      );
      for (let i = 0; i < 10; i++) {
        await deliver();
        h().advance(10 * 60_000);
      }
    };
    await mention('@lucas can you call the customer back?');
    await mention('@lucas and the second one?');
    expect(
      (await sends('?state=failed')).body.items.filter(
        (s: { to: { type: string } }) => s.to.type === 'person',
      ),
    ).toHaveLength(2);
    const told = (await inbox('lucas')).filter((n: { kind: string }) => n.kind === 'send_failed');
    expect(told).toEqual([
      expect.objectContaining({
        title: 'Your Slack messages from Baton are not getting through',
        body: 'A message was given up after 10 tries: HTTP 500. Check your Slack address in Notification settings.',
        link: null,
      }),
    ]);
    // The next day, a new notice if it still fails.
    h().setNow('2026-11-27T09:00:00Z');
    await mention('@lucas still there?');
    expect((await inbox('lucas')).filter((n: { kind: string }) => n.kind === 'send_failed')).toHaveLength(2);
    // A send that dies at an address he has changed since tells him nothing: the new one is his now.
    h().setNow('2026-11-28T09:00:00Z');
    await h().request(
      'POST',
      `/api/v1/cases/${c.body.id}/messages`,
      { role: 'internal', text: '@lucas one more?' },
      await as('amara'),
    );
    await deliver();
    await h().request('PUT', '/api/v1/notifications/preferences', { slackUrl: `${base}/lucas/new` }, lucas);
    for (let i = 0; i < 10; i++) {
      h().advance(10 * 60_000);
      await deliver();
    }
    expect((await sends('?state=failed')).body.items[0]).toMatchObject({ kind: 'mention', attempts: 10 });
    expect((await inbox('lucas')).filter((n: { kind: string }) => n.kind === 'send_failed')).toHaveLength(2);
    down = false;
  });

  it("names the weekly review's readers as the ones a review send was for", async () => {
    const put = await h().request('PUT', '/api/v1/analytics/review-delivery', {
      slackUrl: `${base}/review`,
      emails: [],
    });
    expect(put.status).toBe(200);
    expect(await storeWeeklyReview(h().database.db, h().org.orgId, '2026-W47', h().now())).toBe(true);
    const [review] = (await sends('?state=pending')).body.items;
    expect(review).toMatchObject({ to: { type: 'review' }, kind: 'weekly_review', channel: 'slack' });
    await deliver();
    expect(paths().at(-1)).toBe('/review');
  });

  it("keeps to a team's channel and members, or to one person, for the team's lead too", async () => {
    h().setNow('2026-11-30T09:00:00Z');
    const tom = await as('tom');
    await h().request('PUT', '/api/v1/notifications/preferences', { slackUrl: `${base}/tom/T0M1` }, tom);
    const c = await h().request('POST', '/api/v1/cases', newCase({ externalId: 'sends-3' }));
    await h().request(
      'POST',
      `/api/v1/cases/${c.body.id}/messages`,
      { role: 'internal', text: '@tom @lucas the refund of this one?' },
      await as('amara'),
    );
    const grace = await as('grace');
    const list = async (q: string) => {
      const r = await h().request(
        'GET',
        `/api/v1/notifications/sends?${q.includes('limit=') ? '' : 'limit=200'}${q}`,
        undefined,
        grace,
      );
      expect(r.status).toBe(200);
      return r.body as {
        items: { seq: number; state: string; to: Record<string, unknown> }[];
        counts: object;
      };
    };
    const tally = (items: { state: string }[]) => ({
      pending: items.filter((i) => i.state === 'pending' || i.state === 'retrying').length,
      retrying: items.filter((i) => i.state === 'retrying').length,
      failed: items.filter((i) => i.state === 'failed').length,
    });
    const everyone = await list('');
    const finance = await list('&team=finance');
    const tomId = h().org.personIds.get('tom');
    // Finance: its channel's posts and Tom's mention; not Lucas's, not the weekly review's.
    expect(finance.items.length).toBeGreaterThanOrEqual(2);
    for (const s of finance.items)
      expect([
        JSON.stringify({ type: 'team', team: 'finance', name: 'Finance' }),
        JSON.stringify({ type: 'person', personId: tomId, name: 'Tom Becker' }),
      ]).toContain(JSON.stringify(s.to));
    expect(finance.items.some((s) => s.to.personId === tomId)).toBe(true);
    expect(finance.items.map((s) => s.seq)).toEqual(
      everyone.items.filter((s) => s.to.team === 'finance' || s.to.personId === tomId).map((s) => s.seq),
    );
    expect(finance.counts).toMatchObject(tally(finance.items));
    const lucas = await list(`&person=${h().org.personIds.get('lucas')}`);
    expect(lucas.items.length).toBeGreaterThanOrEqual(5);
    expect(lucas.items.every((s) => s.to.personId === h().org.personIds.get('lucas'))).toBe(true);
    expect(lucas.counts).toMatchObject(tally(lucas.items));
    expect(lucas.counts).toMatchObject({ failed: 4 });
    // The state filter and the cursor work within a scope as they do for everyone.
    const failed = await list(`&person=${h().org.personIds.get('lucas')}&state=failed`);
    expect(failed.items.map((s) => s.seq)).toEqual(
      lucas.items.filter((s) => s.state === 'failed').map((s) => s.seq),
    );
    const page = await list('&team=finance&limit=1');
    expect(page.items).toHaveLength(1);
  });

  it('refuses to try a send again while a try of it is in flight, then allows it once that try failed', async () => {
    h().setNow('2026-12-01T09:00:00Z');
    const path = '/tom/slow';
    const tom = await as('tom');
    await h().request('PUT', '/api/v1/notifications/preferences', { slackUrl: `${base}${path}` }, tom);
    const c = await h().request('POST', '/api/v1/cases', newCase({ externalId: 'sends-4' }));
    await h().request(
      'POST',
      `/api/v1/cases/${c.body.id}/messages`,
      { role: 'internal', text: '@tom one for you' },
      await as('amara'),
    );
    const [send] = (await sends(`?person=${h().org.personIds.get('tom')}&state=pending`)).body.items;
    expect(send).toMatchObject({ state: 'pending', attempts: 0 });
    let tries = 0;
    let release = () => {};
    let arrived = () => {};
    const inFlight = new Promise<void>((r) => {
      arrived = r;
    });
    slack.hold = (p) =>
      p === path
        ? new Promise<void>((r) => {
            release = r;
            arrived();
          })
        : null;
    const refuse = slack.refuse;
    slack.refuse = (p) => {
      if (p !== path) return refuse(p);
      tries++;
      return 502;
    };
    try {
      const pass = deliver();
      await inFlight;
      const during = await h().request('POST', `/api/v1/notifications/sends/${send.seq}/resend`);
      expect(during.status).toBe(409);
      expect(during.body.error.message).toContain('being sent right now');
      release();
      await pass;
      const after = (await sends(`?person=${h().org.personIds.get('tom')}&state=retrying`)).body.items;
      expect(after.map((s: { seq: number }) => s.seq)).toEqual([send.seq]);
      expect(after[0]).toMatchObject({ attempts: 1, lastError: 'HTTP 502' });
      // That try failed: trying it again now is one more try, not a second beside one in flight.
      expect((await h().request('POST', `/api/v1/notifications/sends/${send.seq}/resend`)).status).toBe(200);
      slack.hold = () => null;
      await deliver();
      expect(tries).toBe(2);
    } finally {
      slack.hold = () => null;
      slack.refuse = refuse;
      release();
    }
  });

  it('refuses to send a delivered one again, an unknown one, bad filters, and anyone but a lead', async () => {
    const [delivered] = (await sends('?state=delivered&limit=1')).body.items;
    expect(delivered).toBeTruthy();
    const before = await h().database.db.select().from(notificationOutbox);
    const twice = await h().request('POST', `/api/v1/notifications/sends/${delivered.seq}/resend`);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('conflict');
    const unknown = await h().request('POST', '/api/v1/notifications/sends/999999/resend');
    expect(unknown.status).toBe(404);
    expect((await sends('?state=lost')).status).toBe(400);
    expect((await sends('?limit=0')).status).toBe(400);
    const unknownTeam = await sends('?team=nobody');
    expect(unknownTeam.status).toBe(404);
    expect(unknownTeam.body.error.message).toContain('nobody');
    expect((await sends('?person=p_nobody')).status).toBe(404);
    const both = await sends(`?team=finance&person=${h().org.personIds.get('tom')}`);
    expect(both.status).toBe(400);
    expect(JSON.stringify(both.body.error)).toContain('not both');
    const agent = await as('amara');
    const refused = await h().request('GET', '/api/v1/notifications/sends', undefined, agent);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    // A person reads their own sends, and nobody else's.
    const lucasId = h().org.personIds.get('lucas');
    const own = await h().request(
      'GET',
      `/api/v1/notifications/sends?person=${lucasId}`,
      undefined,
      await as('lucas'),
    );
    expect(own.status).toBe(200);
    expect(own.body.items.length).toBeGreaterThan(0);
    expect(own.body.items.every((s: { to: { personId?: string } }) => s.to.personId === lucasId)).toBe(true);
    expect(
      (await h().request('GET', `/api/v1/notifications/sends?person=${lucasId}`, undefined, agent)).status,
    ).toBe(403);
    expect(
      (await h().request('GET', '/api/v1/notifications/sends?team=support', undefined, agent)).status,
    ).toBe(403);
    expect(
      (await h().request('POST', `/api/v1/notifications/sends/${delivered.seq}/resend`, undefined, agent))
        .status,
    ).toBe(403);
    expect(await h().database.db.select().from(notificationOutbox)).toEqual(before);
  });
});
