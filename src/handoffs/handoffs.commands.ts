import { and, eq } from 'drizzle-orm';
import { cases } from '../cases/cases.table.ts';
import { draftCustomerUpdate } from '../continuity/customer-update.ts';
import { customers } from '../customers/customers.table.ts';
import type { Db, Tx } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { appendEvent, appendEvents, type NewEvent } from '../events/events.commands.ts';
import { EventType } from '../events/names.ts';
import type { Principal } from '../http/context.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { assignOwner, changeOwner } from '../ownership/ownership.commands.ts';
import { completeness, missingFields } from '../packets/completeness.ts';
import type { Packet } from '../packets/packet.types.ts';
import { people } from '../people/people.table.ts';
import { ladderOf, requiredFields } from '../scenarios/scenario-view.ts';
import { currentScenario, scenarioVersion } from '../scenarios/scenarios.queries.ts';
import type { Scenario } from '../scenarios/scenarios.types.ts';
import { pauseClocks, resumeClocks, startClocks, stopClocks } from '../sla/sla.commands.ts';
import { teamById, teamsByKeys } from '../teams/teams.queries.ts';
import { teams } from '../teams/teams.table.ts';
import { handoffs } from './handoffs.table.ts';
import type { Bounce, NewHandoff, Reassign } from './handoffs.types.ts';
import { type HandoffAction, type HandoffState, nextState } from './state-machine.ts';

export type Ctx = { principal: Principal; now: Date };
type Row = typeof handoffs.$inferSelect;

function refuseIncomplete(packet: Packet, scenario: Scenario) {
  const missing = missingFields(packet, requiredFields(scenario));
  if (missing.length > 0) {
    throw new ApiError('packet_incomplete', `the packet misses required fields: ${missing.join(', ')}`, {
      missing,
      field: 'packet',
    });
  }
}

async function lockHandoff(tx: Tx, orgId: string, id: string): Promise<Row> {
  const [row] = await tx
    .select()
    .from(handoffs)
    .where(and(eq(handoffs.orgId, orgId), eq(handoffs.id, id)))
    .for('update');
  if (!row) throw notFound('handoff', id);
  return row;
}

const pastTense: Record<HandoffAction, string> = {
  send: 'sent',
  accept: 'accepted',
  bounce: 'bounced',
  resolve: 'resolved',
  cancel: 'cancelled',
  reassign: 'reassigned',
  edit: 'edited',
};

function move(h: Row, action: HandoffAction): HandoffState {
  const to = nextState(h.state as HandoffState, action);
  if (!to) {
    throw new ApiError('invalid_transition', `a ${h.state} handoff cannot be ${pastTense[action]}`, {
      state: h.state,
      action,
    });
  }
  return to;
}

type CustomerFacts = { name: string | null; timezone: string | null; language: string | null };

async function customerOf(tx: Tx, caseId: string): Promise<CustomerFacts | undefined> {
  const [customer] = await tx
    .select({ name: customers.name, timezone: customers.timezone, language: customers.language })
    .from(cases)
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .where(eq(cases.id, caseId));
  return customer;
}

/** Locks the case (one handoff command per case at a time) and reads its customer in the same trip. */
async function lockCaseWithCustomer(tx: Tx, orgId: string, caseId: string) {
  const [row] = await tx
    .select({
      id: cases.id,
      name: customers.name,
      timezone: customers.timezone,
      language: customers.language,
    })
    .from(cases)
    .leftJoin(customers, eq(customers.id, cases.customerId))
    .where(and(eq(cases.orgId, orgId), eq(cases.id, caseId)))
    .for('update', { of: cases });
  if (!row) throw notFound('case', caseId);
  return row;
}

type Team = typeof teams.$inferSelect;

/**
 * Sending: start the clocks, assign the one owner, draft the customer update, log it, all in one
 * transaction. The receiving team's row is locked last (by the owner choice), so concurrent sends to
 * one team wait on each other only for the few statements that follow it.
 */
