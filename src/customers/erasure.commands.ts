import { and, type Column, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { recordChange } from '../admin/admin-changes.commands.ts';
import { weeklyReviews } from '../analytics/analytics.table.ts';
import { idempotencyKeys } from '../auth/auth.table.ts';
import { cases, messages } from '../cases/cases.table.ts';
import type { Db, Tx } from '../db/database.ts';
import { documentRequests, documents } from '../documents/documents.table.ts';
import { appendEvents } from '../events/events.commands.ts';
import { eventPersonalData } from '../events/events.table.ts';
import { EventType } from '../events/names.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import type { Principal } from '../http/context.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { notificationOutbox, notifications } from '../notifications/notifications.table.ts';
import { people } from '../people/people.table.ts';
import { qaReviews } from '../qa/qa.table.ts';
import { satisfactionRatings } from '../satisfaction/satisfaction.table.ts';
import {
  vocabularyCorrections,
  vocabularyObservations,
  vocabularyRoutingErrors,
} from '../vocabulary/vocabulary.table.ts';
import { customers } from './customers.table.ts';
import {
  confirmsErasure,
  erasedCustomer,
  erasedCustomerUpdate,
  erasedPacket,
  erasedReview,
  erasedScores,
} from './erasure.ts';
import type { ErasureInput } from './erasure.types.ts';
import { ERASED } from './personal-text.ts';

type Ctx = { principal: Principal; now: Date };

/** How many records of each kind had their personal text replaced. */
export type ErasedCounts = {
  cases: number;
  messages: number;
  documents: number;
  handoffs: number;
  events: number;
  notifications: number;
  reviews: number;
};

const erasedText = sql`${ERASED}`;

/**
 * Erases a customer's personal data, in one transaction: their profile, and in each of their cases
 * the subject, the conversation, document names, packets, notes, the drafted customer updates, the
 * personal text beside the case log (never the log itself: invariant 4), notifications quoting them
 * (webhook deliveries never carry it: integrations/outbox.listeners.ts), QA comments, tagger samples and stored weekly reviews. States, timings,
 * clocks, scores and codes stay, so reports still count what happened. Each case's log records the
 * erasure (`customer.erased`), and so does the admin change log.
 */
export async function eraseCustomer(db: Db, customerId: string, input: ErasureInput, ctx: Ctx) {
  const orgId = ctx.principal.orgId;
  return db.transaction(async (tx) => {
    const [customer] = await tx
      .select()
      .from(customers)
      .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)))
      .for('update');
    if (!customer) throw notFound('customer', customerId);
    if (customer.erasedAt)
      throw new ApiError(
        'customer_erased',
        `this customer's personal data was erased on ${customer.erasedAt.toISOString()}`,
        {
          erasedAt: customer.erasedAt.toISOString(),
        },
      );
    if (!confirmsErasure(customer, input.confirm))
      throw new ApiError(
        'erasure_unconfirmed',
        "type the customer's external id or name exactly to confirm the erasure: nothing was erased",
        { field: 'confirm' },
      );
    const counts = await eraseLocked(tx, orgId, customerId, {
      actorId: ctx.principal.personId,
      now: ctx.now,
      reason: input.reason ?? null,
    });
    const [by] = ctx.principal.personId
      ? await tx
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(eq(people.id, ctx.principal.personId))
      : [];
    return {
      customerId,
      erasedAt: ctx.now.toISOString(),
      erasedBy: by ?? null,
      erased: counts,
    };
  });
}

/** Who erases, when, and why: a person, or nobody for the retention schedule (customers/retention.ts). */
export type Eraser = { actorId: string | null; now: Date; reason: string | null };

/**
 * Erases a customer whose row the caller holds locked and has checked is not erased yet, inside the
 * caller's transaction: their cases, their profile, one `customer.erased` event a case, the change log.
 */
export async function eraseLocked(tx: Tx, orgId: string, customerId: string, who: Eraser) {
  const caseRows = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.orgId, orgId), eq(cases.customerId, customerId)))
    .orderBy(cases.id)
    .for('update');
  const caseIds = caseRows.map((c) => c.id);
  const counts = await eraseCases(tx, orgId, caseIds, who.now);
  await tx
    .update(customers)
    .set({ ...erasedCustomer(customerId), erasedAt: who.now, erasedBy: who.actorId })
    .where(eq(customers.id, customerId));
  await appendEvents(
    tx,
    caseIds.map((caseId) => ({
      orgId,
      caseId,
      type: EventType.customerErased,
      at: who.now,
      actorId: who.actorId,
      data: { customerId },
    })),
  );
  await recordChange(
    tx,
    { orgId, now: who.now, actorId: who.actorId },
    'customer.erased',
    { id: customerId, name: 'Erased customer' },
    {
      personalData: { from: 'kept', to: 'erased' },
      cases: { from: null, to: counts.cases },
      ...(who.reason ? { reason: { from: null, to: who.reason } } : {}),
    },
  );
  return counts;
}

