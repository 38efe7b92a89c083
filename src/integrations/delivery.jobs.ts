import { lookup } from 'node:dns/promises';
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import type { Services } from '../http/context.ts';
import type { Job } from '../jobs/scheduler.ts';
import { putNotice } from '../notifications/notice.commands.ts';
import { people } from '../people/people.table.ts';
import { teams } from '../teams/teams.table.ts';
import { isPrivateAddress } from './address.ts';
import { type ChatFormat, chatBody, namedIn, type OutboxEvent, type WebhookFormat } from './chat-message.ts';
import { deadLetterEventId, deadLetterNotice, webhookFailedKind } from './dead-letter-notice.ts';
import { deadLetterReadersOf } from './dead-letter-readers.queries.ts';
import { outbox, webhookFailedTries, webhookSubscriptions } from './integrations.table.ts';
import { outboxChannel } from './outbox.listeners.ts';
import { sendError } from './send-error.ts';
import { backoffMs, maxAttempts, signDelivery } from './signature.ts';

const timeoutMs = 10_000;
/** A claimed row is not due again until the post's timeout has long passed: a longer lease only delays a retry. */
export const leaseMs = 2 * timeoutMs;
const batchSize = 100;

type DeliveryServices = Pick<Services, 'database' | 'config' | 'clock' | 'logger'>;
type Outcome = {
  seq: number;
  orgId: string;
  subscriptionId: string;
  url: string;
  type: string;
  status: number | null;
  error: string | null;
  attempts: number;
};

/** Refuses targets that resolve to loopback or private addresses (server-side request forgery). */
export async function assertPublicTarget(url: string, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const addresses = await lookup(host, { all: true }).catch(() => []);
  if (addresses.length === 0) throw new Error(`cannot resolve ${host}`);
  const bad = addresses.find((a) => isPrivateAddress(a.address));
  if (bad)
    throw new Error(
      `${host} resolves to a private or loopback address (${bad.address}); set BATON_WEBHOOK_ALLOW_PRIVATE=1 to allow`,
    );
}

/**
 * The bodies of the rows going to a team chat (`slack`, `teams`): each event in words, with the
 * names of the people and teams it mentions, read in one query each for the whole batch.
 */
async function chatBodies(
  services: DeliveryServices,
  rows: { o: typeof outbox.$inferSelect; format: WebhookFormat }[],
): Promise<Map<number, string>> {
  const chat = rows.filter((r) => r.format !== 'baton');
  const bodies = new Map<number, string>();
  if (chat.length === 0) return bodies;
  const events = chat.map((r) => ({ r, event: JSON.parse(r.o.body) as OutboxEvent }));
  const named = events.map(({ event }) => namedIn(event));
  const personIds = [...new Set(named.flatMap((n) => n.people))];
  const teamKeys = [...new Set(named.flatMap((n) => n.teams))];
  const orgIds = [...new Set(chat.map((r) => r.o.orgId))];
  const db = services.database.db;
  const peopleNames = new Map(
    personIds.length
      ? (
          await db
            .select({ id: people.id, name: people.name })
            .from(people)
            .where(and(inArray(people.id, personIds), inArray(people.orgId, orgIds)))
        ).map((p) => [p.id, p.name])
      : [],
  );
  const teamNames = new Map(
    teamKeys.length
      ? (
          await db
            .select({ orgId: teams.orgId, key: teams.key, name: teams.name })
            .from(teams)
            .where(and(inArray(teams.key, teamKeys), inArray(teams.orgId, orgIds)))
        ).map((t) => [`${t.orgId} ${t.key}`, t.name])
      : [],
  );
  for (const { r, event } of events) {
    const names = {
      person: (id: string) => peopleNames.get(id),
      team: (key: string) => teamNames.get(`${r.o.orgId} ${key}`),
    };
    bodies.set(r.o.seq, chatBody(r.format as ChatFormat, event, names, services.config.publicUrl));
  }
  return bodies;
}

export async function postDelivery(
  row: { eventId: string; type: string; body: string },
  url: string,
  secret: string,
  allowPrivate: boolean,
): Promise<{ status: number | null; error: string | null }> {
  try {
    await assertPublicTarget(url, allowPrivate);
    const res = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Baton-Webhooks/1',
        'x-baton-event-id': row.eventId,
        'x-baton-event-type': row.type,
        'x-baton-signature': signDelivery(secret, row.body, Math.floor(Date.now() / 1000)),
      },
      body: row.body,
    });
    await res.body?.cancel();
    return { status: res.status, error: res.status >= 200 && res.status < 300 ? null : `HTTP ${res.status}` };
  } catch (e) {
    return { status: null, error: sendError(e) };
  }
}

/** Successes are marked in one statement per status (receivers answer 200 or 204 nearly always); failures one by one. */
async function mark(services: DeliveryServices, outcomes: Outcome[]) {
  const db = services.database.db;
  const at = services.clock();
  const delivered = outcomes.filter((o) => !o.error);
  for (const status of new Set(delivered.map((o) => o.status))) {
    const seqs = delivered.filter((o) => o.status === status).map((o) => o.seq);
    await db
      .update(outbox)
      .set({ lastStatus: status, lastError: null, deliveredAt: at })
      .where(inArray(outbox.seq, seqs));
  }
  for (const o of outcomes.filter((x) => x.error)) {
    const dead = o.attempts >= maxAttempts;
    await db
      .update(outbox)
      .set({
        lastStatus: o.status,
        lastError: o.error,
        ...(dead ? { deadAt: at } : { nextAttemptAt: new Date(at.getTime() + backoffMs(o.attempts)) }),
      })
      .where(eq(outbox.seq, o.seq));
  }
  await countFailedTries(db, outcomes, at);
  const dead = outcomes.filter((o) => o.error && o.attempts >= maxAttempts);
  if (dead.length)
    await tellOfDeadLetters(db, dead, at).catch((error: unknown) =>
      services.logger.warn({ error: String(error) }, 'could not tell of webhook dead letters'),
    );
}