async function send(
  tx: Tx,
  h: Row,
  scenario: Scenario,
  ctx: Ctx,
  known: { stored: boolean; toTeam: Team; customer: CustomerFacts | undefined },
) {
  refuseIncomplete(h.packet as Packet, scenario);
  const { now } = ctx;
  const ref = { orgId: h.orgId, caseId: h.caseId, handoffId: h.id };
  const pending: NewEvent[] = [];
  const clocks = await startClocks(
    tx,
    ref,
    scenario.sla.map((s) => ({
      name: s.name,
      target: s.target,
      calendar: s.calendar ?? known.toTeam.calendar,
      ladder: ladderOf(scenario),
    })),
    now,
    pending,
  );
  const choice = await assignOwner(tx, h.orgId, h.toTeamId, now, {
    strategy: scenario.ownership,
    skills: scenario.skills,
  });
  const team = choice.team;
  const ownerName =
    choice.ownerName ??
    (await tx.select({ name: people.name }).from(people).where(eq(people.id, choice.ownerId)))[0]?.name;
  const customer = known.customer;
  const replyClock = clocks.find((k) => k.name === 'acknowledge') ?? clocks[0];
  const customerUpdate = replyClock
    ? draftCustomerUpdate({
        customerName: customer?.name ?? 'there',
        teamName: team.name,
        ownerFirstName: ownerName?.split(' ')[0],
        replyBy: replyClock.deadline,
        timezone: customer?.timezone,
        language: customer?.language,
        template:
          scenario.customerUpdate && 'templates' in scenario.customerUpdate ? scenario.customerUpdate : null,
        scenario: scenario.id,
      })
    : null;
  const sent = { state: 'sent', ownerId: choice.ownerId, sentAt: now, updatedAt: now, customerUpdate };
  if (known.stored) await tx.update(handoffs).set(sent).where(eq(handoffs.id, h.id));
  else await tx.insert(handoffs).values({ ...h, ...sent });
  await appendEvents(tx, [
    ...pending,
    {
      ...ref,
      type: EventType.handoffSent,
      at: now,
      actorId: ctx.principal.personId,
      data: {
        handoffId: h.id,
        scenario: h.scenarioId,
        toTeam: team.key,
        ownerId: choice.ownerId,
        completeness: h.completeness,
        previousId: h.previousId,
      },
    },
    {
      ...ref,
      type: EventType.ownerAssigned,
      at: now,
      data: { handoffId: h.id, ownerId: choice.ownerId, rule: choice.rule },
    },
  ]);
}

export async function createHandoff(db: Db, caseId: string, input: NewHandoff, ctx: Ctx): Promise<string> {
  return db.transaction((tx) => createHandoffIn(tx, caseId, input, ctx));
}

/** Creates (and unless a draft, sends) a handoff inside the caller's transaction. */
export async function createHandoffIn(tx: Tx, caseId: string, input: NewHandoff, ctx: Ctx): Promise<string> {
  const orgId = ctx.principal.orgId;
  const customer = await lockCaseWithCustomer(tx, orgId, caseId);
  const stored = await currentScenario(tx, orgId, input.scenario);
  if (!stored) throw new ApiError('unknown_scenario', `no scenario ${input.scenario}`, { field: 'scenario' });
  const scenario = stored.definition;
  if (!input.draft) refuseIncomplete(input.packet, scenario);
  const byKey = await teamsByKeys(
    tx,
    orgId,
    [scenario.toTeam, scenario.fromTeam].filter((k): k is string => Boolean(k)),
  );
  const toTeam = byKey.get(scenario.toTeam);
  if (!toTeam)
    throw new ApiError('unknown_team', `scenario ${scenario.id} routes to a missing team ${scenario.toTeam}`);
  const fromTeam = scenario.fromTeam ? byKey.get(scenario.fromTeam) : undefined;
  if (input.previousId) {
    const previous = await lockHandoff(tx, orgId, input.previousId);
    if (previous.caseId !== caseId)
      throw new ApiError('validation_failed', 'previousId belongs to another case', {
        field: 'previousId',
      });
  }
  const id = newId('ho');
  const row: Row = {
    id,
    orgId,
    caseId,
    scenarioId: scenario.id,
    scenarioVersion: stored.version,
    fromKind: input.fromKind ?? 'agent',
    fromTeamId: fromTeam?.id ?? null,
    senderId: ctx.principal.personId,
    toTeamId: toTeam.id,
    state: 'draft',
    ownerId: null,
    packet: input.packet,
    completeness: completeness(input.packet, requiredFields(scenario), scenario.weights),
    bounceReason: null,
    bounceNote: null,
    previousId: input.previousId ?? null,
    customerUpdate: null,
    createdAt: ctx.now,
    sentAt: null,
    acceptedAt: null,
    resolvedAt: null,
    updatedAt: ctx.now,
  };
  if (!input.draft) {
    // A direct send writes the handoff once, already sent, and logs `handoff.sent` only.
    await send(tx, row, scenario, ctx, { stored: false, toTeam, customer });
    return id;
  }
  await tx.insert(handoffs).values(row);
  await appendEvent(tx, {
    orgId,
    caseId,
    handoffId: id,
    type: EventType.handoffDrafted,
    at: ctx.now,
    actorId: ctx.principal.personId,
    data: {
      handoffId: id,
      scenario: scenario.id,
      toTeam: toTeam.key,
      completeness: row.completeness,
      missing: missingFields(input.packet, requiredFields(scenario)),
    },
  });
  return id;
}

