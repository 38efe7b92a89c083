import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { buildTaxonomy, type IssueType, type Taxonomy, typeLabel } from './taxonomy.ts';
import { vocabularyModels, vocabularyState, vocabularyTypes } from './vocabulary.table.ts';
import { type TypeSpec, type TypeStatus, typeSpecSchema } from './vocabulary.types.ts';

type TypeRow = typeof vocabularyTypes.$inferSelect;

function issueType(row: TypeRow): IssueType {
  return {
    path: row.path,
    parent: row.parent,
    status: row.status as TypeStatus,
    mergedInto: row.mergedInto,
    spec: typeSpecSchema.parse(row.spec) as TypeSpec,
    revision: row.revision,
  };
}

/** The organisation's taxonomy now, or as it was at `revision`. */
export async function loadTaxonomy(db: Queryable, orgId: string, revision?: number): Promise<Taxonomy> {
  const rows = await db
    .selectDistinctOn([vocabularyTypes.path])
    .from(vocabularyTypes)
    .where(
      and(
        eq(vocabularyTypes.orgId, orgId),
        revision === undefined ? undefined : sql`${vocabularyTypes.revision} <= ${revision}`,
      ),
    )
    .orderBy(vocabularyTypes.path, desc(vocabularyTypes.revision));
  return buildTaxonomy(rows.map(issueType));
}

/** One type as an API answer: what it means, where it routes, how its tags read now. */
export function typeView(taxonomy: Taxonomy, type: IssueType) {
  const { label } = typeLabel(taxonomy, type.path);
  const parentScenario = type.parent ? (taxonomy.types.get(type.parent)?.spec.scenario ?? null) : null;
  return {
    path: type.path,
    parent: type.parent,
    status: type.status,
    mergedInto: type.mergedInto,
    label,
    ...type.spec,
    scenario: type.spec.scenario ?? parentScenario,
    scenarioInherited: !type.spec.scenario && parentScenario !== null,
    revision: type.revision,
  };
}

export function taxonomyView(taxonomy: Taxonomy, status: 'active' | 'all') {
  const items = [...taxonomy.types.values()]
    .filter((t) => status === 'all' || t.status === 'active')
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((t) => typeView(taxonomy, t));
  return { revision: taxonomy.revision, items };
}

/** Every revision of a type, oldest first: created, edited, aliases added, retired or merged. */
export async function typeHistory(db: Queryable, orgId: string, path: string) {
  const rows = await db
    .select()
    .from(vocabularyTypes)
    .where(
      and(
        eq(vocabularyTypes.orgId, orgId),
        or(eq(vocabularyTypes.path, path), eq(vocabularyTypes.mergedInto, path)),
      ),
    )
    .orderBy(asc(vocabularyTypes.revision), asc(vocabularyTypes.path));
  return rows.map((r) => ({
    revision: r.revision,
    path: r.path,
    change: r.change,
    status: r.status,
    mergedInto: r.mergedInto,
    note: r.note,
    by: r.createdBy,
    at: r.createdAt.toISOString(),
  }));
}

/** The taxonomy's change log, newest first. */
export async function revisionLog(db: Queryable, orgId: string, limit: number) {
  const rows = await db
    .select({
      revision: vocabularyTypes.revision,
      path: vocabularyTypes.path,
      change: vocabularyTypes.change,
      note: vocabularyTypes.note,
      by: vocabularyTypes.createdBy,
      at: vocabularyTypes.createdAt,
    })
    .from(vocabularyTypes)
    .where(eq(vocabularyTypes.orgId, orgId))
    .orderBy(desc(vocabularyTypes.revision), asc(vocabularyTypes.path))
    .limit(limit);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

export type ModelInfo = {
  version: number;
  taxonomyRevision: number;
  report: Record<string, unknown>;
  createdAt: Date;
};

/** The newest model's version and report (not the model itself). */
export async function latestModelInfo(db: Queryable, orgId: string): Promise<ModelInfo | undefined> {
  const [row] = await db
    .select({
      version: vocabularyModels.version,
      taxonomyRevision: vocabularyModels.taxonomyRevision,
      report: vocabularyModels.report,
      createdAt: vocabularyModels.createdAt,
    })
    .from(vocabularyModels)
    .where(eq(vocabularyModels.orgId, orgId))
    .orderBy(desc(vocabularyModels.version))
    .limit(1);
  return row && { ...row, report: row.report as Record<string, unknown> };
}

export async function modelText(db: Queryable, orgId: string, version: number): Promise<string | undefined> {
  const [row] = await db
    .select({ model: vocabularyModels.model })
    .from(vocabularyModels)
    .where(and(eq(vocabularyModels.orgId, orgId), eq(vocabularyModels.version, version)));
  return row?.model;
}

export function modelView(info: ModelInfo | undefined) {
  if (!info) return null;
  return {
    version: info.version,
    taxonomyRevision: info.taxonomyRevision,
    createdAt: info.createdAt.toISOString(),
    report: info.report,
  };
}

/** The organisation's last failed training, until one succeeds (`at`: when the failed one ran). */
export async function lastTrainingFailure(db: Queryable, orgId: string) {
  const [row] = await db
    .select({
      at: vocabularyState.lastFailureAt,
      code: vocabularyState.lastFailureCode,
      message: vocabularyState.lastFailureMessage,
    })
    .from(vocabularyState)
    .where(eq(vocabularyState.orgId, orgId));
  if (!row?.at || !row.code) return null;
  return { at: row.at.toISOString(), code: row.code, message: row.message ?? '' };
}
