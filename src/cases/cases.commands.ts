import { and, eq, sql } from 'drizzle-orm';
import { isClosingThanks } from '../conversation/closing-thanks.ts';
import { applyHelpdeskProfile } from '../customers/customers.commands.ts';
import { customers } from '../customers/customers.table.ts';
import { type Db, rowsOf, type Tx } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { executePrepared } from '../db/prepared.ts';
import { uniqueViolation } from '../db/unique.ts';
import { documentRequests, documents } from '../documents/documents.table.ts';
import { findOnFile } from '../documents/on-file.ts';
import { appendEvent, appendEvents, type NewEvent } from '../events/events.commands.ts';
import { EventType } from '../events/names.ts';
import type { Principal } from '../http/context.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { futureToleranceMs } from '../satisfaction/rating.ts';
import { isDone } from './case-status.ts';
import { cases, messages } from './cases.table.ts';
import type { DocumentRequest, IssueTypeInput, NewCase, NewDocument, NewMessage } from './cases.types.ts';
import { linkRepeatContacts } from './repeat-contact.commands.ts';

type Ctx = { principal: Principal; now: Date };

/**
 * The customer by their external id, created on first sight. A known customer is only read, and
 * updated only when the payload brings new tenure or value: an upsert would lock their row and
 * serialise every concurrent case of one customer.
 */
async function upsertCustomer(tx: Tx, orgId: string, c: NewCase['customer'], now: Date): Promise<string> {
  // Prepared: every case created reads it (db/prepared.ts).
  const byExternalId = async () =>
    rowsOf<{ id: string }>(
      await executePrepared(
        tx,
        sql`select id from ${customers} where org_id = ${orgId} and external_id = ${c.externalId}`,
      ),
    )[0];
  const known = await byExternalId();
  if (known) {
    await applyHelpdeskProfile(tx, known.id, c, now);
    return known.id;
  }
  const [created] = await tx
    .insert(customers)
    .values({
      id: newId('cu'),
      orgId,
      externalId: c.externalId,
      name: c.name,
      email: c.email,
      timezone: c.timezone,
      language: c.language,
      customerSince: c.customerSince,
      annualValue: c.annualValue,
      tier: c.tier,
      ...(c.customerSince || c.annualValue !== undefined || c.tier
        ? { profileSource: 'helpdesk', profileUpdatedAt: now }
        : {}),
    })
    .onConflictDoNothing()
    .returning({ id: customers.id });
  if (created) return created.id;
  // Another case created the customer first: their row is committed, this statement sees it.
  return (await byExternalId())!.id;
}

/**
 * A message dated ahead of the server's clock (beyond a few minutes of skew) is refused where a
 * person or a script writes it: shown as today's, it would sit in the conversation out of order.
 */
function refuseFutureMessage(m: NewMessage, ctx: Ctx, field: string) {
  if (m.at && Date.parse(m.at) > ctx.now.getTime() + futureToleranceMs)
    throw new ApiError(
      'validation_failed',
      `${field}: ${m.at} is ahead of the server's clock; date a message when it was written, or leave \`at\` out for now`,
      { field },
    );
}

/** "an invoice", "a bank statement": a kind named in a sentence. */
const withArticle = (words: string) => `${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words}`;

