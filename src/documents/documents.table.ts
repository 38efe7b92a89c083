import { boolean, index, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, instant, orgId } from '../db/columns.ts';

/** Documents on file for a case. */
export const documents = pgTable(
  'documents',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    caseId: text('case_id').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    providedAt: instant('provided_at').notNull().defaultNow(),
    providedBy: text('provided_by'),
    createdAt: createdAt(),
  },
  (t) => [index('documents_case_kind').on(t.caseId, t.kind)],
);

export const documentRequests = pgTable(
  'document_requests',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    caseId: text('case_id').notNull(),
    kind: text('kind').notNull(),
    /** Why a kind already on file is asked for again; required for such a re-request. */
    reason: text('reason'),
    rerequest: boolean('rerequest').notNull().default(false),
    requestedBy: text('requested_by'),
    /** The agent's message that asked for it, when the ask was found in the conversation. */
    messageId: text('message_id'),
    /** The document on file of that kind, for a re-request. */
    onFileDocumentId: text('on_file_document_id'),
    createdAt: createdAt(),
  },
  (t) => [index('document_requests_case').on(t.caseId)],
);
