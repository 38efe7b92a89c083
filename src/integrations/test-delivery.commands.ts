import { and, eq } from 'drizzle-orm';
import { newId } from '../db/ids.ts';
import type { Services } from '../http/context.ts';
import { notFound } from '../http/errors.ts';
import { teamsByKeys } from '../teams/teams.queries.ts';
import { chatBody, testEventOf } from './chat-message.ts';
import { postDelivery } from './delivery.jobs.ts';
import { webhookSubscriptions } from './integrations.table.ts';
import type { TestDelivery } from './integrations.types.ts';

/**
 * Sends a subscription a test event now, as its deliveries are sent (signed, in its format, the
 * same checks of the target), and answers what the receiver said: the lead setting up a channel
 * sees at once whether the address works. Nothing is written: no outbox row, no event.
 */
export async function sendTestDelivery(
  services: Pick<Services, 'database' | 'config' | 'clock'>,
  orgId: string,
  id: string,
): Promise<TestDelivery> {
  const db = services.database.db;
  const [sub] = await db
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.orgId, orgId), eq(webhookSubscriptions.id, id)));
  if (!sub) throw notFound('webhook subscription', id);
  const event = testEventOf(sub, newId('evtest'), services.clock());
  let body = JSON.stringify(event);
  if (sub.format !== 'baton') {
    const teams = await teamsByKeys(db, orgId, sub.teams);
    const names = { person: () => undefined, team: (key: string) => teams.get(key)?.name };
    body = chatBody(sub.format, event, names, services.config.publicUrl);
  }
  const started = performance.now();
  const answer = await postDelivery(
    { eventId: event.id, type: event.type, body },
    sub.url,
    sub.secret,
    services.config.webhookAllowPrivate,
  );
  return {
    delivered: answer.error === null,
    ...answer,
    ms: Math.round(performance.now() - started),
    eventId: event.id,
  };
}
