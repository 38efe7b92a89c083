import { and, asc, eq, inArray } from 'drizzle-orm';
import { cases, messages } from '../cases/cases.table.ts';
import { isComplaint } from '../continuity/complaint.ts';
import { customerRisk, weightsWith } from '../continuity/risk.ts';
import { detectRepeats } from '../conversation/repeats-after.ts';
import { scoreSentiment } from '../conversation/sentiment.ts';
import { inOrder, type Queryable } from '../db/database.ts';
import { caseEvents } from '../events/events.table.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { notFound } from '../http/errors.ts';
import { people } from '../people/people.table.ts';
import { satisfactionRatings } from '../satisfaction/satisfaction.table.ts';
import { customerRiskSettings, customers } from './customers.table.ts';
import { defaultRiskSettings, type RiskSettings } from './customers.types.ts';
import { highValue, tenureMonths } from './value.ts';

/** The organisation's risk settings, or the defaults until a lead saves some. */
export async function riskSettingsOf(db: Queryable, orgId: string): Promise<RiskSettings> {
  const [row] = await db.select().from(customerRiskSettings).where(eq(customerRiskSettings.orgId, orgId));
  return riskSettingsFrom(row ?? null);
}

/** An organisation's settings row as settings: the defaults until a lead has saved some. */
export function riskSettingsFrom(
  row: Pick<
    typeof customerRiskSettings.$inferSelect,
    'pageThreshold' | 'highValueMinAnnual' | 'highValueTiers' | 'caps'
  > | null,
): RiskSettings {
  return row
    ? {
        pageThreshold: row.pageThreshold,
        highValueMinAnnual: row.highValueMinAnnual,
        highValueTiers: row.highValueTiers,
        caps: row.caps,
      }
    : defaultRiskSettings;
}

export async function getCustomer(db: Queryable, orgId: string, id: string) {
  const [c] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.orgId, orgId), eq(customers.id, id)));
  if (!c) throw notFound('customer', id);
  return c;
}

/** When a customer's personal data was erased and by whom (`null`s while it was not). */
export async function erasureOf(db: Queryable, c: { erasedAt: Date | null; erasedBy: string | null }) {
  if (!c.erasedAt) return { erasedAt: null, erasedBy: null };
  const [by] = c.erasedBy
    ? await db.select({ id: people.id, name: people.name }).from(people).where(eq(people.id, c.erasedBy))
    : [];
  return { erasedAt: c.erasedAt.toISOString(), erasedBy: by ?? null };
}

/** The churn-risk signal of one customer, with its reasons, from their cases' facts. */
export async function customerRiskOf(db: Queryable, orgId: string, customerId: string, now: Date) {
  const customer = await getCustomer(db, orgId, customerId);
  const settings = await riskSettingsOf(db, orgId);
  const profile = {
    tenureMonths: tenureMonths(customer.customerSince, now),
    highValue: highValue(customer, settings),
  };
  const theirCases = await db
    .select()
    .from(cases)
    .where(and(eq(cases.orgId, orgId), eq(cases.customerId, customerId)));
  const ids = theirCases.map((c) => c.id);
  const weights = weightsWith(settings.caps);
  if (ids.length === 0)
    return customerRisk(
      {
        openCases: 0,
        handoffs: 0,
        bounces: 0,
        pingPongs: 0,
        breaches: 0,
        repeatedExplanations: 0,
        documentRerequests: 0,
        sentiments: [],
        complaints: 0,
        waitingHours: 0,
        brokenPromises: 0,
        ...profile,
      },
      weights,
    );
  const [msgs, events, hs, ratings] = await inOrder([
    db.select().from(messages).where(inArray(messages.caseId, ids)).orderBy(asc(messages.at)),
    db
      .select({ type: caseEvents.type, caseId: caseEvents.caseId, data: caseEvents.data })
      .from(caseEvents)
      .where(inArray(caseEvents.caseId, ids)),
    db.select().from(handoffs).where(inArray(handoffs.caseId, ids)).orderBy(asc(handoffs.createdAt)),
    db
      .select({ caseId: satisfactionRatings.caseId, satisfied: satisfactionRatings.satisfied })
      .from(satisfactionRatings)
      .where(inArray(satisfactionRatings.caseId, ids))
      .orderBy(asc(satisfactionRatings.ratedAt), asc(satisfactionRatings.createdAt)),
  ]);
  // A case's latest rating is the customer's view of it (they may have changed their mind).
  const latestRating = new Map(ratings.map((r) => [r.caseId, r.satisfied]));
  const customerMsgs = msgs.filter((m) => m.role === 'customer');
  let repeats = 0;
  let pingPongs = 0;
  for (const caseId of ids) {
    const sent = hs.filter((h) => h.caseId === caseId && h.sentAt);
    const firstSent = sent[0]?.sentAt?.getTime();
    if (firstSent !== undefined) {
      const mine = customerMsgs.filter((m) => m.caseId === caseId);
      const before = mine.filter((m) => m.at.getTime() <= firstSent).map((m) => ({ id: m.id, text: m.text }));
      const after = mine.filter((m) => m.at.getTime() > firstSent).map((m) => ({ id: m.id, text: m.text }));
      repeats += detectRepeats(before, after).length;
    }
    const held = new Set<string>();
    for (const h of sent) {
      if (held.has(h.toTeamId)) pingPongs++;
      if (h.fromTeamId) held.add(h.fromTeamId);
      held.add(h.toTeamId);
    }
  }
  const last = msgs.at(-1);
  const lastReply = [...msgs].reverse().find((m) => m.role === 'agent' || m.role === 'bot');
  const firstUnanswered = customerMsgs.find((m) => !lastReply || m.at > lastReply.at);
  const waitingHours =
    last?.role === 'customer' && firstUnanswered
      ? (now.getTime() - firstUnanswered.at.getTime()) / 3_600_000
      : 0;
  const count = (type: string) => events.filter((e) => e.type === type).length;
  return customerRisk(
    {
      openCases: theirCases.filter((c) => c.status === 'open' || c.status === 'pending').length,
      handoffs: hs.filter((h) => h.sentAt).length,
      bounces: count('handoff.bounced'),
      pingPongs,
      breaches: count('sla.breached'),
      repeatedExplanations: repeats,
      documentRerequests: count('document.rerequested'),
      sentiments: customerMsgs.slice(-10).map((m) => m.sentiment ?? scoreSentiment(m.text).score),
      complaints: customerMsgs.filter((m) => isComplaint(m.text)).length,
      waitingHours,
      brokenPromises: events.filter(
        (e) =>
          e.type === 'sla.breached' && String((e.data as { clock?: string }).clock).startsWith('promise-'),
      ).length,
      unsatisfiedRatings: [...latestRating.values()].filter((satisfied) => !satisfied).length,
      ...profile,
    },
    weights,
  );
}
