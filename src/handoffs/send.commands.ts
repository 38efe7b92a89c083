import { eq, sql } from 'drizzle-orm';
import { cases } from '../cases/cases.table.ts';
import { draftCustomerUpdate } from '../continuity/customer-update.ts';
import { customers } from '../customers/customers.table.ts';
import { type Db, rowsOf, type Tx } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { insertRows } from '../db/json-rows.ts';
import { appendEvents, type NewEvent } from '../events/events.commands.ts';
import { EventType } from '../events/names.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { assignOwners } from '../ownership/ownership.commands.ts';
import { completeness, missingFields } from '../packets/completeness.ts';
import type { Packet } from '../packets/packet.types.ts';
import { people } from '../people/people.table.ts';
import { ladderOf, requiredFields } from '../scenarios/scenario-view.ts';
import { scenarios } from '../scenarios/scenarios.table.ts';
import type { Scenario } from '../scenarios/scenarios.types.ts';
import { scenarioSchema } from '../scenarios/scenarios.types.ts';
import { clockWrites, planClocks } from '../sla/sla.commands.ts';
import { teamById } from '../teams/teams.queries.ts';
import { teams } from '../teams/teams.table.ts';
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
type Opened = {
  customer: CustomerFacts;
  version: number;
  scenario: Scenario;
  teamsByKey: Map<string, TeamRef>;
};

/** One request to create a handoff (sent, or saved as a draft) on a case. */
export type SendRequest = { caseId: string; input: NewHandoff; ctx: Ctx };
/** What became of one request of a batch: its handoff, or the error only its sender sees. */
export type Outcome = { ok: true; id: string } | { ok: false; error: ApiError };

/**
 * Locks the requests' cases (one handoff command per case at a time; in id order, so two batches
 * never wait on each other in a circle) and reads, in the same trip, each case's customer, the
 * scenario's current version and the teams that version names.
 */
async function openSends(tx: Tx, requests: SendRequest[]): Promise<(Opened | ApiError)[]> {
  const values = sql.join(
    requests.map(
      (r, i) =>
        sql`(${i}::int, ${r.ctx.principal.orgId}::text, ${r.caseId}::text, ${r.input.scenario}::text)`,
    ),
    sql`, `,
  );
  const res = await tx.execute(sql`
    select v.i, cu.name, cu.timezone, cu.language,
      (select json_build_object('version', s.version, 'definition', s.definition,
          'teams', (select json_agg(json_build_object('id', t.id, 'key', t.key, 'calendar', t.calendar))
            from ${teams} t where t.org_id = s.org_id
              and t.key in (s.definition->>'toTeam', s.definition->>'fromTeam')))
        from ${scenarios} s where s.org_id = v.org_id and s.id = v.scenario_id
        order by s.version desc limit 1) as scenario
    from (values ${values}) v (i, org_id, case_id, scenario_id)
    join ${cases} c on c.org_id = v.org_id and c.id = v.case_id
    left join ${customers} cu on cu.id = c.customer_id
    order by c.id
    for update of c`);
  type Found = CustomerFacts & { i: number | string; scenario: CurrentScenario | null };
  const found = new Map(rowsOf<Found>(res).map((r) => [Number(r.i), r]));
  return requests.map((r, i) => {
    const row = found.get(i);
    if (!row) return notFound('case', r.caseId);
    const { scenario: current, name, timezone, language } = row;
    if (!current)
      return new ApiError('unknown_scenario', `no scenario ${r.input.scenario}`, { field: 'scenario' });
    return {
      customer: { name, timezone, language },
      version: current.version,
      scenario: scenarioSchema.parse(current.definition),
      teamsByKey: new Map((current.teams ?? []).map((t) => [t.key, t])),
    };
  });
}

type Sending = {
  h: Row;
  scenario: Scenario;
  ctx: Ctx;
  toTeam: Pick<Team, 'calendar'>;
  customer: CustomerFacts | undefined;
};