async function scenarioOf(tx: Tx, h: Row) {
  const s = await scenarioVersion(tx, h.orgId, h.scenarioId, h.scenarioVersion);
  if (!s) throw notFound('scenario', h.scenarioId);
  return s;
}

export async function sendDraft(db: Db, id: string, packet: Packet | undefined, ctx: Ctx) {
  return db.transaction(async (tx) => {
    let h = await lockHandoff(tx, ctx.principal.orgId, id);
    move(h, 'send');
    const scenario = await scenarioOf(tx, h);
    if (packet) {
      const score = completeness(packet, requiredFields(scenario), scenario.weights);
      [h] = (await tx
        .update(handoffs)
        .set({ packet, completeness: score })
        .where(eq(handoffs.id, id))
        .returning()) as [Row];
    }
    await send(tx, h, scenario, ctx, {
      stored: true,
      toTeam: await teamById(tx, h.orgId, h.toTeamId),
      customer: await customerOf(tx, h.caseId),
    });
  });
}

export async function updateDraftPacket(db: Db, id: string, packet: Packet, ctx: Ctx) {
  return db.transaction(async (tx) => {
    const h = await lockHandoff(tx, ctx.principal.orgId, id);
    move(h, 'edit');
    const scenario = await scenarioOf(tx, h);
    const score = completeness(packet, requiredFields(scenario), scenario.weights);
    await tx
      .update(handoffs)
      .set({ packet, completeness: score, updatedAt: ctx.now })
      .where(eq(handoffs.id, id));
    await appendEvent(tx, {
      orgId: h.orgId,
      caseId: h.caseId,
      handoffId: id,
      type: EventType.handoffPacketUpdated,
      at: ctx.now,
      actorId: ctx.principal.personId,
      data: { handoffId: id, completeness: score },
    });
  });
}

/** Accepting stops the `acknowledge` clock; the accepting person becomes the owner. */
export async function acceptHandoff(db: Db, id: string, ctx: Ctx) {
  return db.transaction(async (tx) => {
    const h = await lockHandoff(tx, ctx.principal.orgId, id);
    const state = move(h, 'accept');
    const ref = { orgId: h.orgId, caseId: h.caseId, handoffId: id };
    const actor = ctx.principal.personId;
    await tx
      .update(handoffs)
      .set({ state, acceptedAt: ctx.now, updatedAt: ctx.now })
      .where(eq(handoffs.id, id));
    await appendEvent(tx, {
      ...ref,
      type: EventType.handoffAccepted,
      at: ctx.now,
      actorId: actor,
      data: {
        handoffId: id,
        ownerId: actor ?? h.ownerId,
        pickupMs: ctx.now.getTime() - (h.sentAt?.getTime() ?? ctx.now.getTime()),
      },
    });
    if (actor && actor !== h.ownerId) await changeOwner(tx, h, actor, ctx.now, 'accepted by', actor);
    await stopClocks(tx, ref, ['acknowledge'], ctx.now);
  });
}

export async function resolveHandoff(db: Db, id: string, ctx: Ctx) {
  return db.transaction(async (tx) => {
    const h = await lockHandoff(tx, ctx.principal.orgId, id);
    const state = move(h, 'resolve');
    const ref = { orgId: h.orgId, caseId: h.caseId, handoffId: id };
    await tx
      .update(handoffs)
      .set({ state, resolvedAt: ctx.now, updatedAt: ctx.now })
      .where(eq(handoffs.id, id));
    await appendEvent(tx, {
      ...ref,
      type: EventType.handoffResolved,
      at: ctx.now,
      actorId: ctx.principal.personId,
      data: { handoffId: id, ownerId: h.ownerId },
    });
    await stopClocks(tx, ref, undefined, ctx.now);
  });
}

