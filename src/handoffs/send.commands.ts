import { eq } from 'drizzle-orm';
import { reopenCasesForSends } from '../cases/case-journey.commands.ts';
import { draftCustomerUpdate, replyClockOf } from '../continuity/customer-update.ts';
import type { Db, Tx } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { insertRows } from '../db/json-rows.ts';
import { documentRequests } from '../documents/documents.table.ts';
import { onFileOf, packetReRequests } from '../documents/rerequest.commands.ts';
import { appendEvents, type NewEvent, type StoredEvent } from '../events/events.commands.ts';
import { EventType } from '../events/names.ts';
import { ApiError } from '../http/errors.ts';
import { wakeNotices } from '../jobs/timers.commands.ts';
import { ownerRule } from '../ownership/owner-rule.ts';
import { assignOwners } from '../ownership/ownership.commands.ts';
import { completeness, missingFields } from '../packets/completeness.ts';
import type { Packet } from '../packets/packet.types.ts';
import { people } from '../people/people.table.ts';
import { ladderOf, requiredFields } from '../scenarios/scenario-view.ts';
import type { Scenario } from '../scenarios/scenarios.types.ts';
import {
  clockWrites,
  dueInstants,
  planClocks,
  recalendaredEvent,
  replanOnCalendar,
} from '../sla/sla.commands.ts';
import { slaClocks } from '../sla/sla.table.ts';
import type { Calendar } from '../sla/sla.types.ts';
import { teamById } from '../teams/teams.queries.ts';
import type { teams } from '../teams/teams.table.ts';
import { type HandoffView, handoffView } from './handoff-view.ts';
import {
  type Ctx,
  lockCaseOf,
  lockHandoff,
  move,
  type Row,
  refuseIncomplete,
  scenarioOf,
} from './handoffs.commands.ts';
import { handoffs } from './handoffs.table.ts';
import type { NewHandoff } from './handoffs.types.ts';
import { type CaseFacts, type Made, madeHandoffFacts } from './made-facts.ts';
import {
  type CustomerFacts,
  customerOf,
  type OnFileRef,
  type Opened,
  openSends,
  type SendRequest,
  type TeamRef,
} from './open-sends.commands.ts';

// Sending a handoff: the heart of Baton's guarantees (packet complete, one owner, clocks running,
// the customer told), written in one transaction.

type Team = typeof teams.$inferSelect;
/**
 * What became of one request of a batch: its handoff, with `view()` building it as
 * `GET /handoffs/{id}` shows it, or the error only its sender sees. The view is built on demand so
 * that the batch's transaction commits first: building it holds no lock (send-batches.commands.ts).
 */
export type Outcome = { ok: true; id: string; view: () => HandoffView } | { ok: false; error: ApiError };

type Sending = {
  h: Row;
  scenario: Scenario;
  ctx: Ctx;
  toTeam: Pick<Team, 'calendar'>;
  customer: CustomerFacts | undefined;
};
/** A request turned into its handoff row, with what its answer needs. */
type Drafted = Sending & {
  toTeam: TeamRef;
  fromTeam: string | null;
  facts: CaseFacts;
  caseStatus: string;
  onFile: OnFileRef[];
};