/**
 * Sending, planned for several handoffs at once: each one's clocks, its one owner (chosen in order,
 * the receiving teams locked last so concurrent sends wait on each other only for the statement
 * that follows), its customer update and its events. The callers have refused incomplete packets;
 * nothing is written here: the caller writes the plan in one statement.
 */
async function planSends(tx: Tx, items: Sending[]) {
  const clockPlans = items.map(({ h, scenario, ctx, toTeam }) =>
    planClocks(
      { orgId: h.orgId, caseId: h.caseId, handoffId: h.id },
      scenario.sla.map((s) => ({
        name: s.name,
        target: s.target,
        calendar: s.calendar ?? toTeam.calendar,
        ladder: ladderOf(scenario),
      })),
      ctx.now,
    ),
  );
  const { choices, rotations } = await assignOwners(
    tx,
    items.map(({ h, scenario, ctx }) => ({
      orgId: h.orgId,
      teamId: h.toTeamId,
      now: ctx.now,
      strategy: scenario.ownership,
      skills: scenario.skills,
    })),
  );
  const sent: Row[] = [];
  const events: NewEvent[][] = [];
  for (const [i, { h, scenario, ctx, customer }] of items.entries()) {
    const choice = choices[i]!;
    const clocks = clockPlans[i]!;
    const ownerName =
      choice.ownerName ??
      (await tx.select({ name: people.name }).from(people).where(eq(people.id, choice.ownerId)))[0]?.name;
    const replyClock = clocks.rows.find((k) => k.name === 'acknowledge') ?? clocks.rows[0];
    const customerUpdate = replyClock
      ? draftCustomerUpdate({
          customerName: customer?.name ?? 'there',
          teamName: choice.team.name,
          ownerFirstName: ownerName?.split(' ')[0],
          replyBy: replyClock.deadline,
          timezone: customer?.timezone,
          language: customer?.language,
          template:
            scenario.customerUpdate && 'templates' in scenario.customerUpdate
              ? scenario.customerUpdate
              : null,
          scenario: scenario.id,
        })
      : null;
    sent.push({
      ...h,
      state: 'sent',
      ownerId: choice.ownerId,
      sentAt: ctx.now,
      updatedAt: ctx.now,
      customerUpdate,
    });
    const ref = { orgId: h.orgId, caseId: h.caseId, handoffId: h.id };
    events.push([
      ...clocks.events,
      {
        ...ref,
        type: EventType.handoffSent,
        at: ctx.now,
        actorId: ctx.principal.personId,
        data: {
          handoffId: h.id,
          scenario: h.scenarioId,
          toTeam: choice.team.key,
          ownerId: choice.ownerId,
          completeness: h.completeness,
          previousId: h.previousId,
        },
      },
      {
        ...ref,
        type: EventType.ownerAssigned,
        at: ctx.now,
        data: { handoffId: h.id, ownerId: choice.ownerId, rule: choice.rule },
      },
    ]);
  }
  const clocks = clockWrites({
    rows: clockPlans.flatMap((p) => p.rows),
    timers: clockPlans.flatMap((p) => p.timers),
    events: [],
  });
  return { sent, events, writes: [...clocks.writes, ...rotations], notices: clocks.notices };
}

