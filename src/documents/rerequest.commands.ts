import { and, eq } from 'drizzle-orm';
import { messages } from '../cases/cases.table.ts';
import { documentReRequests } from '../conversation/rerequest.ts';
import type { Tx } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { appendEvent, type NewEvent } from '../events/events.commands.ts';
import { EventType } from '../events/names.ts';
import { documentRequests, documents } from './documents.table.ts';
import { askedAgain } from './on-file.ts';

/**
 * Invariant 3 in the conversation, in the message's transaction: an agent (or bot) message that asks
 * the customer for a kind of document already on file is flagged, as a re-request without a reason
 * that names the message and the document on file, and written to the case's log.
 */
export async function flagDocumentReRequests(
  tx: Tx,
  orgId: string,
  caseId: string,
  messageId: string,
  now: Date,
) {
  const [message] = await tx.select().from(messages).where(eq(messages.id, messageId));
  if (!message || (message.role !== 'agent' && message.role !== 'bot')) return [];
  const onFile = await tx
    .select({ id: documents.id, kind: documents.kind, name: documents.name })
    .from(documents)
    .where(and(eq(documents.orgId, orgId), eq(documents.caseId, caseId)));
  if (onFile.length === 0) return [];
  const found = documentReRequests(onFile, message.text);
  for (const r of found) {
    const id = newId('dr');
    await tx.insert(documentRequests).values({
      id,
      orgId,
      caseId,
      kind: r.kind,
      reason: null,
      rerequest: true,
      requestedBy: message.authorId,
      messageId,
      onFileDocumentId: r.document.id,
      createdAt: now,
    });
    await appendEvent(tx, {
      orgId,
      caseId,
      type: EventType.documentRerequested,
      at: now,
      actorId: message.authorId,
      data: {
        requestId: id,
        kind: r.kind,
        reason: null,
        onFile: r.document.name,
        documentId: r.document.id,
        messageId,
        sentence: r.sentence.slice(0, 500),
      },
    });
  }
  return found;
}

/** The documents on file for a case, as a send compares a packet with them. */
export const onFileOf = (tx: Tx, orgId: string, caseId: string) =>
  tx
    .select({ id: documents.id, kind: documents.kind, name: documents.name })
    .from(documents)
    .where(and(eq(documents.orgId, orgId), eq(documents.caseId, caseId)));

/**
 * Invariant 3 in a packet: a handoff whose packet asks the customer for a kind already on file is
 * sent, flagged: a re-request without a reason, naming the handoff and the document on file, for
 * the send to write with its own rows and events (its quality check then fails, as for a message).
 */
export function packetReRequests(
  ref: { orgId: string; caseId: string; handoffId: string },
  required: readonly string[],
  onFile: readonly { id: string; kind: string; name: string }[],
  by: string | null,
  now: Date,
) {
  const found = askedAgain(required, onFile);
  const rows: (typeof documentRequests.$inferInsert)[] = [];
  const events: NewEvent[] = [];
  for (const { kind, document } of found) {
    const id = newId('dr');
    rows.push({
      id,
      orgId: ref.orgId,
      caseId: ref.caseId,
      kind,
      reason: null,
      rerequest: true,
      requestedBy: by,
      messageId: null,
      onFileDocumentId: document.id,
      createdAt: now,
    });
    events.push({
      ...ref,
      type: EventType.documentRerequested,
      at: now,
      actorId: by,
      data: {
        requestId: id,
        kind,
        reason: null,
        onFile: document.name,
        documentId: document.id,
        handoffId: ref.handoffId,
      },
    });
  }
  return { rows, events };
}
