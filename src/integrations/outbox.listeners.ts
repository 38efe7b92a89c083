import { and, eq, sql } from 'drizzle-orm';
import { customerKnownValues } from '../conversation/prefill.queries.ts';
import { redactEventData } from '../conversation/redact-payload.ts';
import { rowsOf, type Tx } from '../db/database.ts';
import { executeNotifying } from '../db/notices.ts';
import { onEventInTransaction, type StoredEvent } from '../events/events.commands.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { teams } from '../teams/teams.table.ts';
import { outbox, webhookSubscriptions } from './integrations.table.ts';
import { type SubscriptionFilter, teamsNamedIn, wantsTeams, wantsType } from './subscription-match.ts';

export const subscriptionsChannel = 'baton_subscriptions';
/** Announced with each event's outbox rows; delivered on commit, it wakes the delivery loop of every process. */
export const outboxChannel = 'baton_outbox';
const ttlMs = 2000;
type Sub = SubscriptionFilter & { id: string };
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
    .select({
      id: webhookSubscriptions.id,
      events: webhookSubscriptions.events,
      teams: webhookSubscriptions.teams,
    })
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.orgId, orgId), eq(webhookSubscriptions.active, true)));
  cache.set(orgId, { at: Date.now(), subs });
  return subs;
}

// A handoff's teams never change, and a send writes four events of one handoff: read once a transaction.
const teamsOfHandoff = new WeakMap<Tx, Map<string, string[]>>();

/**
 * The teams an event is about: those its data names, and the sending and receiving teams of its
 * handoff (for an event of the case alone, of the case's latest handoff). Read only when a
 * subscription kept to teams wants the event's type.
 */
async function teamsOfEvent(tx: Tx, event: StoredEvent): Promise<string[]> {
  const named = teamsNamedIn(event.data);
  const known = event.handoffId ? teamsOfHandoff.get(tx)?.get(event.handoffId) : undefined;
  if (known) return [...new Set([...named, ...known])];
  const handoff = event.handoffId
    ? sql`${event.handoffId}`
    : sql`(select id from ${handoffs} where org_id = ${event.orgId} and case_id = ${event.caseId}
        and state <> 'draft' order by created_at desc limit 1)`;
  const keys = rowsOf<{ key: string }>(
    await tx.execute(sql`select t.key from ${handoffs} h
      join ${teams} t on t.org_id = h.org_id and t.id in (h.to_team_id, h.from_team_id)
      where h.org_id = ${event.orgId} and h.id = ${handoff}`),
  ).map((r) => r.key);
  if (event.handoffId) {
    const memo = teamsOfHandoff.get(tx) ?? new Map<string, string[]>();
    teamsOfHandoff.set(tx, memo.set(event.handoffId, keys));
  }
  return [...new Set([...named, ...keys])];
}

let registered = false;

/** Every case event becomes an outbox row per matching subscription, in the change's own transaction. */
export function registerOutboxListener() {
  if (registered) return;
  registered = true;
  onEventInTransaction(async (tx, event) => {
    let matching = (await subscriptionsOf(tx, event.orgId)).filter((s) => wantsType(s, event.type));
    if (matching.some((s) => s.teams.length > 0)) {
      const eventTeams = await teamsOfEvent(tx, event);
      matching = matching.filter((s) => wantsTeams(s, eventTeams));
    }
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