export async function insertMessage(
  tx: Tx,
  orgId: string,
  caseId: string,
  m: NewMessage,
  ctx: Ctx,
  opts: { creating?: boolean } = {},
) {
  const at = m.at ? new Date(m.at) : ctx.now;
  const id = newId('msg');
  // The customer writing again opens a case that was resolved or closed, as helpdesks do, unless
  // the message only thanks (conversation/closing-thanks.ts); before the listeners run, so what the
  // message sets off (a trigger's send) finds the case open.
  const [was] =
    !opts.creating && m.role === 'customer'
      ? await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId))
      : [];
  const done = was !== undefined && isDone(was.status);
  const closingThanks = done && isClosingThanks(m.text);
  const reopens = done && !closingThanks;
  const events: NewEvent[] = [
    {
      orgId,
      caseId,
      type: EventType.messageAdded,
      at: ctx.now,
      actorId: ctx.principal.personId,
      data: {
        messageId: id,
        role: m.role,
        at: at.toISOString(),
        ...(closingThanks ? { closingThanks: true } : {}),
      },
    },
  ];
  if (reopens)
    events.push({
      orgId,
      caseId,
      type: EventType.caseReopened,
      at: ctx.now,
      actorId: ctx.principal.personId,
      data: { from: was.status, messageId: id },
    });
  // The message, its events and the case's touch in one statement; the in-transaction listeners then read it.
  await appendEvents(tx, events, {
    writes: [
      tx
        .insert(messages)
        .values({ id, orgId, caseId, role: m.role, text: m.text, at, authorId: ctx.principal.personId }),
      ...(opts.creating
        ? []
        : [
            tx
              .update(cases)
              .set(reopens ? { updatedAt: ctx.now, status: 'open' } : { updatedAt: ctx.now })
              .where(eq(cases.id, caseId)),
          ]),
    ],
    prepared: true,
  });
  return { id, caseId, role: m.role, text: m.text, at: at.toISOString() };
}

export async function insertDocument(tx: Tx, orgId: string, caseId: string, d: NewDocument, ctx: Ctx) {
  const id = newId('doc');
  await tx.insert(documents).values({
    id,
    orgId,
    caseId,
    kind: d.kind,
    name: d.name,
    providedAt: ctx.now,
    providedBy: ctx.principal.personId,
  });
  await appendEvent(tx, {
    orgId,
    caseId,
    type: EventType.documentAdded,
    at: ctx.now,
    actorId: ctx.principal.personId,
    data: { documentId: id, kind: d.kind, name: d.name },
  });
  return { id, kind: d.kind, name: d.name, providedAt: ctx.now.toISOString() };
}

/** Creates a case inside the caller's transaction (the API and inbound webhooks share it). */
export async function createCaseIn(tx: Tx, input: NewCase, ctx: Ctx): Promise<string> {
  const orgId = ctx.principal.orgId;
  const customerId = await upsertCustomer(tx, orgId, input.customer, ctx.now);
  const id = newId('cs');
  // The case row and `case.created` in one statement. The event carries the issue type it was
  // created with, so the vocabulary listener need not read the row back.
  await appendEvents(
    tx,
    [
      {
        orgId,
        caseId: id,
        type: EventType.caseCreated,
        at: ctx.now,
        actorId: ctx.principal.personId,
        data: {
          subject: input.subject,
          channel: input.channel,
          customerId,
          issueType: input.issueType ?? null,
        },
      },
    ],
    {
      writes: [
        tx.insert(cases).values({
          id,
          orgId,
          customerId,
          externalId: input.externalId,
          subject: input.subject,
          channel: input.channel,
          issueType: input.issueType,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        }),
      ],
      prepared: true,
    },
  );
  for (const [i, m] of (input.messages ?? []).entries()) refuseFutureMessage(m, ctx, `messages.${i}.at`);
  for (const m of input.messages ?? []) await insertMessage(tx, orgId, id, m, ctx, { creating: true });
  for (const d of input.documents ?? []) await insertDocument(tx, orgId, id, d, ctx);
  if (input.issueType) await linkRepeatContacts(tx, orgId, id, ctx.now);
  return id;
}

/**
 * A helpdesk's ticket is one case: an `externalId` already used answers 409 naming that case (read
 * only when the insert is refused, so a creation costs no lookup).
 */
