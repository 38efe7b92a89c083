// What the vocabulary learns from people: corrections of a case's type, tagging errors revealed
// by `wrong_team` bounces, and the terms each team uses.
import { and, eq } from 'drizzle-orm';
import { cases } from '../cases/cases.table.ts';
import type { Db, Queryable, Tx } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { ApiError } from '../http/errors.ts';
import { teams } from '../teams/teams.table.ts';
import { type Normalised, normaliseTag } from './normalise.ts';
import { currentTagger } from './tagging.commands.ts';
import { caseForTagging, lastSuggestion } from './tagging.queries.ts';
import { resolveType, scenarioOf, type Taxonomy } from './taxonomy.ts';
import { loadTaxonomy } from './vocabulary.queries.ts';
import {
  vocabularyCorrections,
  vocabularyObservations,
  vocabularyRoutingErrors,
} from './vocabulary.table.ts';
import type { CorrectionInput } from './vocabulary.types.ts';

/** An active type for a path (merged types read as their successor); a clear error otherwise. */
function activeTarget(taxonomy: Taxonomy, path: string, field: string): string {
  const own = taxonomy.types.get(path);
  if (!own) throw new ApiError('unknown_issue_type', `no issue type ${path}`, { field, type: path });
  const now = resolveType(taxonomy, path);
  if (!now) {
    throw new ApiError('issue_type_inactive', `issue type ${path} is ${own.status}`, {
      field,
      type: path,
      status: own.status,
    });
  }
  return now.path;
}

/** The tagger's guess for a text with the model already trained (never trains). */
async function guess(db: Queryable, orgId: string, taxonomy: Taxonomy, text: () => Promise<string>) {
  const model = await currentTagger(db, orgId);
  if (!model) return null;
  const { label, confidence } = model.tagger.predict(await text(), 1);
  return { type: resolveType(taxonomy, label)?.path ?? label, confidence };
}

/**
 * Records that a case's type should be `to` (it was `from`, or the case's tag). The case's text is
 * kept with it: the next training learns from it, and it outranks the case's own tag.
 */
export async function recordCorrection(
  db: Db,
  orgId: string,
  input: CorrectionInput,
  ctx: { by: string | null; now: Date },
) {
  return db.transaction(async (tx) => {
    const kase = await caseForTagging(tx, orgId, input.caseId);
    const taxonomy = await loadTaxonomy(tx, orgId);
    const to = activeTarget(taxonomy, input.to, 'to');
    const fromTerm = input.from ?? kase.issueType ?? null;
    const fromType = fromTerm
      ? (resolveType(taxonomy, fromTerm)?.path ?? normaliseTag(taxonomy, fromTerm))
      : null;
    const suggested = await guess(tx, orgId, taxonomy, async () => kase.text);
    const row = {
      id: newId('vc'),
      orgId,
      caseId: kase.id,
      fromTerm,
      fromType,
      toType: to,
      suggestedType: suggested?.type ?? null,
      suggestedConfidence: suggested?.confidence ?? null,
      text: kase.text,
      createdBy: ctx.by,
      createdAt: ctx.now,
    };
    await tx.insert(vocabularyCorrections).values(row);
    return {
      id: row.id,
      caseId: row.caseId,
      from: fromTerm,
      fromType,
      to,
      suggested: suggested && { type: suggested.type, confidence: suggested.confidence },
      createdAt: ctx.now.toISOString(),
    };
  });
}

/**
 * A handoff bounced with `wrong_team`: records a tagging error against the case's type and the
 * tagger's suggestion (the one recorded for the case, else a fresh guess), in the caller's
 * transaction.
 */
export async function recordRoutingError(
  tx: Tx,
  e: { orgId: string; caseId: string; handoffId: string; at: Date; note?: string | null },
) {
  const [row] = await tx
    .select({ scenario: handoffs.scenarioId, toTeam: teams.key, tag: cases.issueType })
    .from(handoffs)
    .innerJoin(cases, eq(cases.id, handoffs.caseId))
    .leftJoin(teams, eq(teams.id, handoffs.toTeamId))
    .where(and(eq(handoffs.orgId, e.orgId), eq(handoffs.id, e.handoffId)));
  if (!row) return null;
  const taxonomy = await loadTaxonomy(tx, e.orgId);
  const issueType = row.tag
    ? (resolveType(taxonomy, row.tag)?.path ?? normaliseTag(taxonomy, row.tag))
    : null;
  const recorded = await lastSuggestion(tx, e.orgId, e.caseId);
  const suggested =
    recorded?.type != null
      ? { type: recorded.type, confidence: recorded.score }
      : await guess(tx, e.orgId, taxonomy, async () => (await caseForTagging(tx, e.orgId, e.caseId)).text);
  const values = {
    id: newId('vr'),
    orgId: e.orgId,
    caseId: e.caseId,
    handoffId: e.handoffId,
    tag: row.tag,
    issueType,
    suggestedType: suggested?.type ?? null,
    suggestedConfidence: suggested?.confidence ?? null,
    scenario: row.scenario,
    toTeam: row.toTeam,
    expectedScenario: issueType ? scenarioOf(taxonomy, issueType) : null,
    note: e.note ?? null,
    createdAt: e.at,
  };
  await tx.insert(vocabularyRoutingErrors).values(values);
  return values;
}

/** Remembers a team's term and how it resolved: drift reads these week by week. */
export async function recordTerm(
  db: Queryable,
  orgId: string,
  result: Normalised,
  ctx: { team: string | null; caseId?: string | null; now: Date },
) {
  await db.insert(vocabularyObservations).values({
    id: newId('vo'),
    orgId,
    kind: 'term',
    team: ctx.team,
    term: result.term.slice(0, 200),
    caseId: ctx.caseId ?? null,
    type: result.type,
    via: result.via,
    score: result.score,
    createdAt: ctx.now,
  });
}
