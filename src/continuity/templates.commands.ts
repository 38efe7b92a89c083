import type { AdminCtx } from '../admin/admin-changes.commands.ts';
import type { Db } from '../db/database.ts';
import { notFound } from '../http/errors.ts';
import { scenarioView } from '../scenarios/scenario-view.ts';
import { publishScenario } from '../scenarios/scenarios.commands.ts';
import { currentScenario } from '../scenarios/scenarios.queries.ts';
import type { CustomerUpdateEdit, CustomerUpdateTemplate } from './continuity.types.ts';

/**
 * A lead edits a scenario's warm-handoff templates: the scenario is saved as its next version with
 * the templates' own version raised and reviewed today (unless a review date is given). Handoffs
 * already sent keep the draft, and the template version, they were written with.
 */
export async function saveCustomerUpdateTemplates(
  db: Db,
  ctx: AdminCtx,
  scenarioId: string,
  edit: CustomerUpdateEdit,
) {
  const { orgId, now } = ctx;
  return db.transaction(async (tx) => {
    const current = await currentScenario(tx, orgId, scenarioId);
    if (!current) throw notFound('scenario', scenarioId);
    const previous = current.definition.customerUpdate;
    const version = previous && 'templates' in previous ? previous.version + 1 : 1;
    const customerUpdate: CustomerUpdateTemplate = {
      version,
      lastReviewed: edit.lastReviewed ?? now.toISOString().slice(0, 10),
      templates: edit.templates,
      shareOwnerName: edit.shareOwnerName,
    };
    const saved = await publishScenario(tx, ctx, { ...current.definition, customerUpdate });
    return scenarioView(saved.definition, saved.version, now);
  });
}