export async function createCase(db: Db, input: NewCase, ctx: Ctx): Promise<string> {
  try {
    return await db.transaction((tx) => createCaseIn(tx, input, ctx));
  } catch (error) {
    if (uniqueViolation(error) !== 'cases_org_external' || !input.externalId) throw error;
    const [existing] = await db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.orgId, ctx.principal.orgId), eq(cases.externalId, input.externalId)));
    throw new ApiError('conflict', `a case with externalId ${input.externalId} exists already`, {
      field: 'externalId',
      caseId: existing?.id ?? null,
    });
  }
}

export async function lockCase(tx: Tx, orgId: string, caseId: string) {
  const [row] = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.orgId, orgId), eq(cases.id, caseId)))
    .for('update');
  if (!row) throw notFound('case', caseId);
  return row;
}

/**
 * Sets a case's issue type (an agent's choice or the tagger's, after creation) and links the repeat
 * contacts that the type reveals.
 */
export async function setIssueType(db: Db, caseId: string, input: IssueTypeInput, ctx: Ctx) {
  const orgId = ctx.principal.orgId;
  return db.transaction(async (tx) => {
    const kase = await lockCase(tx, orgId, caseId);
    if (kase.issueType === input.issueType) return { id: caseId, issueType: input.issueType, changed: false };
    await tx
      .update(cases)
      .set({ issueType: input.issueType, updatedAt: ctx.now })
      .where(eq(cases.id, caseId));
    await appendEvent(tx, {
      orgId,
      caseId,
      type: EventType.caseIssueTypeSet,
      at: ctx.now,
      actorId: ctx.principal.personId,
      data: { from: kase.issueType, to: input.issueType },
    });
    await linkRepeatContacts(tx, orgId, caseId, ctx.now);
    return { id: caseId, issueType: input.issueType, changed: true };
  });
}

export async function addMessage(db: Db, caseId: string, input: NewMessage, ctx: Ctx) {
  return db.transaction(async (tx) => {
    refuseFutureMessage(input, ctx, 'at');
    await lockCase(tx, ctx.principal.orgId, caseId);
    return insertMessage(tx, ctx.principal.orgId, caseId, input, ctx);
  });
}

export async function addDocument(db: Db, caseId: string, input: NewDocument, ctx: Ctx) {
  return db.transaction(async (tx) => {
    await lockCase(tx, ctx.principal.orgId, caseId);
    return insertDocument(tx, ctx.principal.orgId, caseId, input, ctx);
  });
}

/** Invariant 3: asking again for a document on file is refused unless the request says why. */
export async function requestDocument(db: Db, caseId: string, input: DocumentRequest, ctx: Ctx) {
  const orgId = ctx.principal.orgId;
  return db.transaction(async (tx) => {
    await lockCase(tx, orgId, caseId);
    const onFile = await tx
      .select()
      .from(documents)
      .where(and(eq(documents.orgId, orgId), eq(documents.caseId, caseId)));
    const existing = findOnFile(onFile, input.kind);
    if (existing && !input.reason) {
      throw new ApiError(
        'document_on_file',
        `${withArticle(existing.kind.replace(/_/g, ' '))} is already on file for this case: ${existing.name}`,
        {
          field: 'kind',
          document: {
            id: existing.id,
            kind: existing.kind,
            name: existing.name,
            providedAt: existing.providedAt.toISOString(),
          },
        },
      );
    }
    const id = newId('dr');
    const rerequest = Boolean(existing);
    await tx.insert(documentRequests).values({
      id,
      orgId,
      caseId,
      kind: input.kind,
      reason: input.reason,
      rerequest,
      requestedBy: ctx.principal.personId,
      createdAt: ctx.now,
    });
    await appendEvent(tx, {
      orgId,
      caseId,
      type: rerequest ? EventType.documentRerequested : EventType.documentRequested,
      at: ctx.now,
      actorId: ctx.principal.personId,
      data: { requestId: id, kind: input.kind, reason: input.reason ?? null, onFile: existing?.name ?? null },
    });
    return {
      id,
      caseId,
      kind: input.kind,
      reason: input.reason ?? null,
      rerequest,
      createdAt: ctx.now.toISOString(),
    };
  });
}
