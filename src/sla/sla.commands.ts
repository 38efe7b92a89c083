import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { insertRows } from '../db/json-rows.ts';
import { type Alongside, appendEvent, appendEvents, type NewEvent } from '../events/events.commands.ts';
import { EventType } from '../events/names.ts';
import { cancelTimers, wakeNotices, wakeSchedulers } from '../jobs/timers.commands.ts';
import type { LadderStep } from '../scenarios/scenarios.types.ts';
import { compileCalendar } from './calendar.ts';
import { type ClockTimes, pauseClock, resumeClock, startClock } from './clock.ts';
import { nextRung, type Place } from './ladder.ts';
import { type ArmedRung, slaClocks } from './sla.table.ts';

type ClockRow = typeof slaClocks.$inferSelect;
export type ClockDef = { name: string; target: string; calendar: unknown; ladder: LadderStep[] };
type Ref = { orgId: string; caseId: string; handoffId: string };

export const times = (c: ClockRow): ClockTimes => ({
  startedAt: c.startedAt.getTime(),
  budgetMs: c.budgetMs,
  consumedMs: c.consumedMs,
  segmentStartedAt: c.segmentStartedAt?.getTime() ?? null,
  deadline: c.deadline?.getTime() ?? null,
});

type RungClock = { name: string; calendar: unknown; ladder: unknown };

/**
 * The ladder rung a clock arms after `after` (the first when absent; the first still ahead of
 * `aheadOf` when given), as the clock's columns: a clock arms one rung at a time (ladder.ts).
 */
export function armRung(
  clock: RungClock,
  t: ClockTimes,
  opts: { after?: Place; aheadOf?: number } = {},
): { nextRung: ArmedRung | null; rungDueAt: Date | null } {
  const rung = nextRung(clock.name, clock.ladder as LadderStep[], compileCalendar(clock.calendar), t, opts);
  if (!rung) return { nextRung: null, rungDueAt: null };
  return { nextRung: { index: rung.index, ...rung.step }, rungDueAt: new Date(rung.dueAt) };
}

/** The instants at which the scheduler has work on these clocks: their deadlines and next rungs. */
export const dueInstants = (rows: { deadline: Date | null; rungDueAt: Date | null }[]) =>
  rows.flatMap((r) => [r.deadline, r.rungDueAt]).flatMap((d) => (d ? [d.getTime()] : []));

/**
 * The clocks of a send, armed, and their `sla.started` events, computed but not written:
 * a caller writes them in its own statement (`writeClocks`), or `startClocks` does.
 */
export function planClocks(ref: Ref, defs: ClockDef[], now: Date) {
  const rows = defs.map((def) => {
    const t = startClock(compileCalendar(def.calendar), def.target, now.getTime());
    const row = {
      id: newId('clk'),
      ...ref,
      name: def.name,
      target: def.target,
      calendar: def.calendar,
      ladder: def.ladder,
      state: 'running',
      startedAt: now,
      budgetMs: t.budgetMs,
      consumedMs: 0,
      segmentStartedAt: now,
      deadline: new Date(t.deadline!),
    };
    return { ...row, ...armRung(row, t) };
  });
  return { rows, events: rows.map((row) => startedEvent(ref, row, now)) };
}

const startedEvent = (
  ref: Ref,
  row: { name: string; target: string; deadline: Date },
  now: Date,
): NewEvent => ({
  ...ref,
  type: EventType.slaStarted,
  at: now,
  data: {
    handoffId: ref.handoffId,
    clock: row.name,
    target: row.target,
    deadline: row.deadline.toISOString(),
  },
});

type PlannedClock = ReturnType<typeof planClocks>['rows'][number];

/** `sla.recalendared`: a running clock moved to its team's new hours, with the deadline it now has. */
export const recalendaredEvent = (
  ref: Ref,
  clock: string,
  deadline: Date | null,
  team: string,
  at: Date,
): NewEvent => ({
  ...ref,
  type: EventType.slaRecalendared,
  at,
  data: { handoffId: ref.handoffId, clock, deadline: deadline?.toISOString() ?? null, team },
});

/**
 * Clocks planned at a send, planned again on another calendar where they ran on `was` (a team's
 * hours read before the team was locked): same ids and start, so a row already written is updated
 * in place. Clocks on a calendar of their own (the scenario's) are left as they were.
 */
