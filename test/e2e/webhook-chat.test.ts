import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deliverDue } from '../../src/integrations/delivery.jobs.ts';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';
import { snapshotAll } from '../support/snapshot.ts';

/**
 * Outbound webhooks to a team chat: a subscription with `format: slack` or `teams` receives each
 * event as `{text}`, a line of words naming the people and teams (never the customer), with a link
 * to the handoff in Baton in the chat's own syntax; the same outbox, retries and log as any webhook.
 */
describeOnDatabases('webhooks to a team chat', (h) => {
  const received: { path: string; body: string }[] = [];
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => {
        body += d;
      });
      req.on('end', () => {
        received.push({ path: req.url ?? '', body });
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    h().runtime.services.config.webhookAllowPrivate = true;
    h().runtime.services.config.publicUrl = 'https://baton.northwind.example';
  });
  afterAll(async () => {
    h().runtime.services.config.publicUrl = undefined;
    await new Promise<void>((r) => server.close(() => r()));
  });

  const subscribe = (format: unknown, path: string) =>
    h().request('POST', '/api/v1/webhooks/subscriptions', {
      url: `${base}${path}`,
      secret: 'a chat needs no secret but has one',
      events: ['handoff.sent', 'handoff.bounced'],
      format,
    });

  it('refuses a format it does not know, changing nothing', async () => {
    const before = await snapshotAll(h().database);
    const bad = await subscribe('discord', '/nope');
    expect([bad.status, bad.body.error.code, bad.body.error.field]).toEqual([
      400,
      'validation_failed',
      'format',
    ]);
    expect(await snapshotAll(h().database)).toEqual(before);
  });

  it('posts each event to Slack and Teams as a line of words with a link to the handoff', async () => {
    const slack = await subscribe('slack', '/slack');
    const teams = await subscribe('teams', '/teams');
    expect([slack.status, slack.body.format, teams.body.format]).toEqual([201, 'slack', 'teams']);
    const listed = await h().request('GET', '/api/v1/webhooks/subscriptions');
    expect(listed.body.items.find((s: { id: string }) => s.id === slack.body.id).format).toBe('slack');

    const created = await h().request('POST', '/api/v1/cases', newCase());
    const sent = await h().request('POST', `/api/v1/cases/${created.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    expect(sent.status).toBe(201);
    const owner = sent.body.owner.name as string;
    const ownerKey = [...h().org.personIds].find(([, id]) => id === sent.body.owner.id)![0];
    await deliverDue(h().runtime.services);
    const link = `https://baton.northwind.example/handoffs/${sent.body.id}`;
    const at = (path: string) => received.filter((r) => r.path === path).map((r) => JSON.parse(r.body));
    expect(at('/slack')).toEqual([
      { text: `📨 Handoff to Finance: ${owner} owns it (billing to finance) <${link}|Open in Baton>` },
    ]);
    expect(at('/teams')).toEqual([
      { text: `📨 Handoff to Finance: ${owner} owns it (billing to finance) [Open in Baton](${link})` },
    ]);

    // Bounced back: the reason in words, and who has it now.
    const bounced = await h().request(
      'POST',
      `/api/v1/handoffs/${sent.body.id}/bounce`,
      { reason: 'missing_context', note: 'Ana Silva <ana@example.com> sent no invoice' },
      { token: await h().tokenFor(ownerKey) },
    );
    expect(bounced.status, JSON.stringify(bounced.body)).toBe(200);
    await deliverDue(h().runtime.services);
    const [, back] = at('/slack');
    expect(back.text).toMatch(/^↩️ Handoff bounced \(missing context\): back to .+ <https:\/\/baton/);
    // The note's free text never reaches the chat.
    expect(JSON.stringify(received)).not.toContain('ana@example.com');
  });
});