/** The clocks each send starts, armed, with their `sla.started` events (none are written here). */
function planSendClocks(items: Sending[]) {
  return items.map(({ h, scenario, ctx, toTeam }) =>
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
}
type ClockPlan = ReturnType<typeof planSendClocks>[number];

/** The writes that start the planned clocks (and wake the schedulers), with their events. */
function clockStart(plans: ClockPlan[]) {
  const { writes, notices } = clockWrites(plans.flatMap((p) => p.rows));
  return { events: plans.flatMap((p) => p.events), writes, notices };
}

/**
 * Sending, planned for several handoffs at once, their clocks planned already: each one's one owner
 * (chosen in order, the receiving teams locked last so concurrent sends wait on each other only for
 * the statement that follows), its customer update and its events. The callers have refused
 * incomplete packets; nothing is written here: the caller writes the plan in one statement.
 */
async function planSends(tx: Tx, items: Sending[], clockPlans: ClockPlan[], teamsHeld?: () => void) {
  const { choices, rotations } = await assignOwners(
    tx,
    items.map(({ h, scenario, ctx }) => ({
      orgId: h.orgId,
      teamId: h.toTeamId,
      now: ctx.now,
      ...ownerRule(scenario, h.skills),
    })),
  );
  teamsHeld?.();
  const held = onHeldHours(
    items,
    clockPlans,
    choices.map((c) => c.team),
  );
  const sent: Row[] = [];
  const events: NewEvent[][] = [];
  const owners: { id: string; name: string | null }[] = [];
  for (const [i, { h, scenario, ctx, customer }] of items.entries()) {
    const choice = choices[i]!;
    const clocks = held.plans[i]!;
    const ownerName =
      choice.ownerName ??
      (await tx.select({ name: people.name }).from(people).where(eq(people.id, choice.ownerId)))[0]?.name;
    const replyClock = replyClockOf(clocks.rows);
    const customerUpdate = replyClock
      ? draftCustomerUpdate({
          customerName: customer?.name ?? 'there',
          teamName: choice.team.name,
          ownerFirstName: ownerName?.split(' ')[0],
          replyBy: replyClock.deadline,
          // A customer whose zone is unknown reads the zone the deadline was computed in (the
          // clock's calendar), named in the text, rather than UTC.
          timezone: customer?.timezone ?? (replyClock.calendar as Calendar).timezone,
          language: customer?.language,
          template:
            scenario.customerUpdate && 'templates' in scenario.customerUpdate
              ? scenario.customerUpdate
              : null,
          scenario: scenario.id,
        })
      : null;
    owners.push({ id: choice.ownerId, name: ownerName ?? null });
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
          ...(h.skills ? { skills: h.skills } : {}),
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
  return {
    sent,
    events,
    owners,
    teams: choices.map((c) => c.team),
    clockPlans: held.plans,
    clocks: held.plans.map((p) => p.rows),
    recalendared: held.moved,
    writes: rotations,
  };
}

/**
 * The clocks were planned on the receiving team's hours as read before its lock. An admin saving
 * new hours waits for the sends that hold the team, not for those about to take it, so the hours may
 * have changed in between; under the lock they are settled, and clocks planned on the old ones are
 * planned again on them (`moved`: which, to be written over what is already written).
 */
function onHeldHours(items: Sending[], clockPlans: ClockPlan[], held: Pick<Team, 'key' | 'calendar'>[]) {
  const moved: { i: number; team: string; rows: ClockPlan['rows'] }[] = [];
  const plans = clockPlans.map((plan, i) => {
    const { toTeam, ctx } = items[i]!;
    const team = held[i]!;
    if (JSON.stringify(team.calendar) === JSON.stringify(toTeam.calendar)) return plan;
    const replanned = replanOnCalendar(plan, toTeam.calendar, team.calendar, ctx.now);
    if (replanned.moved.length > 0) moved.push({ i, team: team.key, rows: replanned.moved });
    return { rows: replanned.rows, events: replanned.events };
  });
  return { plans, moved };
}

/** The handoff row a request makes, as a draft, after checking what it names. */
async function draftOf(tx: Tx, { caseId, input, ctx }: SendRequest, opened: Opened): Promise<Drafted> {
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
    skills: input.skills?.length ? input.skills : null,
    customerUpdate: null,
    createdAt: ctx.now,
    sentAt: null,
    acceptedAt: null,
    resolvedAt: null,
    updatedAt: ctx.now,
  };
  return {
    h,
    scenario,
    ctx,
    toTeam,
    fromTeam: fromTeam?.key ?? null,
    customer: opened.customer,
    facts: opened.facts,
    caseStatus: opened.caseStatus,
    onFile: opened.onFile,
  };
}

function draftedEvent({ h, scenario, ctx }: Drafted): NewEvent {
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
 * the others sent: the clocks (each armed for its breach and first rung) and their events in one
 * statement, before the receiving teams are locked; then every handoff, round-robin cursor and handoff event in ONE statement.
 * A request the rules refuse (unknown case or scenario, incomplete packet, foreign previousId)
 * gets its error and leaves nothing behind; the others go on. A database error aborts all of them.
 * `teamsHeld` is told when the receiving teams are locked (send-batches.commands.ts starts the next
 * batch then).
 */
export async function createHandoffsIn(
  tx: Tx,
  requests: SendRequest[],
  opts: { teamsHeld?: () => void } = {},
): Promise<Outcome[]> {
  const opened = await openSends(tx, requests);
  const outcomes: Outcome[] = [];
  const accepted: { at: number; item: Drafted }[] = [];
  for (const [at, request] of requests.entries()) {
    try {
      const o = opened[at]!;
      if (o instanceof ApiError) throw o;
      const item = await draftOf(tx, request, o);
      accepted.push({ at, item });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      outcomes[at] = { ok: false, error };
    }
  }
  const toSend = accepted.filter(({ at }) => !requests[at]!.input.draft).map(({ item }) => item);
  await reopenCasesForSends(
    tx,
    toSend.map(({ h, ctx, caseStatus }) => ({
      orgId: h.orgId,
      caseId: h.caseId,
      from: caseStatus,
      handoffId: h.id,
      ctx,
    })),
  );
  // The clocks do not depend on who will own the handoffs: they are written before the receiving
  // teams are locked, so the statement the teams wait for carries only the handoffs and their owners.
  const clockPlans = planSendClocks(toSend);
  const started = clockStart(clockPlans);
  const startedEvents = await appendEvents(tx, started.events, { writes: started.writes, prepared: true });
  const plan = await planSends(tx, toSend, clockPlans, opts.teamsHeld);
  const moved = await moveWrittenClocks(tx, plan.recalendared, toSend);
  const sentAs = new Map(plan.sent.map((h, i) => [h.id, i]));
  const rows: Row[] = [];
  const events: NewEvent[] = [];
  const asked: (typeof documentRequests.$inferInsert)[] = [];
  for (const { item } of accepted) {
    const i = sentAs.get(item.h.id);
    rows.push(i === undefined ? item.h : plan.sent[i]!);
    if (i === undefined) {
      events.push(draftedEvent(item));
      continue;
    }
    // A direct send writes the handoff once, already sent, and logs `handoff.sent` only.
    const again = askedAgainIn(item, item.onFile);
    asked.push(...again.rows);
    events.push(...plan.events[i]!, ...(moved.events.get(i) ?? []), ...again.events);
  }
  if (rows.length === 0) return outcomes;
  const stored = await appendEvents(tx, events, {
    writes: [
      insertRows(handoffs, rows),
      ...plan.writes,
      ...(asked.length ? [insertRows(documentRequests, asked)] : []),
    ],
    // The schedulers are woken after the handoffs' own events are announced.
    notices: [...started.notices, ...moved.notices],
    prepared: true,
  });
  const eventsOf = new Map<string | null, StoredEvent[]>();
  for (const e of [...startedEvents, ...stored]) {
    const list = eventsOf.get(e.handoffId);
    if (list) list.push(e);
    else eventsOf.set(e.handoffId, [e]);
  }
  const sentOnCase = new Map<string, Made['sentBefore']>();
  for (const [n, { at, item }] of accepted.entries()) {
    const h = rows[n]!;
    const i = sentAs.get(h.id);
    const sentBefore = sentOnCase.get(h.caseId) ?? [];
    const view = () =>
      handoffView(
        madeHandoffFacts({
          h,
          scenario: item.scenario,
          facts: item.facts,
          toTeam: i === undefined ? item.toTeam : plan.teams[i]!,
          fromTeam: item.fromTeam,
          owner: i === undefined ? null : plan.owners[i]!,
          clocks: i === undefined ? [] : plan.clocks[i]!,
          events: eventsOf.get(h.id) ?? [],
          sentBefore,
        }),
      );
    if (i !== undefined)
      sentOnCase.set(h.caseId, [
        ...sentBefore,
        { toTeamId: h.toTeamId, fromTeamId: h.fromTeamId, createdAt: h.createdAt.getTime() },
      ]);
    outcomes[at] = { ok: true, id: h.id, view };
  }
  return outcomes;
}

/** What a sent packet asks for again of the documents on file (invariant 3): flagged, not refused. */
function askedAgainIn({ h, ctx }: Pick<Drafted, 'h' | 'ctx'>, onFile: OnFileRef[]) {
  const required = (h.packet as Packet | null)?.documents?.required ?? [];
  if (required.length === 0 || onFile.length === 0) return { rows: [], events: [] };
  return packetReRequests(
    { orgId: h.orgId, caseId: h.caseId, handoffId: h.id },
    required,
    onFile,
    ctx.principal.personId,
    ctx.now,
  );
}

/**
 * Clocks already written on hours the receiving team no longer has (onHeldHours) are rewritten, as
 * a calendar change does to running clocks, each with its `sla.recalendared` event. Rare: only a
 * send in flight while an admin saves its team's hours comes here.
 */
async function moveWrittenClocks(
  tx: Tx,
  recalendared: { i: number; team: string; rows: ClockPlan['rows'] }[],
  items: Sending[],
) {
  const events = new Map<number, NewEvent[]>();
  for (const { i, team, rows } of recalendared) {
    const { h, ctx } = items[i]!;
    for (const { id, calendar, budgetMs, deadline, nextRung, rungDueAt } of rows)
      await tx
        .update(slaClocks)
        .set({ calendar, budgetMs, deadline, nextRung, rungDueAt })
        .where(eq(slaClocks.id, id));
    const ref = { orgId: h.orgId, caseId: h.caseId, handoffId: h.id };
    events.set(
      i,
      rows.map((row) => recalendaredEvent(ref, row.name, row.deadline, team, ctx.now)),
    );
  }
  return { events, notices: wakeNotices(dueInstants(recalendared.flatMap((m) => m.rows))) };
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
    const kase = await lockCaseOf(tx, ctx.principal.orgId, id);
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
    const item = {
      h,
      scenario,
      ctx,
      toTeam: await teamById(tx, h.orgId, h.toTeamId),
      customer: await customerOf(tx, h.caseId),
    };
    await reopenCasesForSends(tx, [
      { orgId: h.orgId, caseId: h.caseId, from: kase.status, handoffId: id, ctx },
    ]);
    const plan = await planSends(tx, [item], planSendClocks([item]));
    // Written after the team is held: planned on the hours it has then.
    const started = clockStart(plan.clockPlans);
    const { state, ownerId, sentAt, updatedAt, customerUpdate } = plan.sent[0]!;
    const again = askedAgainIn(item, await onFileOf(tx, h.orgId, h.caseId));
    await appendEvents(tx, [...started.events, ...plan.events[0]!, ...again.events], {
      writes: [
        ...(again.rows.length ? [insertRows(documentRequests, again.rows)] : []),
        tx
          .update(handoffs)
          .set({ state, ownerId, sentAt, updatedAt, customerUpdate })
          .where(eq(handoffs.id, id)),
        ...started.writes,
        ...plan.writes,
      ],
      notices: started.notices,
    });
  });
}