export function replanOnCalendar(
  plan: { rows: PlannedClock[]; events: NewEvent[] },
  was: unknown,
  calendar: unknown,
  now: Date,
) {
  const rows = plan.rows.map((row) => {
    if (row.calendar !== was) return row;
    const t = startClock(compileCalendar(calendar), row.target, now.getTime());
    const moved = { ...row, calendar, budgetMs: t.budgetMs, deadline: new Date(t.deadline!) };
    return { ...moved, ...armRung(moved, t) };
  });
  const events = plan.events.map((e, n) => {
    const row = rows[n]!;
    if (row === plan.rows[n]) return e;
    return startedEvent({ orgId: row.orgId, caseId: row.caseId, handoffId: row.handoffId }, row, now);
  });
  return { rows, events, moved: rows.filter((row, n) => row !== plan.rows[n]) };
}

/** The writes of planned clocks (armed, each is its own timer), for `appendEvents`' `alongside`. */
export function clockWrites(rows: PlannedClock[]): Required<Omit<Alongside, 'prepared'>> {
  if (rows.length === 0) return { writes: [], notices: [] };
  return { writes: [insertRows(slaClocks, rows)], notices: wakeNotices(dueInstants(rows)) };
}

/** Starts clocks with one insert, wakes the schedulers for them, and appends their events. */
export async function startClocks(tx: Tx, ref: Ref, defs: ClockDef[], now: Date) {
  if (defs.length === 0) return [];
  const plan = planClocks(ref, defs, now);
  await tx.insert(slaClocks).values(plan.rows);
  await wakeSchedulers(tx, dueInstants(plan.rows));
  await appendEvents(tx, plan.events);
  return plan.rows;
}

async function clocksOf(tx: Tx, handoffId: string, names?: string[]) {
  return tx
    .select()
    .from(slaClocks)
    .where(and(eq(slaClocks.handoffId, handoffId), names ? inArray(slaClocks.name, names) : undefined))
    .for('update');
}

/** Stops clocks: a running or paused clock is met; a breached one stays breached, now stopped. */
export async function stopClocks(
  tx: Tx,
  ref: Ref,
  names: string[] | undefined,
  now: Date,
  outcome: 'met' | 'cancelled' = 'met',
) {
  const rows = (await clocksOf(tx, ref.handoffId, names)).filter((c) => c.stoppedAt === null);
  for (const c of rows) {
    const state = c.state === 'breached' ? 'breached' : outcome;
    await tx.update(slaClocks).set({ state, stoppedAt: now }).where(eq(slaClocks.id, c.id));
    if (state === 'met') {
      await appendEvent(tx, {
        ...ref,
        type: EventType.slaMet,
        at: now,
        data: { handoffId: ref.handoffId, clock: c.name, deadline: c.deadline?.toISOString() ?? null },
      });
    }
  }
  // Rungs re-fired off shift are timer rows of their own.
  await cancelTimers(
    tx,
    rows.map((c) => c.id),
  );
}

export async function pauseClocks(tx: Tx, ref: Ref, now: Date, reason: string) {
  const rows = (await clocksOf(tx, ref.handoffId)).filter(
    (c) => c.state === 'running' && c.stoppedAt === null,
  );
  for (const c of rows) {
    const t = pauseClock(compileCalendar(c.calendar), times(c), now.getTime());
    await tx
      .update(slaClocks)
      .set({
        state: 'paused',
        consumedMs: t.consumedMs,
        segmentStartedAt: null,
        deadline: null,
        pausedAt: now,
        nextRung: null,
        rungDueAt: null,
      })
      .where(eq(slaClocks.id, c.id));
    await appendEvent(tx, {
      ...ref,
      type: EventType.slaPaused,
      at: now,
      data: { handoffId: ref.handoffId, clock: c.name, reason },
    });
  }
  await cancelTimers(
    tx,
    rows.map((c) => c.id),
  );
}

export async function resumeClocks(tx: Tx, ref: Ref, now: Date) {
  const rows = (await clocksOf(tx, ref.handoffId)).filter((c) => c.state === 'paused');
  for (const c of rows) {
    const t = resumeClock(compileCalendar(c.calendar), times(c), now.getTime());
    // Rungs already passed fired before the pause: the rung armed is the first still ahead.
    const armed = { deadline: new Date(t.deadline!), ...armRung(c, t, { aheadOf: now.getTime() }) };
    await tx
      .update(slaClocks)
      .set({ state: 'running', segmentStartedAt: now, pausedAt: null, ...armed })
      .where(eq(slaClocks.id, c.id));
    await wakeSchedulers(tx, dueInstants([armed]));
    await appendEvent(tx, {
      ...ref,
      type: EventType.slaResumed,
      at: now,
      data: { handoffId: ref.handoffId, clock: c.name, deadline: new Date(t.deadline!).toISOString() },
    });
  }
}
