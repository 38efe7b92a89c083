import { and, asc, eq, getTableColumns, lte, min } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { appendEvent } from '../events/events.commands.ts';
import { EventType } from '../events/names.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { type DueWork, retryDelayMs, type TimerHandler } from '../jobs/scheduler.ts';
import { scheduleTimers } from '../jobs/timers.commands.ts';
import { reassignToNext } from '../ownership/ownership.commands.ts';
import { people } from '../people/people.table.ts';
import { teams } from '../teams/teams.table.ts';
import { compileCalendar } from './calendar.ts';
import { nextOpen, pagesAtOnce } from './deadline.ts';
import { isOpenAt } from './open.ts';
import { armRung, times } from './sla.commands.ts';
import { type ArmedRung, slaClocks } from './sla.table.ts';

type Clock = typeof slaClocks.$inferSelect;
/** A rung re-fired at the start of someone's shift carries the instant it was first due. */
type Rung = ArmedRung & { deferredFrom?: string };

/** A successful attempt forgets the failed ones before it. */
const recovered = { retryAt: null, attempts: 0, lastError: null };

/** The clock passed its deadline: exactly one `sla.breached` event (invariant 5). */
async function breach(tx: Tx, clock: Clock, now: Date) {
  await tx
    .update(slaClocks)
    .set({ state: 'breached', breachedAt: now, ...recovered })
    .where(eq(slaClocks.id, clock.id));
  const [h] = await tx
    .select({ ownerId: handoffs.ownerId })
    .from(handoffs)
    .where(eq(handoffs.id, clock.handoffId));
  await appendEvent(tx, {
    orgId: clock.orgId,
    caseId: clock.caseId,
    handoffId: clock.handoffId,
    type: EventType.slaBreached,
    at: now,
    data: {
      handoffId: clock.handoffId,
      clock: clock.name,
      deadline: clock.deadline!.toISOString(),
      ownerId: h?.ownerId ?? null,
      lagMs: now.getTime() - clock.deadline!.getTime(),
      // A clock of no time at all (PT0M) pages at once by design: no promise was broken.
      ...(pagesAtOnce(clock.target) ? { paged: true } : {}),
    },
  });
}

async function supervisorOf(tx: Tx, orgId: string) {
  const [team] = await tx
    .select({ leadId: teams.leadId })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.key, 'supervisors')));
  if (team) return team.leadId;
  const all = await tx
    .select({ id: people.id, roles: people.roles })
    .from(people)
    .where(eq(people.orgId, orgId));
  return all.find((p) => p.roles.includes('supervisor'))?.id ?? null;
}

/** One rung of the ladder: warn the owner, notify the lead, page a supervisor, or reassign. */
async function climb(tx: Tx, clock: Clock, rung: Rung, now: Date) {
  const [h] = await tx.select().from(handoffs).where(eq(handoffs.id, clock.handoffId));
  if (!h) return;
  const ref = { orgId: clock.orgId, caseId: clock.caseId, handoffId: clock.handoffId };
  const base = {
    handoffId: h.id,
    clock: clock.name,
    at: rung.at,
    action: rung.action,
    deadline: clock.deadline?.toISOString() ?? null,
  };
  if (rung.action === 'reassign') {
    if (h.state === 'sent')
      await reassignToNext(tx, h, now, `unacknowledged at ${rung.at}% of ${clock.name}`);
    return;
  }
  let notify: string | null = h.ownerId;
  if (rung.action === 'notify_lead') {
    const [team] = await tx.select({ leadId: teams.leadId }).from(teams).where(eq(teams.id, h.toTeamId));
    notify = team?.leadId ?? null;
  } else if (rung.action === 'page_supervisor') {
    notify = await supervisorOf(tx, clock.orgId);
  }
  if (rung.respectHours && notify) {
    const [person] = await tx.select({ calendar: people.calendar }).from(people).where(eq(people.id, notify));
    if (person?.calendar && !isOpenAt(person.calendar, now.getTime())) {
      // Off shift: the same rung fires again at the start of their next working period, as a timer
      // row of its own, while the clock arms its next rung as usual.
      const at = nextOpen(compileCalendar(person.calendar), now.getTime()).at;
      await scheduleTimers(tx, [
        {
          orgId: clock.orgId,
          kind: 'sla.step',
          refId: clock.id,
          dueAt: new Date(at),
          payload: { ...rung, respectHours: false, deferredFrom: now.toISOString() },
        },
      ]);
      return;
    }
  }
  const type = rung.action === 'warn_owner' ? EventType.slaWarning : EventType.slaEscalated;
  await appendEvent(tx, { ...ref, type, at: now, data: { ...base, notify } });
}

