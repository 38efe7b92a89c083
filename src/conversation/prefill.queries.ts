import { and, asc, eq, inArray } from 'drizzle-orm';
import { assertCaseExists } from '../cases/cases.queries.ts';
import { cases, messages } from '../cases/cases.table.ts';
import { customers } from '../customers/customers.table.ts';
import { inOrder, type Queryable } from '../db/database.ts';
import { documents } from '../documents/documents.table.ts';
import { type LlmConfig, type SummarySource, summarizeWithLlm } from './llm.ts';
import { personKnownValues } from './redact.ts';
import { type PacketDraft, summarizeDialog } from './summarize.ts';

type Role = 'customer' | 'agent' | 'bot';

export type CasePrefill = {
  summary: string;
  packet: PacketDraft;
  /** Only when an LLM endpoint is configured: which summariser answered, and why not the LLM. */
  source?: SummarySource;
  fallbackReason?: string;
};

/**
 * The customers' names and emails on file for several cases of one organisation, by case, in one
 * query: redacted before anything about a case leaves the process.
 */
export async function customersKnownValues(db: Queryable, orgId: string, caseIds: string[]) {
  const rows = caseIds.length
    ? await db
        .select({ caseId: cases.id, name: customers.name, email: customers.email })
        .from(cases)
        .innerJoin(customers, eq(customers.id, cases.customerId))
        .where(and(eq(cases.orgId, orgId), inArray(cases.id, caseIds)))
    : [];
  const known = new Map(rows.map((r) => [r.caseId, personKnownValues(r.name, r.email)]));
  return (caseId: string) => known.get(caseId) ?? personKnownValues(undefined, undefined);
}

/**
 * The case's conversation summarised into a packet draft; documents on file come from the registry.
 * With `llm` set the summary goes through the endpoint (redacted, with a local fallback).
 */
export async function casePrefill(
  db: Queryable,
  orgId: string,
  caseId: string,
  options: { llm?: LlmConfig } = {},
): Promise<CasePrefill> {
  await assertCaseExists(db, orgId, caseId);
  const [msgs, docs] = await inOrder([
    db
      .select({ role: messages.role, text: messages.text })
      .from(messages)
      .where(and(eq(messages.orgId, orgId), eq(messages.caseId, caseId)))
      .orderBy(asc(messages.at)),
    db
      .select({ kind: documents.kind })
      .from(documents)
      .where(and(eq(documents.orgId, orgId), eq(documents.caseId, caseId))),
  ]);
  const turns = msgs
    .filter((m) => m.role !== 'internal')
    .map((m) => ({ role: m.role as Role, text: m.text }));
  const { summary, packet, ...how } = options.llm
    ? await summarizeWithLlm(turns, options.llm, {
        known: (await customersKnownValues(db, orgId, [caseId]))(caseId),
      })
    : summarizeDialog(turns);
  // On file means in the case's documents, as `document_on_file` reads it: a customer saying "I sent
  // you the receipt" does not put it there (the summary keeps what they said), so the packet claims
  // only what the receiving team will find.
  const onFile = [...new Set(docs.map((d) => d.kind))];
  const required = packet.documents.required.filter((k) => !onFile.includes(k));
  return { summary, packet: { ...packet, documents: { required, onFile } }, ...how };
}
