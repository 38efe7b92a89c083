import { and, asc, eq, lte, ne } from 'drizzle-orm';
import { resolveCaseAtJourneyEnd } from '../cases/case-journey.commands.ts';
import { cases } from '../cases/cases.table.ts';
import type { Db, Tx } from '../db/database.ts';
import { appendEvent } from '../events/events.commands.ts';
import { EventType } from '../events/names.ts';
import type { Principal } from '../http/context.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { changeOwner, changerOf, ownerChanges } from '../ownership/ownership.commands.ts';
import { completeness, missingFields } from '../packets/completeness.ts';
import type { Packet } from '../packets/packet.types.ts';
import { people } from '../people/people.table.ts';
import { requiredFields } from '../scenarios/scenario-view.ts';
import { scenarioVersion } from '../scenarios/scenarios.queries.ts';
import type { Scenario } from '../scenarios/scenarios.types.ts';
import { pauseClocks, resumeClocks, stopClocks } from '../sla/sla.commands.ts';
import { teams } from '../teams/teams.table.ts';
import { handoffs } from './handoffs.table.ts';
import type { Bounce, Reassign } from './handoffs.types.ts';
import { type HandoffAction, type HandoffState, nextState } from './state-machine.ts';

export type Ctx = { principal: Principal; now: Date };
export type Row = typeof handoffs.$inferSelect;

export function refuseIncomplete(packet: Packet, scenario: Scenario) {
  const missing = missingFields(packet, requiredFields(scenario));
  if (missing.length > 0) {
    throw new ApiError('packet_incomplete', `the packet misses required fields: ${missing.join(', ')}`, {
      missing,
      field: 'packet',
    });
  }
}

export async function lockHandoff(tx: Tx, orgId: string, id: string): Promise<Row> {
  const [row] = await tx
    .select()
    .from(handoffs)
    .where(and(eq(handoffs.orgId, orgId), eq(handoffs.id, id)))
    .for('update');
  if (!row) throw notFound('handoff', id);
  return row;
}

/**
 * Locks the case a handoff belongs to, before the handoff itself: the order a send takes (case, then
 * handoffs), so commands on one case's handoffs take their turns and see each other's ends.
 */
export async function lockCaseOf(tx: Tx, orgId: string, handoffId: string) {
  const [row] = await tx
    .select({ id: cases.id, status: cases.status })
    .from(cases)
    .innerJoin(handoffs, eq(handoffs.caseId, cases.id))
    .where(and(eq(handoffs.orgId, orgId), eq(handoffs.id, handoffId)))
    .for('update', { of: cases });
  if (!row) throw notFound('handoff', handoffId);
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

export function move(h: Row, action: HandoffAction): HandoffState {
  const to = nextState(h.state as HandoffState, action);
  if (!to) {
    throw new ApiError('invalid_transition', `a ${h.state} handoff cannot be ${pastTense[action]}`, {
      state: h.state,
      action,
    });
  }
  return to;
}

export async function scenarioOf(tx: Tx, h: Row) {
  const s = await scenarioVersion(tx, h.orgId, h.scenarioId, h.scenarioVersion);
  if (!s) throw notFound('scenario', h.scenarioId);
  return s;
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
    await closeLegsPassedOn(tx, h, ctx);
  });
}

/**
 * A case passed on along a chain (Tier 1 -> Tier 2 -> Engineering) has one accountable leg: when the
 * next team accepts, the leg its sender owned on the case (their accepted handoff) is done,
 * resolved with `passedOnTo`, and its clocks stop. Until then the sender stays accountable: a
 * bounce comes back to a leg still open. Matched by owner, not by team: a scenario names the team
 * a handoff usually comes from (Tier 2 passes a case to Engineering with Support's scenario).
 */
async function closeLegsPassedOn(tx: Tx, accepted: Row, ctx: Ctx) {
  if (!accepted.senderId) return;
  const legs = await tx
    .select()
    .from(handoffs)
    .where(
      and(
        eq(handoffs.caseId, accepted.caseId),
        eq(handoffs.ownerId, accepted.senderId),
        eq(handoffs.state, 'accepted'),
        ne(handoffs.id, accepted.id),
        lte(handoffs.createdAt, accepted.createdAt),
      ),
    )
    .orderBy(asc(handoffs.id))
    .for('update');
  if (legs.length === 0) return;
  const [team] = await tx.select({ key: teams.key }).from(teams).where(eq(teams.id, accepted.toTeamId));
  for (const leg of legs) {
    const ref = { orgId: leg.orgId, caseId: leg.caseId, handoffId: leg.id };
    await tx
      .update(handoffs)
      .set({ state: move(leg, 'resolve'), resolvedAt: ctx.now, updatedAt: ctx.now })
      .where(eq(handoffs.id, leg.id));
    await appendEvent(tx, {
      ...ref,
      type: EventType.handoffResolved,
      at: ctx.now,
      actorId: ctx.principal.personId,
      data: { handoffId: leg.id, ownerId: leg.ownerId, passedOnTo: accepted.id, toTeam: team?.key ?? null },
    });
    await stopClocks(tx, ref, undefined, ctx.now);
  }
}

/** Resolving a handoff; the journey's last open leg resolves its case too (case-journey.commands.ts). */
export async function resolveHandoff(db: Db, id: string, ctx: Ctx) {
  return db.transaction(async (tx) => {
    const kase = await lockCaseOf(tx, ctx.principal.orgId, id);
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
    await resolveCaseAtJourneyEnd(tx, ref, kase.status, ctx);
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

/** A person named as a handoff's new owner must be of the organisation and active. */
export async function assertMayOwn(tx: Tx, orgId: string, ownerId: string) {
  const [p] = await tx
    .select({ name: people.name, active: people.active })
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.id, ownerId)));
  if (!p)
    throw new ApiError('validation_failed', `no person ${ownerId} in this organisation`, {
      field: 'ownerId',
    });
  // An owner who has left could not act on it: the sweeper would only move it on again.
  if (p.active !== 'yes')
    throw new ApiError('validation_failed', `${p.name} is deactivated and cannot own a handoff`, {
      field: 'ownerId',
    });
}

export async function reassignHandoff(db: Db, id: string, input: Reassign, ctx: Ctx) {
  return db.transaction(async (tx) => {
    const h = await lockHandoff(tx, ctx.principal.orgId, id);
    move(h, 'reassign');
    const changes = ownerChanges(tx, ctx.now, changerOf(ctx.principal));
    if (input.ownerId) {
      await assertMayOwn(tx, h.orgId, input.ownerId);
      await changes.change(h, input.ownerId, input.reason);
    } else {
      // Baton chooses, so the reason says by which rule, as it does when several are reassigned.
      await changes.toNext(h, input.reason);
    }
    await changes.write();
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