/** The clock's next rung fell due: it arms the one after (ladder.ts), then does what the rung says. */
async function climbNext(tx: Tx, clock: Clock, now: Date) {
  const rung = clock.nextRung!;
  const next = armRung(clock, times(clock), { after: { at: rung.at, index: rung.index } });
  await tx
    .update(slaClocks)
    .set({ ...next, ...recovered })
    .where(eq(slaClocks.id, clock.id));
  await climb(tx, clock, rung, now);
}

const isDue = (at: Date | null, now: Date): at is Date => at !== null && at <= now;

/**
 * SLA clocks as durable work: a clock is its own timer (its generated `due_at`). The breach and the
 * rung are tried each in a savepoint of their own, so a rung that keeps failing does not stop the
 * breach; either failing retries the whole clock a little later (so by at most a minute).
 */
export const clockWork: DueWork = {
  async claim(tx, now, limit, logger) {
    // The clock's handoff is claimed with it: a rung may reassign the handoff, and an owner's command
    // takes the handoff before its clocks (accept, resolve, bounce), so a clock whose handoff someone
    // holds waits for the next pass rather than for them, and the two never deadlock.
    const due = await tx
      .select(getTableColumns(slaClocks))
      .from(slaClocks)
      .innerJoin(handoffs, eq(handoffs.id, slaClocks.handoffId))
      .where(lte(slaClocks.dueAt, now))
      .orderBy(asc(slaClocks.dueAt))
      .limit(limit)
      .for('update', { of: [slaClocks, handoffs], skipLocked: true });
    for (let clock of due) {
      const failures: unknown[] = [];
      if (clock.state === 'running' && isDue(clock.deadline, now)) {
        try {
          await tx.transaction((sp) => breach(sp, clock, now));
          clock = { ...clock, state: 'breached', breachedAt: now };
        } catch (error) {
          failures.push(error);
        }
      }
      if (clock.nextRung && isDue(clock.rungDueAt, now)) {
        const climbing = clock;
        try {
          await tx.transaction((sp) => climbNext(sp, climbing, now));
        } catch (error) {
          failures.push(error);
        }
      }
      if (failures.length === 0) continue;
      logger.error({ err: failures[0], clock: clock.id }, 'SLA clock work failed; retrying later');
      await tx
        .update(slaClocks)
        .set({
          attempts: clock.attempts + 1,
          lastError: String(failures[0]),
          retryAt: new Date(now.getTime() + retryDelayMs(clock.attempts)),
        })
        .where(eq(slaClocks.id, clock.id));
    }
    return due.length;
  },
  async nextDue(db) {
    const [row] = await db.select({ next: min(slaClocks.dueAt) }).from(slaClocks);
    return row?.next ? new Date(row.next) : null;
  },
};

/** A rung re-fired at the start of the notified person's shift, unless the clock stopped or paused since. */
const deferredRung: TimerHandler = async (tx, timer, now) => {
  // The handoff before its clock, in the owner's commands' order (see clockWork).
  await tx
    .select({ id: handoffs.id })
    .from(handoffs)
    .where(
      eq(
        handoffs.id,
        tx.select({ id: slaClocks.handoffId }).from(slaClocks).where(eq(slaClocks.id, timer.refId)),
      ),
    )
    .for('update');
  const [clock] = await tx.select().from(slaClocks).where(eq(slaClocks.id, timer.refId)).for('update');
  if (!clock || !['running', 'breached'].includes(clock.state) || clock.stoppedAt) return;
  await climb(tx, clock, timer.payload as Rung, now);
};

/** What the SLA engine gives the scheduler: its clocks, and the timer rows of rungs deferred to a shift. */
export const slaScheduling: { handlers: Record<string, TimerHandler>; work: DueWork[] } = {
  handlers: { 'sla.step': deferredRung },
  work: [clockWork],
};
