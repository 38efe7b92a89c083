import { and, eq, inArray } from 'drizzle-orm';
import { type AdminCtx, recordChange } from '../admin/admin-changes.commands.ts';
import { changedFields } from '../admin/changes.ts';
import { createCaseIn, insertMessage } from '../cases/cases.commands.ts';
import { cases } from '../cases/cases.table.ts';
import { casePrefill } from '../conversation/prefill.queries.ts';
import { applyHelpdeskProfile } from '../customers/customers.commands.ts';
import { customers } from '../customers/customers.table.ts';
import type { Db, Tx } from '../db/database.ts';
import { appendEvent } from '../events/events.commands.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { createHandoffIn } from '../handoffs/send.commands.ts';
import type { Principal } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { type Recorded, recordRatingIn } from '../satisfaction/satisfaction.commands.ts';
import { currentScenario } from '../scenarios/scenarios.queries.ts';
import { helpdeskReassigned, recordedReassignment } from './adapters.queries.ts';
import { adapterGroupMappings } from './adapters.table.ts';
import type { AdapterSource, GroupMapping, VendorEvent } from './adapters.types.ts';
import { scenarioFor } from './group-mapping.ts';
import { inboundEvents } from './integrations.table.ts';
import { withoutFutureTenure } from './vendor-profile.ts';

type Ctx = { principal: Principal; now: Date };
export type Applied = {
  caseId: string;
  handoffId: string | null;
  outcome?: string;
  /** What the event's satisfaction rating did: a new rating, a changed one, or the one already held. */
  satisfaction?: Recorded['outcome'];
  duplicate: boolean;
};

const title = (source: string) => source[0]!.toUpperCase() + source.slice(1);

/** Tenure and value for a customer Baton already knows by their helpdesk id (a new one is made with the case). */
async function updateKnownProfile(
  tx: Tx,
  orgId: string,
  c: NonNullable<VendorEvent['case']['customer']>,
  now: Date,
) {
  if (c.customerSince === undefined && c.annualValue === undefined && c.tier === undefined) return;
  const [known] = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.orgId, orgId), eq(customers.externalId, c.externalId)));
  if (known) await applyHelpdeskProfile(tx, known.id, c, now);
}

async function caseFor(tx: Tx, source: AdapterSource, e: VendorEvent, ctx: Ctx): Promise<string> {
  const orgId = ctx.principal.orgId;
  const externalId = `${source}:${e.case.externalId}`;
  const [existing] = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.orgId, orgId), eq(cases.externalId, externalId)))
    .for('update');
  const customer = e.case.customer
    ? withoutFutureTenure(e.case.customer, ctx.now.toISOString().slice(0, 10))
    : undefined;
  if (existing) {
    // A later event on the ticket may bring tenure or value the first did not (a field filled in since).
    if (customer) await updateKnownProfile(tx, orgId, customer, ctx.now);
    return existing.id;
  }
  return createCaseIn(
    tx,
    {
      subject: e.case.subject ?? `${title(source)} ticket ${e.case.externalId}`,
      channel: e.case.channel,
      customer: customer ?? {
        externalId: `${source}:ticket:${e.case.externalId}`,
        name: `${title(source)} customer`,
      },
      externalId,
    },
    ctx,
  );
}

/**
 * A group or assignee change in the helpdesk: under a mapped group it becomes a draft handoff that
 * asks for its packet (pre-filled from the conversation); unmapped, it is only logged.
 */
async function reassign(tx: Tx, source: AdapterSource, caseId: string, e: VendorEvent, ctx: Ctx) {
  const orgId = ctx.principal.orgId;
  const a = e.assignment!;
  const mappings = await tx
    .select({ group: adapterGroupMappings.group, scenario: adapterGroupMappings.scenario })
    .from(adapterGroupMappings)
    .where(and(eq(adapterGroupMappings.orgId, orgId), eq(adapterGroupMappings.source, source)));
  const scenario = scenarioFor(mappings, a.group) ?? null;
  let handoffId: string | null = null;
  let outcome = scenario ? 'drafted' : 'unmapped';
  if (scenario) {
    const [open] = await tx
      .select({ id: handoffs.id })
      .from(handoffs)
      .where(
        and(
          eq(handoffs.caseId, caseId),
          eq(handoffs.scenarioId, scenario),
          inArray(handoffs.state, ['draft', 'sent', 'accepted']),
        ),
      )
      .limit(1);
    if (open) {
      handoffId = open.id;
      outcome = 'already_open';
    } else {
      const { summary, packet } = await casePrefill(tx, orgId, caseId);
      handoffId = await createHandoffIn(
        tx,
        caseId,
        { scenario, packet: { ...packet, summary }, draft: true, fromKind: 'team' },
        ctx,
      ).catch((error) => {
        if (error instanceof ApiError && ['unknown_scenario', 'unknown_team'].includes(error.code)) {
          outcome = error.code;
          return null;
        }
        throw error;
      });
    }
  }
  await appendEvent(tx, {
    orgId,
    caseId,
    handoffId,
    type: helpdeskReassigned,
    at: ctx.now,
    data: {
      source,
      eventId: e.eventId,
      sourceType: e.type,
      change: a.change,
      group: a.group,
      assignee: a.assignee,
      scenario,
      handoffId,
      outcome,
    },
  });
  return { handoffId, outcome };
}

