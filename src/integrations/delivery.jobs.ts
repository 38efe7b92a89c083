import { lookup } from 'node:dns/promises';
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Services } from '../http/context.ts';
import type { Job } from '../jobs/scheduler.ts';
import { isPrivateAddress } from './address.ts';
import { outbox, webhookSubscriptions } from './integrations.table.ts';
import { backoffMs, maxAttempts, signDelivery } from './signature.ts';

const leaseMs = 60_000;
const timeoutMs = 10_000;

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
 * One delivery pass. Rows are leased (claimed with SKIP LOCKED and pushed a minute ahead) in a short
 * transaction, posted outside it, then marked: a crash between post and mark means a redelivery,
 * never a loss. Receivers dedupe on X-Baton-Event-Id.
 */
export async function deliverDue(
  services: Pick<Services, 'database' | 'config' | 'clock' | 'logger'>,
  limit = 50,
): Promise<number> {
  const db = services.database.db;
  const now = services.clock();
  const claimed = await db.transaction(async (tx) => {
    const rows = await tx
      .select({ o: outbox, url: webhookSubscriptions.url, secret: webhookSubscriptions.secret })
      .from(outbox)
      .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, outbox.subscriptionId))
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
  await Promise.all(
    claimed.map(async ({ o, url, secret }) => {
      const attempts = o.attempts + 1;
      let status: number | null = null;
      let error: string | null = null;
      try {
        await assertPublicTarget(url, services.config.webhookAllowPrivate);
        const res = await fetch(url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Baton-Webhooks/1',
            'x-baton-event-id': o.eventId,
            'x-baton-event-type': o.type,
            'x-baton-signature': signDelivery(secret, o.body, Math.floor(Date.now() / 1000)),
          },
          body: o.body,
        });
        status = res.status;
        await res.body?.cancel();
        if (status < 200 || status >= 300) error = `HTTP ${status}`;
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      const at = services.clock();
      const set = error
        ? attempts >= maxAttempts
          ? { lastStatus: status, lastError: error, deadAt: at }
          : {
              lastStatus: status,
              lastError: error,
              nextAttemptAt: new Date(at.getTime() + backoffMs(attempts)),
            }
        : { lastStatus: status, lastError: null, deliveredAt: at };
      await db.update(outbox).set(set).where(eq(outbox.seq, o.seq));
    }),
  );
  return claimed.length;
}

export function deliveryJob(services: Pick<Services, 'database' | 'config' | 'clock' | 'logger'>): Job {
  return {
    id: 'webhooks.deliver',
    every: 250,
    async run() {
      while ((await deliverDue(services)) === 50) {}
    },
  };
}
