import { and, eq, sql } from 'drizzle-orm';
import { cases } from '../cases/cases.table.ts';
import { draftCustomerUpdate } from '../continuity/customer-update.ts';
import { customers } from '../customers/customers.table.ts';
import type { Db, Tx } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { appendEvent, appendEvents } from '../events/events.commands.ts';
import { EventType } from '../events/names.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { assignOwner } from '../ownership/ownership.commands.ts';
import { completeness, missingFields } from '../packets/completeness.ts';
import type { Packet } from '../packets/packet.types.ts';
import { people } from '../people/people.table.ts';
import { ladderOf, requiredFields } from '../scenarios/scenario-view.ts';
import type { Scenario } from '../scenarios/scenarios.types.ts';
import { scenarioSchema } from '../scenarios/scenarios.types.ts';
import { clockWrites, planClocks } from '../sla/sla.commands.ts';
import { teamById } from '../teams/teams.queries.ts';
import type { teams } from '../teams/teams.table.ts';
import { type Ctx, lockHandoff, move, type Row, refuseIncomplete, scenarioOf } from './handoffs.commands.ts';
import { handoffs } from './handoffs.table.ts';
import type { NewHandoff } from './handoffs.types.ts';

// Sending a handoff: the heart of Baton's guarantees (packet complete, one owner, clocks running,
// the customer told), written in one transaction.

type Team = typeof teams.$inferSelect;
type CustomerFacts = { name: string | null; timezone: string | null; language: string | null };

async function customerOf(tx: Tx, caseId: string): Promise<CustomerFacts | undefined> {
  const [customer] = await tx
    .select({ name: customers.name, timezone: customers.timezone, language: customers.language })
    .from(cases)
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .where(eq(cases.id, caseId));
  return customer;
}

type TeamRef = Pick<Team, 'id' | 'key' | 'calendar'>;
type CurrentScenario = { version: number; definition: unknown; teams: TeamRef[] | null };

/**
 * Locks the case (one handoff command per case at a time) and reads, in the same trip, its
 * customer, the scenario's current version and the teams that version names.
 */
async function openSend(tx: Tx, orgId: string, caseId: string, scenarioId: string) {
  const [row] = await tx
    .select({
      name: customers.name,
      timezone: customers.timezone,
      language: customers.language,
      scenario: sql<CurrentScenario | null>`(select json_build_object('version', s.version,
          'definition', s.definition,
          'teams', (select json_agg(json_build_object('id', t.id, 'key', t.key, 'calendar', t.calendar))
            from teams t where t.org_id = s.org_id
              and t.key in (s.definition->>'toTeam', s.definition->>'fromTeam')))
        from scenarios s where s.org_id = ${orgId} and s.id = ${scenarioId}
        order by s.version desc limit 1)`,
    })
    .from(cases)
    .leftJoin(customers, eq(customers.id, cases.customerId))
    .where(and(eq(cases.orgId, orgId), eq(cases.id, caseId)))
    .for('update', { of: cases });
  if (!row) throw notFound('case', caseId);
  const { scenario: current, ...customer } = row;
  if (!current) throw new ApiError('unknown_scenario', `no scenario ${scenarioId}`, { field: 'scenario' });
  const teamsByKey = new Map((current.teams ?? []).map((t) => [t.key, t]));
  return {
    customer,
    version: current.version,
    scenario: scenarioSchema.parse(current.definition),
    teamsByKey,
  };
}

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
  known: { stored: boolean; toTeam: Pick<Team, 'calendar'>; customer: CustomerFacts | undefined },
) {
  refuseIncomplete(h.packet as Packet, scenario);
  const { now } = ctx;
  const ref = { orgId: h.orgId, caseId: h.caseId, handoffId: h.id };
  const clocks = planClocks(
    ref,
    scenario.sla.map((s) => ({
      name: s.name,
      target: s.target,
      calendar: s.calendar ?? known.toTeam.calendar,
      ladder: ladderOf(scenario),
    })),
    now,
  );
  const choice = await assignOwner(tx, h.orgId, h.toTeamId, now, {
    strategy: scenario.ownership,
    skills: scenario.skills,
    deferRotation: true,
  });
  const team = choice.team;
  const ownerName =
    choice.ownerName ??
    (await tx.select({ name: people.name }).from(people).where(eq(people.id, choice.ownerId)))[0]?.name;
  const customer = known.customer;
  const replyClock = clocks.rows.find((k) => k.name === 'acknowledge') ?? clocks.rows[0];
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
  const written = clockWrites(tx, clocks);
  // The handoff, its clocks, their timers, the round-robin cursor and the events: one statement.
  const handoffWrite = known.stored
    ? tx.update(handoffs).set(sent).where(eq(handoffs.id, h.id))
    : tx.insert(handoffs).values({ ...h, ...sent });
  const writes = [handoffWrite, ...written.writes, ...(choice.rotation ? [choice.rotation] : [])];
  const alongside = { writes, notices: written.notices };
  await appendEvents(
    tx,
    [
      ...clocks.events,
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
    ],
    alongside,
  );
}

export async function createHandoff(db: Db, caseId: string, input: NewHandoff, ctx: Ctx): Promise<string> {
  return db.transaction((tx) => createHandoffIn(tx, caseId, input, ctx));
}

/** Creates (and unless a draft, sends) a handoff inside the caller's transaction. */
export async function createHandoffIn(tx: Tx, caseId: string, input: NewHandoff, ctx: Ctx): Promise<string> {
  const orgId = ctx.principal.orgId;
  const {
    customer,
    version,
    scenario,
    teamsByKey: byKey,
  } = await openSend(tx, orgId, caseId, input.scenario);
  if (!input.draft) refuseIncomplete(input.packet, scenario);
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
    scenarioVersion: version,
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