/** Each subscription with a delivery given up in this pass: its readers hear of it once that day. */
async function tellOfDeadLetters(db: Db, dead: Outcome[], at: Date) {
  const first = new Map(dead.map((o) => [o.subscriptionId, o]));
  for (const o of first.values())
    await putNotice(
      db,
      await deadLetterReadersOf(db, o.orgId, o.subscriptionId),
      {
        orgId: o.orgId,
        kind: webhookFailedKind,
        eventId: deadLetterEventId(o.subscriptionId, at),
        ...deadLetterNotice(o),
      },
      at,
    );
}

/** Adds this pass's failed tries to their subscriptions' minute (one statement; none when all went through). */
async function countFailedTries(db: Db, outcomes: Outcome[], at: Date) {
  const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
  const bySubscription = new Map<string, { orgId: string; tries: number }>();
  for (const o of outcomes.filter((x) => x.error)) {
    const known = bySubscription.get(o.subscriptionId);
    bySubscription.set(o.subscriptionId, { orgId: o.orgId, tries: (known?.tries ?? 0) + 1 });
  }
  if (!bySubscription.size) return;
  await db
    .insert(webhookFailedTries)
    .values(
      [...bySubscription].map(([subscriptionId, { orgId, tries }]) => ({
        subscriptionId,
        orgId,
        minute,
        tries,
      })),
    )
    .onConflictDoUpdate({
      target: [webhookFailedTries.subscriptionId, webhookFailedTries.minute],
      set: { tries: sql`${webhookFailedTries.tries} + excluded.tries` },
    });
}

/**
 * One delivery pass. Rows are leased (claimed with SKIP LOCKED and pushed `leaseMs` ahead) in a short
 * transaction, posted outside it, then marked: a crash between post and mark means a redelivery when
 * the lease ends, never a loss. Receivers dedupe on X-Baton-Event-Id.
 */
export async function deliverDue(services: DeliveryServices, limit = batchSize): Promise<number> {
  const db = services.database.db;
  const now = services.clock();
  const claimed = await db.transaction(async (tx) => {
    const rows = await tx
      .select({
        o: outbox,
        url: webhookSubscriptions.url,
        secret: webhookSubscriptions.secret,
        format: webhookSubscriptions.format,
      })
      .from(outbox)
      // A paused subscription's deliveries wait, neither tried nor counted, until it is resumed.
      .innerJoin(
        webhookSubscriptions,
        and(eq(webhookSubscriptions.id, outbox.subscriptionId), eq(webhookSubscriptions.active, true)),
      )
      .where(and(isNull(outbox.deliveredAt), isNull(outbox.deadAt), lte(outbox.nextAttemptAt, now)))
      .orderBy(asc(outbox.seq))
      .limit(limit)
      .for('update', { of: outbox, skipLocked: true });
    if (rows.length) {
      await tx
        .update(outbox)
        .set({ nextAttemptAt: new Date(now.getTime() + leaseMs), attempts: sql`${outbox.attempts} + 1` })
        .where(
          inArray(
            outbox.seq,
            rows.map((r) => r.o.seq),
          ),
        );
    }
    return rows;
  });
  // A chat's body is made at each try, so a name changed meanwhile reads as it is now.
  const chat = await chatBodies(services, claimed);
  const outcomes = await Promise.all(
    claimed.map(async ({ o, url, secret }) => ({
      seq: o.seq,
      orgId: o.orgId,
      subscriptionId: o.subscriptionId,
      url,
      type: o.type,
      attempts: o.attempts + 1,
      ...(await postDelivery(
        { ...o, body: chat.get(o.seq) ?? o.body },
        url,
        secret,
        services.config.webhookAllowPrivate,
      )),
    })),
  );
  if (outcomes.length) await mark(services, outcomes);
  return claimed.length;
}

/**
 * The delivery loop: a pass drains every due row; a call while one runs asks for one more pass, so a
 * wake-up is never lost and passes never overlap within a process.
 */
export function deliveryJob(services: DeliveryServices): Job & { wake(): void; idle(): Promise<void> } {
  let running: Promise<void> | null = null;
  let again = false;
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          while ((await deliverDue(services)) === batchSize) {}
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  return {
    id: 'webhooks.deliver',
    every: 250,
    run,
    wake() {
      run().catch((error) => services.logger.error({ err: error }, 'webhook delivery failed'));
    },
    /** Resolves when no pass is running (a closing runtime waits for it before closing the database). */
    async idle() {
      await running?.catch(() => undefined);
    },
  };
}

/** Wakes the loop when an outbox row commits (NOTIFY), so a delivery does not wait for the next poll. */
export function listenForDeliveries(services: DeliveryServices, job: { wake(): void }) {
  return services.database.listen(outboxChannel, () => job.wake());
}
