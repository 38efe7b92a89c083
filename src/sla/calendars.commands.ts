import { and, eq, inArray } from 'drizzle-orm';
import { type AdminCtx, recordChange } from '../admin/admin-changes.commands.ts';
import { replacedFields } from '../admin/changes.ts';
import type { Db, Tx } from '../db/database.ts';
import { lockNotAvailable } from '../db/sql-state.ts';
import { appendEvent } from '../events/events.commands.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { cancelTimers, wakeSchedulers } from '../jobs/timers.commands.ts';
import { teams } from '../teams/teams.table.ts';
import { compileCalendar, SlaError } from './calendar.ts';
import { recalendar } from './clock.ts';
import { armRung, dueInstants, recalendaredEvent, times } from './sla.commands.ts';
import { slaClocks } from './sla.table.ts';
import type { Calendar } from './sla.types.ts';

/**
 * A team's new calendar applies to its running clocks at once: the business time already used is
 * kept and what is left is spread over the new hours; deadlines and armed rungs are recomputed.
 */
export async function setTeamCalendar(db: Db, ctx: AdminCtx, teamKey: string, calendar: Calendar) {
  try {
    compileCalendar(calendar);
  } catch (error) {
    if (error instanceof SlaError)
      throw new ApiError('invalid_calendar', error.message, { field: 'calendar' });
    throw error;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => recalendarTeam(tx, ctx, teamKey, calendar));
    } catch (error) {
      if (!lockNotAvailable(error)) throw error;
      if (attempt === CLOCK_TRIES)
        throw new ApiError(
          'conflict',
          `the ${teamKey} team's SLA clocks stayed busy (the SLA job or an owner was moving them); nothing was changed: save again`,
          { field: 'calendar' },
        );
      await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
    }
  }
}

// Tries of a calendar change whose clocks were held, and so rolled back, before it gives up
// (waits of 50, 100, 200 and 400 ms between them).
const CLOCK_TRIES = 5;

/**
 * The team is locked first, as sends lock it (a send in flight keeps the hours it read only until
 * it holds the team: send.commands.ts plans its clocks again then). Its clocks are taken without
 * waiting: the SLA job and the owners' commands hold a clock and may then want the team (a
 * `reassign` rung), so waiting for one while holding the team could close a circle. A clock held
 * ends this try, rolled back, and the change is tried again.
 */
async function recalendarTeam(tx: Tx, ctx: AdminCtx, teamKey: string, calendar: Calendar) {
  const { orgId, now } = ctx;
  const [team] = await tx
    .select()
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.key, teamKey)))
    .for('update');
  if (!team) throw notFound('team', teamKey);
  const oldKey = JSON.stringify(team.calendar);
  await tx.update(teams).set({ calendar }).where(eq(teams.id, team.id));
  const running = await tx
    .select({ c: slaClocks })
    .from(slaClocks)
    .innerJoin(handoffs, eq(handoffs.id, slaClocks.handoffId))
    .where(and(eq(handoffs.toTeamId, team.id), inArray(slaClocks.state, ['running', 'paused'])))
    .for('update', { of: slaClocks, noWait: true });
  // Only clocks that run on the team's calendar move; a scenario's own calendar stays.
  const moved = running.filter(({ c }) => JSON.stringify(c.calendar) === oldKey);
  for (const { c } of moved) {
    const t = recalendar(compileCalendar(c.calendar), compileCalendar(calendar), times(c), now.getTime());
    // A paused clock arms no rung (it has no deadline); a running one the first still ahead.
    const armed = {
      deadline: t.deadline === null ? null : new Date(t.deadline),
      ...armRung({ ...c, calendar }, t, { aheadOf: now.getTime() }),
    };
    await tx
      .update(slaClocks)
      .set({
        calendar,
        consumedMs: t.consumedMs,
        segmentStartedAt: t.segmentStartedAt === null ? null : new Date(t.segmentStartedAt),
        ...armed,
      })
      .where(eq(slaClocks.id, c.id));
    // Rungs deferred to someone's shift were timed on the old hours.
    await cancelTimers(tx, [c.id]);
    await wakeSchedulers(tx, dueInstants([armed]));
    await appendEvent(
      tx,
      recalendaredEvent(
        { orgId, caseId: c.caseId, handoffId: c.handoffId },
        c.name,
        armed.deadline,
        teamKey,
        now,
      ),
    );
  }
  const detail = replacedFields(team.calendar as Calendar, calendar);
  if (Object.keys(detail).length > 0) detail.clocksRecomputed = { from: null, to: moved.length };
  await recordChange(tx, ctx, 'calendar.changed', { id: teamKey, name: team.name }, detail);
  return { team: teamKey, calendar, clocksRecomputed: moved.length };
}