/**
 * Applies one helpdesk event exactly once, as `applyInbound` does for the generic webhook: the
 * source's event id is claimed in `inbound_events` in the same transaction as its effects.
 */
export async function applyVendorEvent(
  db: Db,
  source: AdapterSource,
  e: VendorEvent,
  principal: Principal,
  now: Date,
): Promise<Applied> {
  const orgId = principal.orgId;
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(inboundEvents)
      .values({ orgId, source, eventId: e.eventId, caseId: '', createdAt: now })
      .onConflictDoNothing()
      .returning({ eventId: inboundEvents.eventId });
    const key = and(
      eq(inboundEvents.orgId, orgId),
      eq(inboundEvents.source, source),
      eq(inboundEvents.eventId, e.eventId),
    );
    if (claimed.length === 0) {
      const [seen] = await tx.select({ caseId: inboundEvents.caseId }).from(inboundEvents).where(key);
      const earlier = e.assignment
        ? await recordedReassignment(tx, seen!.caseId, source, e.eventId)
        : undefined;
      return {
        caseId: seen!.caseId,
        handoffId: earlier?.handoffId ?? null,
        outcome: earlier?.outcome,
        duplicate: true,
      };
    }
    const ctx = { principal, now };
    const caseId = await caseFor(tx, source, e, ctx);
    if (e.message) await insertMessage(tx, orgId, caseId, e.message, ctx);
    const result = e.assignment ? await reassign(tx, source, caseId, e, ctx) : { handoffId: null };
    // In the event's transaction: a rating that cannot be recorded (one dated ahead of the clock)
    // undoes the event, so the vendor's retry is not taken for a duplicate.
    const rated = e.satisfaction
      ? await recordRatingIn(tx, caseId, { ...e.satisfaction, source }, ctx)
      : undefined;
    await tx.update(inboundEvents).set({ caseId }).where(key);
    return { caseId, ...result, ...(rated ? { satisfaction: rated.outcome } : {}), duplicate: false };
  });
}

const mappingOf = (orgId: string, source: AdapterSource, group: string) =>
  and(
    eq(adapterGroupMappings.orgId, orgId),
    eq(adapterGroupMappings.source, source),
    eq(adapterGroupMappings.group, group),
  );

/** The admin change log names a mapping by its helpdesk and group: "zendesk/Billing". */
const mappingSubject = (source: string, group: string) => ({
  id: `${source}/${group}`,
  name: `${source} ${group}`,
});

export async function saveGroupMapping(db: Db, ctx: AdminCtx, m: GroupMapping) {
  const { orgId, now } = ctx;
  return db.transaction(async (tx) => {
    if (!(await currentScenario(tx, orgId, m.scenario)))
      throw new ApiError('unknown_scenario', `no scenario ${m.scenario}`, { field: 'scenario' });
    const [before] = await tx
      .select({ scenario: adapterGroupMappings.scenario })
      .from(adapterGroupMappings)
      .where(mappingOf(orgId, m.source, m.group));
    await tx
      .insert(adapterGroupMappings)
      .values({ orgId, ...m, createdAt: now })
      .onConflictDoUpdate({
        target: [adapterGroupMappings.orgId, adapterGroupMappings.source, adapterGroupMappings.group],
        set: { scenario: m.scenario },
      });
    await recordChange(
      tx,
      ctx,
      before ? 'mapping.changed' : 'mapping.added',
      mappingSubject(m.source, m.group),
      changedFields(before ?? {}, { scenario: m.scenario }),
    );
    return { ...m, createdAt: now.toISOString() };
  });
}

export async function deleteGroupMapping(db: Db, ctx: AdminCtx, source: AdapterSource, group: string) {
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(adapterGroupMappings)
      .where(mappingOf(ctx.orgId, source, group))
      .returning({ scenario: adapterGroupMappings.scenario });
    if (gone[0]) {
      const detail = { scenario: { from: gone[0].scenario, to: null } };
      await recordChange(tx, ctx, 'mapping.removed', mappingSubject(source, group), detail);
    }
    return gone.length > 0;
  });
}
