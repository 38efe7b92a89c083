import { and, asc, eq } from 'drizzle-orm';
import { assertCaseExists } from '../cases/cases.queries.ts';
import { messages } from '../cases/cases.table.ts';
import type { Queryable } from '../db/database.ts';
import { documents } from '../documents/documents.table.ts';
import { summarizeDialog } from './summarize.ts';

type Role = 'customer' | 'agent' | 'bot';

/** The case's conversation summarised into a packet draft; documents on file come from the registry. */
export async function casePrefill(db: Queryable, orgId: string, caseId: string) {
  await assertCaseExists(db, orgId, caseId);
  const [msgs, docs] = await Promise.all([
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
  const { summary, packet } = summarizeDialog(turns);
  const onFile = [...new Set([...packet.documents.onFile, ...docs.map((d) => d.kind)])];
  const required = packet.documents.required.filter((k) => !onFile.includes(k));
  return { summary, packet: { ...packet, documents: { required, onFile } } };
}
