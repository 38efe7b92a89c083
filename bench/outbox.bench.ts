import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../src/db/database.ts';
import { appendEvent } from '../src/events/events.commands.ts';
import { outboxChannel } from '../src/integrations/outbox.listeners.ts';
import { demoRuntime, onBothDatabases, percentile, record } from './support.ts';

const token = 'bench-admin';
const backlog = Number(process.env.BENCH_OUTBOX_BACKLOG ?? 5000);
const paced = Number(process.env.BENCH_OUTBOX_EVENTS ?? 500);
const perSecond = 50;
/** Delivered rows already in the log (the retention keeps 30 days of them): about a month of a busy helpdesk's. */
const history = Number(process.env.BENCH_OUTBOX_HISTORY ?? 300_000);
const pacedOverHistory = 200;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A loopback receiver answering 204 at once, noting when each event id first arrived. */
async function receiver() {
  const arrived = new Map<string, number>();
  let waiter: { n: number; done: () => void } | undefined;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = String(req.headers['x-baton-event-id']);
      if (!arrived.has(id)) arrived.set(id, performance.now());
      res.writeHead(204).end();
      if (waiter && arrived.size >= waiter.n) waiter.done();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    arrived,
    /** Resolves once `n` distinct events have arrived. */
    waitFor: (n: number) =>
      new Promise<void>((done) => {
        waiter = { n, done };
        if (arrived.size >= n) done();
      }),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * Outbound webhooks end to end, in one process with its receiver: (1) the delay from an event's
 * commit to its arrival, for events committed one a transaction at a steady 50 a second; (2) the
 * deliveries per second while draining a backlog of `backlog` committed rows.
 */
async function outboxOn(database: Database) {
  const runtime = await demoRuntime(database, token, { BATON_WEBHOOK_ALLOW_PRIVATE: '1' });
  const hook = await receiver();
  const call = async (path: string, body: unknown) => {
    const res = await runtime.app.request(path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await res.json()) as { id: string };
  };
  await call('/api/v1/webhooks/subscriptions', { url: hook.url, secret: 'bench-secret', events: ['*'] });
  const kase = await call('/api/v1/cases', {
    subject: 'Outbox bench',
    customer: { externalId: 'bench-1', name: 'Bench' },
    channel: 'chat',
  });
  const [{ orgId }] = rowsOf<{ orgId: string }>(
    await database.db.execute(sql`select org_id as "orgId" from cases where id = ${kase.id}`),
  ) as [{ orgId: string }];
  await hook.waitFor(1); // the case's own event
  hook.arrived.clear();

  /** Commits `events` one a transaction at a steady rate; each one's delay from commit to arrival, sorted. */
  const pacedDelays = async (events: number) => {
    hook.arrived.clear();
    const committed = new Map<string, number>();
    const t0 = performance.now();
    for (let i = 0; i < events; i++) {
      await sleep(Math.max(0, t0 + i * (1000 / perSecond) - performance.now()));
      const event = await database.db.transaction((tx) =>
        appendEvent(tx, { orgId, caseId: kase.id, type: 'bench.ping', at: new Date(), data: { i } }),
      );
      committed.set(event.id, performance.now());
    }
    // Every one of these, not any `events` arrivals: a redelivery of an earlier row may arrive meanwhile.
    while ([...committed.keys()].some((id) => !hook.arrived.has(id))) await sleep(5);
    return [...committed].map(([id, at]) => hook.arrived.get(id)! - at).sort((a, b) => a - b);
  };
  const round = (n: number) => Math.round(n * 10) / 10;
  const delayMs = (delays: number[]) => ({
    p50: round(percentile(delays, 50)),
    p99: round(percentile(delays, 99)),
    max: round(delays.at(-1)!),
  });

  // (1) Commit-to-delivery delay at a steady rate.
  const delays = await pacedDelays(paced);

  // (2) Throughput: a committed backlog drained as fast as the loop goes.
  hook.arrived.clear();
  const [sub] = rowsOf<{ id: string }>(await database.db.execute(sql`select id from webhook_subscriptions`));
  await database.db.execute(sql`
    insert into outbox (org_id, event_id, subscription_id, type, body, next_attempt_at)
    select ${orgId}, 'evbench' || g, ${sub!.id}, 'bench.ping',
      json_build_object('id', 'evbench' || g, 'type', 'bench.ping', 'data', json_build_object('i', g))::text, now()
    from generate_series(1, ${backlog}) g`);
  const started = performance.now();
  await database.notify(outboxChannel, '');
  await hook.waitFor(backlog);
  const drainMs = performance.now() - started;

  // (3) The delay again once the log holds a month of delivered rows: a pass must find the few
  // waiting deliveries without reading the delivered ones.
  await database.db.execute(sql`
    insert into outbox (org_id, event_id, subscription_id, type, body, next_attempt_at, attempts, delivered_at, last_status, created_at)
    select ${orgId}, 'evpast' || g, ${sub!.id}, 'handoff.sent',
      json_build_object('id', 'evpast' || g, 'type', 'handoff.sent', 'data', json_build_object('i', g))::text,
      now() - make_interval(secs => 2592000.0 * g / ${history}), 1,
      now() - make_interval(secs => 2592000.0 * g / ${history}), 204,
      now() - make_interval(secs => 2592000.0 * g / ${history})
    from generate_series(1, ${history}) g`);
  await database.db.execute(sql`analyze outbox`);
  const delaysOverHistory = await pacedDelays(pacedOverHistory);

  await runtime.close();
  await hook.close();
  return {
    delay: { events: paced, ratePerSecond: perSecond, ms: delayMs(delays) },
    delayWithHistory: {
      deliveredRows: history,
      events: pacedOverHistory,
      ratePerSecond: perSecond,
      ms: delayMs(delaysOverHistory),
    },
    throughput: {
      backlog,
      drainMs: Math.round(drainMs),
      deliveriesPerSecond: Math.round(backlog / (drainMs / 1000)),
    },
  };
}

export async function runOutboxBench() {
  return record('outbox', await onBothDatabases('outbox', outboxOn));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(JSON.stringify(await runOutboxBench(), null, 2));
  process.exit(0);
}
