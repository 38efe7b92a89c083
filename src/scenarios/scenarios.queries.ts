import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { knownScenario, parseScenarioVersion } from './parsed-versions.ts';
import { scenarios } from './scenarios.table.ts';
import { type Scenario, scenarioSchema } from './scenarios.types.ts';

export type StoredScenario = { version: number; definition: Scenario; createdAt: Date };

export async function currentScenario(
  db: Queryable,
  orgId: string,
  id: string,
): Promise<StoredScenario | undefined> {
  const [row] = await db
    .select()
    .from(scenarios)
    .where(and(eq(scenarios.orgId, orgId), eq(scenarios.id, id)))
    .orderBy(desc(scenarios.version))
    .limit(1);
  return (
    row && {
      version: row.version,
      definition: scenarioSchema.parse(row.definition),
      createdAt: row.createdAt,
    }
  );
}

export async function scenarioVersion(db: Queryable, orgId: string, id: string, version: number) {
  const [row] = await db
    .select()
    .from(scenarios)
    .where(and(eq(scenarios.orgId, orgId), eq(scenarios.id, id), eq(scenarios.version, version)));
  return row && scenarioSchema.parse(row.definition);
}

export async function listScenarios(db: Queryable, orgId: string): Promise<StoredScenario[]> {
  const rows = await db
    .selectDistinctOn([scenarios.id])
    .from(scenarios)
    .where(eq(scenarios.orgId, orgId))
    .orderBy(scenarios.id, desc(scenarios.version));
  return rows.map((r) => ({
    version: r.version,
    definition: scenarioSchema.parse(r.definition),
    createdAt: r.createdAt,
  }));
}

export async function scenarioHistory(db: Queryable, orgId: string, id: string) {
  return db
    .select({ version: scenarios.version, createdAt: scenarios.createdAt, createdBy: scenarios.createdBy })
    .from(scenarios)
    .where(and(eq(scenarios.orgId, orgId), eq(scenarios.id, id)))
    .orderBy(sql`${scenarios.version} desc`);
}

/** A handoff's scenario as it was when sent: the version it names. */
export type ScenarioRef = { orgId: string; scenarioId: string; scenarioVersion: number };

/**
 * The definitions of the scenario versions these handoffs were sent under, parsed once per process
 * (a version never changes): read from the database only for those this process has not seen.
 */
export async function scenarioVersionsOf(
  db: Queryable,
  refs: readonly ScenarioRef[],
): Promise<(r: ScenarioRef) => Scenario | undefined> {
  const unknown = refs.filter((r) => !knownScenario(r.orgId, r.scenarioId, r.scenarioVersion));
  for (const orgId of new Set(unknown.map((r) => r.orgId))) {
    const ids = [...new Set(unknown.filter((r) => r.orgId === orgId).map((r) => r.scenarioId))];
    const rows = await db
      .select()
      .from(scenarios)
      .where(and(eq(scenarios.orgId, orgId), inArray(scenarios.id, ids)));
    for (const row of rows) parseScenarioVersion(orgId, row.id, row.version, row.definition);
  }
  return (r) => knownScenario(r.orgId, r.scenarioId, r.scenarioVersion);
}
