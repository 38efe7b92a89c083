import { and, eq, sql } from 'drizzle-orm';
import { type AdminCtx, recordChange } from '../admin/admin-changes.commands.ts';
import { versionedFields } from '../admin/changes.ts';
import type { Queryable, Tx } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { teams } from '../teams/teams.table.ts';
import { currentScenario } from './scenarios.queries.ts';
import { scenarios } from './scenarios.table.ts';
import type { Scenario } from './scenarios.types.ts';

/** Saves a scenario as its next version; handoffs already sent keep the version they used. */
export async function saveScenario(
  db: Queryable,
  orgId: string,
  scenario: Scenario,
  by: string | null,
  now: Date,
) {
  for (const [field, key] of [
    ['toTeam', scenario.toTeam],
    ['fromTeam', scenario.fromTeam],
  ] as const) {
    if (!key) continue;
    const [team] = await db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.orgId, orgId), eq(teams.key, key)));
    if (!team) throw new ApiError('unknown_team', `no team with key ${key}`, { field });
  }
  const [row] = await db
    .select({ max: sql<number>`coalesce(max(${scenarios.version}), 0)::int` })
    .from(scenarios)
    .where(and(eq(scenarios.orgId, orgId), eq(scenarios.id, scenario.id)));
  const version = Number(row?.max ?? 0) + 1;
  await db
    .insert(scenarios)
    .values({ orgId, id: scenario.id, version, definition: scenario, createdBy: by, createdAt: now });
  return { version, definition: scenario };
}

/** A lead's new version of a scenario, with its line in the admin change log, in the caller's transaction. */
export async function publishScenario(tx: Tx, ctx: AdminCtx, scenario: Scenario) {
  const before = await currentScenario(tx, ctx.orgId, scenario.id);
  const saved = await saveScenario(tx, ctx.orgId, scenario, ctx.actorId ?? null, ctx.now);
  await recordChange(
    tx,
    ctx,
    before ? 'scenario.changed' : 'scenario.added',
    { id: scenario.id, name: scenario.name ?? scenario.id },
    versionedFields(before?.definition, scenario, saved.version),
  );
  return saved;
}
