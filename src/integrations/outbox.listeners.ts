import { and, eq, sql } from 'drizzle-orm';
import { customerKnownValues } from '../conversation/prefill.queries.ts';
import { redactEventData } from '../conversation/redact-payload.ts';
import type { Tx } from '../db/database.ts';
import { executeNotifying } from '../db/notices.ts';
import { onEventInTransaction } from '../events/events.commands.ts';
import { outbox, webhookSubscriptions } from './integrations.table.ts';

export const subscriptionsChannel = 'baton_subscriptions';
/** Announced with each event's outbox rows; delivered on commit, it wakes the delivery loop of every process. */
export const outboxChannel = 'baton_outbox';
const ttlMs = 2000;
type Sub = { id: string; events: string[] };
const cache = new Map<string, { at: number; subs: Sub[] }>();

/** Subscriptions change rarely and events are hot: each process caches them briefly per organisation. */
export function forgetSubscriptions(orgId?: string) {
  if (orgId) cache.delete(orgId);
  else cache.clear();
}

async function subscriptionsOf(tx: Tx, orgId: string): Promise<Sub[]> {
  const hit = cache.get(orgId);
  if (hit && Date.now() - hit.at < ttlMs) return hit.subs;
  const subs = await tx
    .select({ id: webhookSubscriptions.id, events: webhookSubscriptions.events })
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.orgId, orgId), eq(webhookSubscriptions.active, true)));
  cache.set(orgId, { at: Date.now(), subs });
  return subs;
}

let registered = false;

/** Every case event becomes an outbox row per matching subscription, in the change's own transaction. */
export function registerOutboxListener() {
  if (registered) return;
  registered = true;
  onEventInTransaction(async (tx, event) => {
    const matching = (await subscriptionsOf(tx, event.orgId)).filter(
      (s) => s.events.includes('*') || s.events.includes(event.type),
    );
    if (matching.length === 0) return;
    const body = JSON.stringify({
      id: event.id,
      type: event.type,
      createdAt: event.at.toISOString(),
      // Personal data never leaves in a webhook: free text is redacted, the customer's name and email too.
      data: redactEventData(
        { caseId: event.caseId, handoffId: event.handoffId, ...event.data },
        await customerKnownValues(tx, event.orgId, event.caseId),
      ),
    });
    const at = event.at.toISOString();
    const rows = sql.join(
      matching.map(
        (s) => sql`(${event.orgId}, ${event.id}, ${s.id}, ${event.type}, ${body}, ${at}::timestamptz)`,
      ),
      sql`, `,
    );
    // With the notice that wakes every process's delivery loop on commit.
    await executeNotifying(
      tx,
      sql`insert into ${outbox} (org_id, event_id, subscription_id, type, body, next_attempt_at) values ${rows}`,
      [{ channel: outboxChannel, payload: '' }],
    );
  });
}
