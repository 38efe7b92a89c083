import { and, asc, eq, inArray, like } from 'drizzle-orm';
import { cases, messages } from '../cases/cases.table.ts';
import { scoreSentiment } from '../conversation/sentiment.ts';
import { inOrder, type Queryable } from '../db/database.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { satisfactionRatings } from '../satisfaction/satisfaction.table.ts';
import { slaClocks } from '../sla/sla.table.ts';
import { teams } from '../teams/teams.table.ts';
import { customerRiskOf, erasureOf, getCustomer } from './customers.queries.ts';
import { tenureMonths } from './value.ts';

/** A promise is kept when its clock stopped before its deadline, broken when it breached, else open. */
function promiseState(c: { state: string; breachedAt: Date | null }) {
  if (c.breachedAt) return 'broken' as const;
  return c.state === 'running' || c.state === 'paused' ? ('open' as const) : ('kept' as const);
}

/**
 * Everything the customer page shows: their cases (repeat contacts and latest satisfaction rating
 * marked), handoffs, follow-up promises kept and broken, sentiment over time and the churn risk
 * with its reasons.
 */
export async function customerOverview(db: Queryable, orgId: string, customerId: string, now: Date) {
  const customer = await getCustomer(db, orgId, customerId);
  const theirCases = await db
    .select()
    .from(cases)
    .where(and(eq(cases.orgId, orgId), eq(cases.customerId, customerId)))
    .orderBy(asc(cases.createdAt));
  const ids = theirCases.map((c) => c.id);
  const none = Promise.resolve([]);
  const [hs, msgs, promises, ratings] = await inOrder([
    ids.length
      ? db
          .select({ h: handoffs, team: teams.name })
          .from(handoffs)
          .innerJoin(teams, eq(teams.id, handoffs.toTeamId))
          .where(inArray(handoffs.caseId, ids))
          .orderBy(asc(handoffs.createdAt))
      : none,
    ids.length
      ? db
          .select({
            caseId: messages.caseId,
            at: messages.at,
            text: messages.text,
            sentiment: messages.sentiment,
          })
          .from(messages)
          .where(and(inArray(messages.caseId, ids), eq(messages.role, 'customer')))
          .orderBy(asc(messages.at))
      : none,
    ids.length
      ? db
          .select()
          .from(slaClocks)
          .where(and(inArray(slaClocks.caseId, ids), like(slaClocks.name, 'promise-%')))
          .orderBy(asc(slaClocks.startedAt))
      : none,
    ids.length
      ? db
          .select({
            caseId: satisfactionRatings.caseId,
            rating: satisfactionRatings.rating,
            satisfied: satisfactionRatings.satisfied,
            ratedAt: satisfactionRatings.ratedAt,
          })
          .from(satisfactionRatings)
          .where(inArray(satisfactionRatings.caseId, ids))
          .orderBy(asc(satisfactionRatings.ratedAt), asc(satisfactionRatings.createdAt))
      : none,
  ]);
  // Each case's latest rating: the customer's view of it now.
  const latestRating = new Map(
    ratings.map((r) => [
      r.caseId,
      { rating: r.rating, satisfied: r.satisfied, ratedAt: r.ratedAt.toISOString() },
    ]),
  );
  const promiseRows = promises.map((p) => ({
    caseId: p.caseId,
    handoffId: p.handoffId,
    clock: p.name,
    due: p.deadline?.toISOString() ?? null,
    state: promiseState(p),
  }));
  return {
    customer: {
      id: customer.id,
      externalId: customer.externalId,
      name: customer.name,
      timezone: customer.timezone,
      language: customer.language,
      customerSince: customer.customerSince,
      tenureMonths: tenureMonths(customer.customerSince, now),
      annualValue: customer.annualValue,
      tier: customer.tier,
      ...(await erasureOf(db, customer)),
    },
    cases: theirCases.map((c) => ({
      id: c.id,
      subject: c.subject,
      status: c.status,
      channel: c.channel,
      createdAt: c.createdAt.toISOString(),
      repeatOf: c.repeatOf,
      satisfaction: latestRating.get(c.id) ?? null,
    })),
    repeatContacts: theirCases.filter((c) => c.repeatOf).length,
    satisfaction: {
      rated: latestRating.size,
      satisfied: [...latestRating.values()].filter((r) => r.satisfied).length,
    },
    handoffs: hs.map(({ h, team }) => ({
      id: h.id,
      caseId: h.caseId,
      scenario: h.scenarioId,
      state: h.state,
      toTeam: team,
      sentAt: h.sentAt?.toISOString() ?? null,
      bounceReason: h.bounceReason,
    })),
    promises: {
      kept: promiseRows.filter((p) => p.state === 'kept').length,
      broken: promiseRows.filter((p) => p.state === 'broken').length,
      open: promiseRows.filter((p) => p.state === 'open').length,
      items: promiseRows,
    },
    sentiment: msgs.map((m) => ({
      at: m.at.toISOString(),
      caseId: m.caseId,
      score: Math.round((m.sentiment ?? scoreSentiment(m.text).score) * 100) / 100,
    })),
    risk: await customerRiskOf(db, orgId, customerId, now),
  };
}