/** A bounce returns ownership to the sender (the sending team's lead when the sender was no person). */
export async function bounceHandoff(db: Db, id: string, input: Bounce, ctx: Ctx) {
  return db.transaction(async (tx) => {
    const h = await lockHandoff(tx, ctx.principal.orgId, id);
    const state = move(h, 'bounce');
    const ownerId = h.senderId ?? (h.fromTeamId ? await senderOwner(tx, h) : h.ownerId);
    const ref = { orgId: h.orgId, caseId: h.caseId, handoffId: id };
    await tx
      .update(handoffs)
      .set({ state, ownerId, bounceReason: input.reason, bounceNote: input.note ?? null, updatedAt: ctx.now })
      .where(eq(handoffs.id, id));
    await appendEvent(tx, {
      ...ref,
      type: EventType.handoffBounced,
      at: ctx.now,
      actorId: ctx.principal.personId,
      data: { handoffId: id, reason: input.reason, note: input.note ?? null, from: h.ownerId, to: ownerId },
    });
    await stopClocks(tx, ref, undefined, ctx.now, 'cancelled');
  });
}

/** The sender owns what comes back: the sending person, else the sending team's lead. */
async function senderOwner(tx: Tx, h: Row): Promise<string | null> {
  if (h.senderId) return h.senderId;
  const teamId = h.fromTeamId ?? h.toTeamId;
  const [team] = await tx.select({ leadId: teams.leadId }).from(teams).where(eq(teams.id, teamId));
  return team?.leadId ?? h.ownerId;
}

export async function cancelHandoff(db: Db, id: string, ctx: Ctx) {
  return db.transaction(async (tx) => {
    const h = await lockHandoff(tx, ctx.principal.orgId, id);
    const state = move(h, 'cancel');
    const ref = { orgId: h.orgId, caseId: h.caseId, handoffId: id };
    // A cancelled draft is no longer a draft: it gets its one owner too (invariant 1).
    const ownerId = h.ownerId ?? (await senderOwner(tx, h));
    await tx.update(handoffs).set({ state, ownerId, updatedAt: ctx.now }).where(eq(handoffs.id, id));
    await appendEvent(tx, {
      ...ref,
      type: EventType.handoffCancelled,
      at: ctx.now,
      actorId: ctx.principal.personId,
      data: { handoffId: id, ownerId },
    });
    await stopClocks(tx, ref, undefined, ctx.now, 'cancelled');
  });
}

export async function reassignHandoff(db: Db, id: string, input: Reassign, ctx: Ctx) {
  return db.transaction(async (tx) => {
    const h = await lockHandoff(tx, ctx.principal.orgId, id);
    move(h, 'reassign');
    let ownerId = input.ownerId;
    if (ownerId) {
      const [p] = await tx
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.orgId, h.orgId), eq(people.id, ownerId)));
      if (!p)
        throw new ApiError('validation_failed', `no person ${ownerId} in this organisation`, {
          field: 'ownerId',
        });
    } else {
      ownerId = (await assignOwner(tx, h.orgId, h.toTeamId, ctx.now, { exclude: h.ownerId ?? undefined }))
        .ownerId;
    }
    await changeOwner(tx, h, ownerId, ctx.now, input.reason, ctx.principal.personId);
  });
}

/** Waiting on the customer: the clocks stop counting until resumed (deadlines are recomputed then). */
export async function pauseHandoffClocks(db: Db, id: string, reason: string, ctx: Ctx) {
  return db.transaction(async (tx) => {
    const h = await lockHandoff(tx, ctx.principal.orgId, id);
    move(h, 'reassign');
    await pauseClocks(tx, { orgId: h.orgId, caseId: h.caseId, handoffId: id }, ctx.now, reason);
  });
}

export async function resumeHandoffClocks(db: Db, id: string, ctx: Ctx) {
  return db.transaction(async (tx) => {
    const h = await lockHandoff(tx, ctx.principal.orgId, id);
    move(h, 'reassign');
    await resumeClocks(tx, { orgId: h.orgId, caseId: h.caseId, handoffId: id }, ctx.now);
  });
}
