import { and, eq, inArray } from 'drizzle-orm';
import { type AdminCtx, recordChange } from '../admin/admin-changes.commands.ts';
import { replacedFields } from '../admin/changes.ts';
import type { Db } from '../db/database.ts';
import { appendEvent } from '../events/events.commands.ts';
import { EventType } from '../events/names.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { cancelTimers, wakeSchedulers } from '../jobs/timers.commands.ts';
import { teams } from '../teams/teams.table.ts';
import { compileCalendar, SlaError } from './calendar.ts';
import { recalendar } from './clock.ts';
import { armRung, dueInstants, times } from './sla.commands.ts';
import { slaClocks } from './sla.table.ts';
import type { Calendar } from './sla.types.ts';

/**
 * A team's new calendar applies to its running clocks at once: the business time already used is
 * kept and what is left is spread over the new hours; deadlines and armed rungs are recomputed.
 */
export async function setTeamCalendar(db: Db, ctx: AdminCtx, teamKey: string, calendar: Calendar) {
  const { orgId, now } = ctx;
  try {
    compileCalendar(calendar);
  } catch (error) {
    if (error instanceof SlaError)
      throw new ApiError('invalid_calendar', error.message, { field: 'calendar' });
    throw error;
  }
  return db.transaction(async (tx) => {
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
      .for('update', { of: slaClocks });
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
      await appendEvent(tx, {
        orgId,
        caseId: c.caseId,
        handoffId: c.handoffId,
        type: EventType.slaRecalendared,
        at: now,
        data: {
          handoffId: c.handoffId,
          clock: c.name,
          deadline: t.deadline === null ? null : new Date(t.deadline).toISOString(),
          team: teamKey,
        },
      });
    }
    const detail = replacedFields(team.calendar as Calendar, calendar);
    if (Object.keys(detail).length > 0) detail.clocksRecomputed = { from: null, to: moved.length };
    await recordChange(tx, ctx, 'calendar.changed', { id: teamKey, name: team.name }, detail);
    return { team: teamKey, calendar, clocksRecomputed: moved.length };
  });
}
