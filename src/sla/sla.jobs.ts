import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { appendEvent } from '../events/events.commands.ts';
import { EventType } from '../events/names.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import type { Timer, TimerHandler } from '../jobs/scheduler.ts';
import { scheduleTimers } from '../jobs/timers.commands.ts';
import { reassignToNext } from '../ownership/ownership.commands.ts';
import { people } from '../people/people.table.ts';
import { teams } from '../teams/teams.table.ts';
import { compileCalendar } from './calendar.ts';
import { nextOpen } from './deadline.ts';
import { placeOfStep } from './ladder.ts';
import { isOpenAt } from './open.ts';
import { rungTimer, times } from './sla.commands.ts';
import { slaClocks } from './sla.table.ts';

/** Locks the clock; undefined when it stopped or paused after the timer was written. */
async function lockClock(tx: Tx, timer: Timer, states: string[]) {
  const [clock] = await tx.select().from(slaClocks).where(eq(slaClocks.id, timer.refId)).for('update');
  if (!clock || !states.includes(clock.state) || clock.stoppedAt) return undefined;
  return clock;
}

/** The clock passed its deadline: exactly one `sla.breached` event (invariant 5). */
const breach: TimerHandler = async (tx, timer, now) => {
  const clock = await lockClock(tx, timer, ['running']);
  if (!clock) return;
  await tx.update(slaClocks).set({ state: 'breached', breachedAt: now }).where(eq(slaClocks.id, clock.id));
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
    },
  });
};

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
const step: TimerHandler = async (tx, timer, now) => {
  // Rungs past 100 % still climb after the breach, until the clock stops.
  const clock = await lockClock(tx, timer, ['running', 'breached']);
  if (!clock) return;
  // A clock arms one rung at a time (ladder.ts): this one arms the next, whatever it then does.
  const place = placeOfStep(timer.payload as Record<string, unknown>);
  if (place) await scheduleTimers(tx, rungTimer(clock, times(clock), { after: place }));
  const rung = timer.payload as { index: number; at: number; action: string; respectHours?: boolean };
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
      // Off shift: the same rung fires again at the start of their next working period.
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
};

export const slaTimerHandlers: Record<string, TimerHandler> = { 'sla.breach': breach, 'sla.step': step };
