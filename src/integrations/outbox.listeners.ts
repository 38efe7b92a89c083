import { and, eq } from 'drizzle-orm';
import { onEventInTransaction } from '../events/events.commands.ts';
import { outbox, webhookSubscriptions } from './integrations.table.ts';

let registered = false;

/** Every case event becomes an outbox row per matching subscription, in the change's own transaction. */
export function registerOutboxListener() {
  if (registered) return;
  registered = true;
  onEventInTransaction(async (tx, event) => {
    const subs = await tx
      .select({ id: webhookSubscriptions.id, events: webhookSubscriptions.events })
      .from(webhookSubscriptions)
      .where(and(eq(webhookSubscriptions.orgId, event.orgId), eq(webhookSubscriptions.active, true)));
    const matching = subs.filter((s) => s.events.includes('*') || s.events.includes(event.type));
    if (matching.length === 0) return;
    const body = JSON.stringify({
      id: event.id,
      type: event.type,
      createdAt: event.at.toISOString(),
      data: { caseId: event.caseId, handoffId: event.handoffId, ...event.data },
    });
    await tx.insert(outbox).values(
      matching.map((s) => ({ orgId: event.orgId, eventId: event.id, subscriptionId: s.id, type: event.type, body, nextAttemptAt: event.at })),
    );
  });
}
