import { and, arrayContains, eq, sql } from 'drizzle-orm';
import { cases } from '../cases/cases.table.ts';
import { customerRiskOf, riskSettingsFrom } from '../customers/customers.queries.ts';
import { customerRiskSettings, customerRiskState, customers } from '../customers/customers.table.ts';
import { highValue, riskCrossing } from '../customers/value.ts';
import { inOrder, rowsOf, type Tx } from '../db/database.ts';
import { executePrepared } from '../db/prepared.ts';
import { appendEvent, onEventInTransaction, type StoredEvent } from '../events/events.commands.ts';
import { EventType } from '../events/names.ts';
import { notifyIn } from '../notifications/notifications.commands.ts';
import { people } from '../people/people.table.ts';
import { teams } from '../teams/teams.table.ts';

/** The facts that move a customer's risk: a message from them, a bounce, a breach, a document asked for again. */
const moves = new Set<string>([
  EventType.messageAdded,
  EventType.handoffBounced,
  EventType.slaBreached,
  EventType.documentRerequested,
  EventType.satisfactionRated,
]);

/**
 * Recomputes a high-value customer's risk when a fact about them arrives; when it reaches the
 * organisation's threshold from below, logs `customer.risk_crossed` (once per crossing: the state
 * row changes only when the side of the threshold does).
 */
async function reassess(tx: Tx, e: StoredEvent) {
  // The customer's value and their organisation's settings in one prepared read: this runs on every
  // customer message, and only a high-value customer reads further.
  const [row] = rowsOf<{
    id: string;
    annualValue: number | null;
    tier: string | null;
    settings: Parameters<typeof riskSettingsFrom>[0];
  }>(
    await executePrepared(
      tx,
      sql`select cu.id, cu.annual_value as "annualValue", cu.tier,
        case when s.org_id is not null then json_build_object('pageThreshold', s.page_threshold,
          'highValueMinAnnual', s.high_value_min_annual, 'highValueTiers', s.high_value_tiers,
          'caps', s.caps) end as settings
      from ${cases} c join ${customers} cu on cu.id = c.customer_id
      left join ${customerRiskSettings} s on s.org_id = c.org_id
      where c.id = ${e.caseId}`,
    ),
  );
  if (!row) return;
  const customer = { ...row, annualValue: row.annualValue === null ? null : Number(row.annualValue) };
  const settings = riskSettingsFrom(row.settings);
  const valued = highValue(customer, settings);
  if (!valued) return; // only high-value customers page, so nobody else pays for the recomputation
  const risk = await customerRiskOf(tx, e.orgId, customer.id, e.at);
  const [state] = await tx
    .select()
    .from(customerRiskState)
    .where(eq(customerRiskState.customerId, customer.id))
    .for('update');
  const crossing = riskCrossing(state?.above ?? false, risk.score, settings.pageThreshold);
  if (!crossing.changed) return;
  const values = { above: crossing.above, score: risk.score, changedAt: e.at };
  if (state)
    await tx.update(customerRiskState).set(values).where(eq(customerRiskState.customerId, customer.id));
  else {
    const won = await tx
      .insert(customerRiskState)
      .values({ customerId: customer.id, orgId: e.orgId, ...values })
      .onConflictDoNothing()
      .returning({ id: customerRiskState.customerId });
    if (won.length === 0) return; // a concurrent fact about the same customer decided first
  }
  if (!crossing.crossedUp) return;
  await appendEvent(tx, {
    orgId: e.orgId,
    caseId: e.caseId,
    handoffId: e.handoffId,
    type: EventType.customerRiskCrossed,
    at: e.at,
    data: {
      customerId: customer.id,
      score: risk.score,
      level: risk.level,
      threshold: settings.pageThreshold,
      highValue: valued.detail,
      reasons: risk.reasons,
    },
  });
}

/** The page: every supervisor, and the supervisors team's channel when it has one. */
async function page(tx: Tx, e: StoredEvent) {
  const customerId = String(e.data.customerId);
  const [supervisors, team, customer, kase] = await inOrder([
    tx
      .select({ id: people.id })
      .from(people)
      .where(
        and(eq(people.orgId, e.orgId), arrayContains(people.roles, ['supervisor']), eq(people.active, 'yes')),
      ),
    tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.orgId, e.orgId), eq(teams.key, 'supervisors'))),
    tx.select({ name: customers.name }).from(customers).where(eq(customers.id, customerId)),
    tx.select({ subject: cases.subject }).from(cases).where(eq(cases.id, e.caseId)),
  ]);
  const reasons = (e.data.reasons as { id: string; weight: number }[]).filter((r) => r.weight > 0);
  await notifyIn(
    tx,
    { orgId: e.orgId, eventId: e.id, caseId: e.caseId, handoffId: e.handoffId },
    {
      kind: 'customer_risk',
      caseId: e.caseId,
      handoffId: e.handoffId,
      subject: kase[0]?.subject,
      customerId,
      customerName: customer[0]?.name,
      score: Number(e.data.score),
      reason: `${e.data.highValue}; ${reasons
        .slice(0, 3)
        .map((r) => r.id.replaceAll('_', ' '))
        .join(', ')}`,
    },
    { personIds: supervisors.map((s) => s.id), teamIds: team.map((t) => t.id) },
    e.at,
  );
}

let registered = false;

export function registerRiskListener() {
  if (registered) return;
  registered = true;
  onEventInTransaction(async (tx, event) => {
    if (event.type === EventType.customerRiskCrossed) return page(tx, event);
    if (!moves.has(event.type)) return;
    if (event.type === EventType.messageAdded && event.data.role !== 'customer') return;
    await reassess(tx, event);
  });
}
