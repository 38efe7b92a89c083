import { and, eq, sql } from 'drizzle-orm';
import { customersKnownValues } from '../conversation/prefill.queries.ts';
import { redactEventData } from '../conversation/redact-payload.ts';
import { rowsOf, type Tx } from '../db/database.ts';
import { executeNotifying } from '../db/notices.ts';
import { onEventsInTransaction, type StoredEvent } from '../events/events.commands.ts';
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

// A handoff's teams never change, and one transaction may write several statements of one handoff's
// events (its clocks', then its own): each handoff is read once a transaction.
const teamsOfHandoff = new WeakMap<Tx, Map<string, string[]>>();

const jsonList = (values: string[]) =>
  sql`(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

/**
 * The teams each event is about: those its data names, and the sending and receiving teams of its
 * handoff (for an event of the case alone, of the case's latest handoff that is not a draft). One
 * query for all the events; read only when a subscription kept to teams wants some of them.
 */
async function teamsOfEvents(tx: Tx, orgId: string, events: StoredEvent[]) {
  const memo = teamsOfHandoff.get(tx) ?? new Map<string, string[]>();
  teamsOfHandoff.set(tx, memo);
  const handoffIds = [
    ...new Set(events.flatMap((e) => (e.handoffId && !memo.has(e.handoffId) ? [e.handoffId] : []))),
  ];
  const lone = [...new Set(events.filter((e) => !e.handoffId).map((e) => e.caseId))];
  const ofCase = new Map<string, string[]>();
  if (handoffIds.length || lone.length) {
    const rows = rowsOf<{ handoff_id: string; case_id: string; key: string; lone: boolean }>(
      await tx.execute(sql`select h.id as handoff_id, h.case_id, t.key, h.lone from (
          select id, case_id, to_team_id, from_team_id, false as lone from ${handoffs}
          where org_id = ${orgId} and id in ${jsonList(handoffIds)}
          union all
          (select distinct on (case_id) id, case_id, to_team_id, from_team_id, true from ${handoffs}
          where org_id = ${orgId} and case_id in ${jsonList(lone)} and state <> 'draft'
          order by case_id, created_at desc)
        ) h join ${teams} t on t.org_id = ${orgId} and t.id in (h.to_team_id, h.from_team_id)`),
    );
    for (const id of handoffIds) memo.set(id, []);
    for (const r of rows) {
      if (r.lone) ofCase.set(r.case_id, [...(ofCase.get(r.case_id) ?? []), r.key]);
      else memo.get(r.handoff_id)!.push(r.key);
    }
  }
  return (e: StoredEvent) => [
    ...new Set([
      ...teamsNamedIn(e.data),
      ...((e.handoffId ? memo.get(e.handoffId) : ofCase.get(e.caseId)) ?? []),
    ]),
  ];
}

/**
 * The outbox rows of one organisation's events written together: each event once per subscription
 * that wants it, redacted, in one insert with the notice that wakes the delivery loops on commit.
 */
async function queueDeliveries(tx: Tx, orgId: string, events: StoredEvent[]) {
  const subs = await subscriptionsOf(tx, orgId);
  if (subs.length === 0) return;
  let wanted = events
    .map((e) => ({ e, subs: subs.filter((s) => wantsType(s, e.type)) }))
    .filter((w) => w.subs.length > 0);
  const kept = wanted.filter((w) => w.subs.some((s) => s.teams.length > 0));
  if (kept.length) {
    const teamsOf = await teamsOfEvents(
      tx,
      orgId,
      kept.map((w) => w.e),
    );
    wanted = wanted
      .map(({ e, subs: some }) => ({ e, subs: some.filter((s) => wantsTeams(s, teamsOf(e))) }))
      .filter((w) => w.subs.length > 0);
  }
  if (wanted.length === 0) return;
  const known = await customersKnownValues(tx, orgId, [...new Set(wanted.map((w) => w.e.caseId))]);
  const rows = wanted.flatMap(({ e, subs: to }) => {
    const body = JSON.stringify({
      id: e.id,
      type: e.type,
      // The case log's order: deliveries retried after a failure can arrive out of it, and events
      // of one transaction share an instant, so a receiver sorts by this.
      seq: e.seq,
      createdAt: e.at.toISOString(),
      // Personal data never leaves in a webhook: free text is redacted, the customer's name and email too.
      data: redactEventData({ caseId: e.caseId, handoffId: e.handoffId, ...e.data }, known(e.caseId)),
    });
    const at = e.at.toISOString();
    // Queued at the event's own instant (the clock the deliveries and their health are judged by).
    return to.map(
      (s) => sql`(${orgId}, ${e.id}, ${s.id}, ${e.type}, ${body}, ${at}::timestamptz, ${at}::timestamptz)`,
    );
  });
  // With the notice that wakes every process's delivery loop on commit.
  await executeNotifying(
    tx,
    sql`insert into ${outbox} (org_id, event_id, subscription_id, type, body, next_attempt_at, created_at) values ${sql.join(rows, sql`, `)}`,
    [{ channel: outboxChannel, payload: '' }],
  );
}

let registered = false;

/**
 * Every case event becomes an outbox row per matching subscription, in the change's own
 * transaction; the events a statement wrote together are queued together.
 */
export function registerOutboxListener() {
  if (registered) return;
  registered = true;
  onEventsInTransaction(async (tx, events) => {
    for (const orgId of new Set(events.map((e) => e.orgId)))
      await queueDeliveries(
        tx,
        orgId,
        events.filter((e) => e.orgId === orgId),
      );
  });
}