/** The handoff row a request makes, as a draft, after checking what it names. */
async function draftOf(tx: Tx, { caseId, input, ctx }: SendRequest, opened: Opened): Promise<Sending> {
  const { scenario, teamsByKey: byKey } = opened;
  const orgId = ctx.principal.orgId;
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
  const h: Row = {
    id: newId('ho'),
    orgId,
    caseId,
    scenarioId: scenario.id,
    scenarioVersion: opened.version,
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
  return { h, scenario, ctx, toTeam, customer: opened.customer };
}

function draftedEvent({ h, scenario, ctx }: Sending): NewEvent {
  return {
    orgId: h.orgId,
    caseId: h.caseId,
    handoffId: h.id,
    type: EventType.handoffDrafted,
    at: ctx.now,
    actorId: ctx.principal.personId,
    data: {
      handoffId: h.id,
      scenario: scenario.id,
      toTeam: scenario.toTeam,
      completeness: h.completeness,
      missing: missingFields(h.packet as Packet, requiredFields(scenario)),
    },
  };
}

/**
 * Creates the handoffs of several requests inside the caller's transaction: drafts are saved,
 * the others sent, and every handoff, clock, timer, cursor and event is written in ONE statement.
 * A request the rules refuse (unknown case or scenario, incomplete packet, foreign previousId)
 * gets its error and leaves nothing behind; the others go on. A database error aborts all of them.
 */
export async function createHandoffsIn(tx: Tx, requests: SendRequest[]): Promise<Outcome[]> {
  const opened = await openSends(tx, requests);
  const outcomes: Outcome[] = [];
  const accepted: { at: number; item: Sending }[] = [];
  for (const [at, request] of requests.entries()) {
    try {
      const o = opened[at]!;
      if (o instanceof ApiError) throw o;
      const item = await draftOf(tx, request, o);
      accepted.push({ at, item });
      outcomes[at] = { ok: true, id: item.h.id };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      outcomes[at] = { ok: false, error };
    }
  }
  const toSend = accepted.filter(({ at }) => !requests[at]!.input.draft);
  const plan = await planSends(
    tx,
    toSend.map(({ item }) => item),
  );
  const sentRow = new Map(plan.sent.map((h, i) => [h.id, { h, events: plan.events[i]! }]));
  const rows: Row[] = [];
  const events: NewEvent[] = [];
  for (const { item } of accepted) {
    const sent = sentRow.get(item.h.id);
    rows.push(sent?.h ?? item.h);
    // A direct send writes the handoff once, already sent, and logs `handoff.sent` only.
    events.push(...(sent?.events ?? [draftedEvent(item)]));
  }
  if (rows.length > 0)
    await appendEvents(tx, events, {
      writes: [insertRows(handoffs, rows), ...plan.writes],
      notices: plan.notices,
    });
  return outcomes;
}

export async function createHandoff(db: Db, caseId: string, input: NewHandoff, ctx: Ctx): Promise<string> {
  return db.transaction((tx) => createHandoffIn(tx, caseId, input, ctx));
}

/** Creates (and unless a draft, sends) a handoff inside the caller's transaction. */
export async function createHandoffIn(tx: Tx, caseId: string, input: NewHandoff, ctx: Ctx): Promise<string> {
  const [outcome] = await createHandoffsIn(tx, [{ caseId, input, ctx }]);
  if (!outcome!.ok) throw outcome!.error;
  return outcome!.id;
}

export async function sendDraft(db: Db, id: string, packet: Packet | undefined, ctx: Ctx) {
  return db.transaction(async (tx) => {
    let h = await lockHandoff(tx, ctx.principal.orgId, id);
    move(h, 'send');
    const scenario = await scenarioOf(tx, h);
    refuseIncomplete((packet ?? h.packet) as Packet, scenario);
    if (packet) {
      const score = completeness(packet, requiredFields(scenario), scenario.weights);
      [h] = (await tx
        .update(handoffs)
        .set({ packet, completeness: score })
        .where(eq(handoffs.id, id))
        .returning()) as [Row];
    }
    const plan = await planSends(tx, [
      {
        h,
        scenario,
        ctx,
        toTeam: await teamById(tx, h.orgId, h.toTeamId),
        customer: await customerOf(tx, h.caseId),
      },
    ]);
    const { state, ownerId, sentAt, updatedAt, customerUpdate } = plan.sent[0]!;
    await appendEvents(tx, plan.events[0]!, {
      writes: [
        tx
          .update(handoffs)
          .set({ state, ownerId, sentAt, updatedAt, customerUpdate })
          .where(eq(handoffs.id, id)),
        ...plan.writes,
      ],
      notices: plan.notices,
    });
  });
}
