import { and, asc, desc, eq, gt, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { cases, messages } from '../cases/cases.table.ts';
import { ERASED } from '../customers/personal-text.ts';
import type { Queryable } from '../db/database.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { notFound } from '../http/errors.ts';
import { teamMembers, teams } from '../teams/teams.table.ts';
import { type CorrectionLabel, caseText, type LabelledCase } from './training-set.ts';
import { vocabularyCorrections, vocabularyObservations } from './vocabulary.table.ts';

async function textsOf(db: Queryable, rows: { id: string; subject: string }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let at = 0; at < rows.length; at += 500) {
    const chunk = rows.slice(at, at + 500);
    const found = await db
      .select({ caseId: messages.caseId, role: messages.role, text: messages.text })
      .from(messages)
      .where(
        inArray(
          messages.caseId,
          chunk.map((r) => r.id),
        ),
      )
      .orderBy(asc(messages.caseId), asc(messages.at), asc(messages.createdAt));
    const byCase = new Map<string, { role: string; text: string }[]>();
    for (const m of found) {
      const list = byCase.get(m.caseId) ?? [];
      list.push(m);
      byCase.set(m.caseId, list);
    }
    for (const r of chunk) out.set(r.id, caseText(r.subject, byCase.get(r.id) ?? []));
  }
  return out;
}

/** A case's text as the tagger reads it, with its tag; not_found outside the organisation. */
export async function caseForTagging(db: Queryable, orgId: string, caseId: string) {
  const [row] = await db
    .select({ id: cases.id, subject: cases.subject, issueType: cases.issueType })
    .from(cases)
    .where(and(eq(cases.orgId, orgId), eq(cases.id, caseId)));
  if (!row) throw notFound('case', caseId);
  const texts = await textsOf(db, [row]);
  return { ...row, text: texts.get(row.id)! };
}

/** Cases with a tag whose handoffs resolved: the organisation's labelled history, newest first. */
export async function labelledHistory(db: Queryable, orgId: string, limit = 20_000): Promise<LabelledCase[]> {
  const rows = await db
    .select({ id: cases.id, subject: cases.subject, tag: cases.issueType })
    .from(cases)
    .where(
      and(
        eq(cases.orgId, orgId),
        isNotNull(cases.issueType),
        sql`exists (select 1 from ${handoffs} where ${handoffs.caseId} = ${cases.id} and ${handoffs.state} = 'resolved')`,
        // An erased customer's cases have no words left to learn from (customers/erasure.ts).
        ne(cases.subject, ERASED),
      ),
    )
    .orderBy(desc(cases.createdAt))
    .limit(limit);
  const texts = await textsOf(db, rows);
  return rows.map((r) => ({ caseId: r.id, tag: r.tag!, text: texts.get(r.id) ?? r.subject }));
}

export async function correctionLabels(db: Queryable, orgId: string): Promise<CorrectionLabel[]> {
  return db
    .select({
      caseId: vocabularyCorrections.caseId,
      text: vocabularyCorrections.text,
      to: vocabularyCorrections.toType,
    })
    .from(vocabularyCorrections)
    .where(and(eq(vocabularyCorrections.orgId, orgId), ne(vocabularyCorrections.text, ERASED)))
    .orderBy(asc(vocabularyCorrections.createdAt), asc(vocabularyCorrections.id));
}

/** What was learnt after `since`: corrections, and tagged cases whose handoff resolved. */
export async function learntSince(db: Queryable, orgId: string, since: Date) {
  const [corrections] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(vocabularyCorrections)
    .where(and(eq(vocabularyCorrections.orgId, orgId), gt(vocabularyCorrections.createdAt, since)));
  const [labels] = await db
    .select({ n: sql<number>`count(distinct ${cases.id})::int` })
    .from(cases)
    .innerJoin(handoffs, eq(handoffs.caseId, cases.id))
    .where(
      and(
        eq(cases.orgId, orgId),
        isNotNull(cases.issueType),
        eq(handoffs.state, 'resolved'),
        gt(handoffs.resolvedAt, since),
      ),
    );
  return { newCorrections: Number(corrections?.n ?? 0), newLabels: Number(labels?.n ?? 0) };
}

/** The tagger's latest suggestion recorded for a case (what the sender saw). */
export async function lastSuggestion(db: Queryable, orgId: string, caseId: string) {
  const [row] = await db
    .select({ type: vocabularyObservations.type, score: vocabularyObservations.score })
    .from(vocabularyObservations)
    .where(
      and(
        eq(vocabularyObservations.orgId, orgId),
        eq(vocabularyObservations.caseId, caseId),
        eq(vocabularyObservations.kind, 'suggestion'),
      ),
    )
    .orderBy(desc(vocabularyObservations.createdAt))
    .limit(1);
  return row;
}

/** The team a person tags for: the first team they lead or belong to. */
export async function teamOfPerson(db: Queryable, orgId: string, personId: string | null) {
  if (!personId) return null;
  const [row] = await db
    .select({ key: teams.key })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.personId, personId)))
    .orderBy(asc(teams.key))
    .limit(1);
  return row?.key ?? null;
}