async function eraseCases(tx: Tx, orgId: string, caseIds: string[], now: Date): Promise<ErasedCounts> {
  const counts: ErasedCounts = {
    cases: caseIds.length,
    messages: 0,
    documents: 0,
    handoffs: 0,
    events: 0,
    notifications: 0,
    reviews: 0,
  };
  if (caseIds.length === 0) return counts;
  const inCases = (column: Column) => inArray(column, caseIds);
  await tx.update(cases).set({ subject: ERASED }).where(inCases(cases.id));
  counts.messages = (
    await tx
      .update(messages)
      .set({ text: ERASED })
      .where(inCases(messages.caseId))
      .returning({ id: messages.id })
  ).length;
  counts.documents = (
    await tx
      .update(documents)
      .set({ name: ERASED })
      .where(inCases(documents.caseId))
      .returning({ id: documents.id })
  ).length;
  await tx
    .update(documentRequests)
    .set({ reason: ERASED })
    .where(and(inCases(documentRequests.caseId), isNotNull(documentRequests.reason)));
  await tx
    .update(satisfactionRatings)
    .set({ comment: ERASED })
    .where(and(inCases(satisfactionRatings.caseId), isNotNull(satisfactionRatings.comment)));

  const handoffRows = await tx
    .select({ id: handoffs.id, packet: handoffs.packet, customerUpdate: handoffs.customerUpdate })
    .from(handoffs)
    .where(inCases(handoffs.caseId));
  for (const h of handoffRows)
    await tx
      .update(handoffs)
      .set({
        packet: erasedPacket(h.packet as Record<string, unknown>),
        customerUpdate: h.customerUpdate
          ? erasedCustomerUpdate(h.customerUpdate as Record<string, unknown>)
          : null,
        bounceNote: sql`case when ${handoffs.bounceNote} is null then null else ${erasedText} end`,
      })
      .where(eq(handoffs.id, h.id));
  counts.handoffs = handoffRows.length;

  // The case log's personal text lives beside it: each value becomes the marker, the keys stay.
  counts.events = (
    await tx
      .update(eventPersonalData)
      .set({
        data: sql`(select coalesce(jsonb_object_agg(k, case when v = 'null'::jsonb then v else to_jsonb(${erasedText}::text) end), '{}'::jsonb)
          from jsonb_each(${eventPersonalData.data}) as x(k, v))`,
      })
      .where(inCases(eventPersonalData.caseId))
      .returning({ id: eventPersonalData.eventId })
  ).length;

  const noticeRows = await tx
    .update(notifications)
    .set({ title: ERASED, body: ERASED })
    .where(and(eq(notifications.orgId, orgId), inCases(notifications.caseId)))
    .returning({ id: notifications.id });
  counts.notifications = noticeRows.length;
  if (noticeRows.length) {
    const ids = noticeRows.map((n) => n.id);
    await tx
      .update(notificationOutbox)
      .set({
        message: sql`${notificationOutbox.message} || jsonb_build_object('title', ${erasedText}::text, 'body', ${erasedText}::text)`,
      })
      .where(inArray(notificationOutbox.notificationId, ids));
    // Not sent yet: a Slack message or e-mail of erased words would tell its reader nothing.
    await tx
      .update(notificationOutbox)
      .set({ deadAt: now, lastError: 'personal data erased before delivery' })
      .where(
        and(
          inArray(notificationOutbox.notificationId, ids),
          isNull(notificationOutbox.deliveredAt),
          isNull(notificationOutbox.deadAt),
        ),
      );
  }

  const reviewRows = await tx
    .select({ id: qaReviews.id, comment: qaReviews.comment, scores: qaReviews.scores })
    .from(qaReviews)
    .where(inCases(qaReviews.caseId));
  for (const r of reviewRows) {
    const scores = erasedScores(r.scores);
    if (r.comment === null && JSON.stringify(scores) === JSON.stringify(r.scores)) continue;
    await tx
      .update(qaReviews)
      .set({ comment: r.comment === null ? null : ERASED, scores })
      .where(eq(qaReviews.id, r.id));
    counts.reviews++;
  }
  await tx.update(vocabularyCorrections).set({ text: ERASED }).where(inCases(vocabularyCorrections.caseId));
  await tx
    .update(vocabularyObservations)
    .set({ text: ERASED })
    .where(and(inCases(vocabularyObservations.caseId), isNotNull(vocabularyObservations.text)));
  await tx
    .update(vocabularyRoutingErrors)
    .set({ note: ERASED })
    .where(and(inCases(vocabularyRoutingErrors.caseId), isNotNull(vocabularyRoutingErrors.note)));

  // A stored answer to a retried request (24 hours at most) may quote a case; replaying it now
  // answers that it was erased, and the request still does not run twice.
  await tx
    .update(idempotencyKeys)
    .set({ response: { erased: true } })
    .where(
      and(
        eq(idempotencyKeys.orgId, orgId),
        isNotNull(idempotencyKeys.response),
        sql`${idempotencyKeys.response}::text like any (${sql`array[${sql.join(
          caseIds.map((id) => sql`${`%${id}%`}`),
          sql`, `,
        )}]::text[]`})`,
      ),
    );

  const ids = new Set(caseIds);
  const stored = await tx
    .select({ week: weeklyReviews.week, json: weeklyReviews.json })
    .from(weeklyReviews)
    .where(eq(weeklyReviews.orgId, orgId));
  for (const r of stored) {
    const json = erasedReview(r.json, ids);
    if (JSON.stringify(json) !== JSON.stringify(r.json))
      await tx
        .update(weeklyReviews)
        .set({ json })
        .where(and(eq(weeklyReviews.orgId, orgId), eq(weeklyReviews.week, r.week)));
  }
  return counts;
}
