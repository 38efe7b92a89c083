import { and, eq } from 'drizzle-orm';
import { messages } from '../cases/cases.table.ts';
import { documentReRequests } from '../conversation/rerequest.ts';
import type { Tx } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { appendEvent } from '../events/events.commands.ts';
import { EventType } from '../events/names.ts';
import { documentRequests, documents } from './documents.table.ts';

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
