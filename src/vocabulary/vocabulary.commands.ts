import { and, eq, sql } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { currentScenario } from '../scenarios/scenarios.queries.ts';
import { teams } from '../teams/teams.table.ts';
import { loadVocabularyPolicy } from './policy.ts';
import type { Taxonomy } from './taxonomy.ts';
import {
  decideAddAlias,
  decideCreate,
  decideLoad,
  decideMerge,
  decideRemoveAlias,
  decideRetire,
  decideUpdate,
  type TypeRevision,
  VocabularyRuleError,
} from './taxonomy-changes.ts';
import { loadTaxonomy } from './vocabulary.queries.ts';
import { vocabularyTypes } from './vocabulary.table.ts';
import type { NewType, TypePatch, TypeSpec } from './vocabulary.types.ts';

/** Changes to one organisation's taxonomy run one at a time, so revisions never interleave. */
async function lockTaxonomy(tx: Queryable, orgId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`baton.vocabulary:${orgId}`}))`);
}

async function save(tx: Queryable, orgId: string, rows: TypeRevision[], by: string | null, now: Date) {
  if (rows.length === 0) return;
  await tx.insert(vocabularyTypes).values(
    rows.map((r) => ({
      orgId,
      path: r.path,
      revision: r.revision,
      parent: r.parent,
      status: r.status,
      mergedInto: r.mergedInto,
      spec: r.spec,
      change: r.change,
      note: r.note,
      createdBy: by,
      createdAt: now,
    })),
  );
}

/**
 * Loads the default taxonomy (`policies/vocabulary/issue-types.yaml`) into a new organisation as
 * revision 1, inside the caller's transaction. Does nothing when the organisation has types already.
 */
export async function loadDefaultVocabulary(
  tx: Queryable,
  orgId: string,
  now: Date,
  types: { path: string; spec: TypeSpec }[] = loadVocabularyPolicy(),
): Promise<{ loaded: number }> {
  await lockTaxonomy(tx, orgId);
  const [existing] = await tx
    .select({ path: vocabularyTypes.path })
    .from(vocabularyTypes)
    .where(eq(vocabularyTypes.orgId, orgId))
    .limit(1);
  if (existing) return { loaded: 0 };
  const rows = decideLoad({ revision: 0, types: new Map() }, types);
  await save(tx, orgId, rows, null, now);
  return { loaded: rows.length };
}

export function ruleToApiError(error: unknown): unknown {
  return error instanceof VocabularyRuleError
    ? new ApiError(error.code, error.message, error.details)
    : error;
}

type Ctx = { orgId: string; by: string | null; now: Date };

async function teamExists(tx: Queryable, orgId: string, key: string): Promise<boolean> {
  const [team] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.key, key)));
  return !!team;
}

/**
 * Scenarios and teams a change names must exist in the organisation. `teamField` is where the
 * caller put the team: `aliases` in a type's body, `team` in the alias route's.
 */
async function checkReferences(
  tx: Tx,
  orgId: string,
  rows: TypeRevision[],
  before: Taxonomy,
  teamField: string,
) {
  for (const row of rows) {
    const old = before.types.get(row.path)?.spec;
    if (row.spec.scenario && row.spec.scenario !== old?.scenario) {
      if (!(await currentScenario(tx, orgId, row.spec.scenario))) {
        throw new ApiError('unknown_scenario', `no scenario ${row.spec.scenario}`, {
          field: 'scenario',
          scenario: row.spec.scenario,
        });
      }
    }
    const added = Object.keys(row.spec.aliases).filter((team) => !(old && Object.hasOwn(old.aliases, team)));
    for (const key of added) {
      if (!(await teamExists(tx, orgId, key)))
        throw new ApiError('unknown_team', `no team with key ${key}`, { field: teamField, team: key });
    }
  }
}

/** Load -> decide (pure, on what was read) -> check references -> save: one revision, one transaction. */
async function change(
  db: Db,
  c: Ctx,
  decide: (taxonomy: Taxonomy, tx: Tx) => TypeRevision[] | Promise<TypeRevision[]>,
  teamField = 'aliases',
) {
  return db.transaction(async (tx) => {
    await lockTaxonomy(tx, c.orgId);
    const before = await loadTaxonomy(tx, c.orgId);
    let rows: TypeRevision[];
    try {
      rows = await decide(before, tx);
    } catch (error) {
      throw ruleToApiError(error);
    }
    await checkReferences(tx, c.orgId, rows, before, teamField);
    await save(tx, c.orgId, rows, c.by, c.now);
    return { rows, taxonomy: await loadTaxonomy(tx, c.orgId) };
  });
}

export const createType = (db: Db, input: NewType, c: Ctx) => change(db, c, (t) => decideCreate(t, input));

export const updateType = (db: Db, path: string, patch: TypePatch, c: Ctx) =>
  change(db, c, (t) => decideUpdate(t, path, patch));

export const addAlias = (db: Db, path: string, team: string, alias: string, c: Ctx) =>
  change(db, c, (t) => decideAddAlias(t, path, team, alias), 'team');

export const removeAlias = (db: Db, path: string, team: string, alias: string, c: Ctx) =>
  change(db, c, async (t, tx) =>
    decideRemoveAlias(t, path, team, alias, await teamExists(tx, c.orgId, team)),
  );

export const retireType = (db: Db, path: string, note: string | undefined, c: Ctx) =>
  change(db, c, (t) => decideRetire(t, path, note));

export const mergeType = (db: Db, from: string, into: string, note: string | undefined, c: Ctx) =>
  change(db, c, (t) => decideMerge(t, from, into, note));
