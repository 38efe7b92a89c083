import { type AnyColumn, and, desc, eq, gt, gte, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { caseEvents } from '../events/events.table.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { timers } from '../jobs/timers.table.ts';
import { people } from '../people/people.table.ts';
import { teamMembers, teams } from '../teams/teams.table.ts';
import { breachLikelihood } from './at-risk.ts';
import { compileCalendar } from './calendar.ts';
import { elapsedMs } from './deadline.ts';
import { overdueAfterMs, type SlaWork, slaIssues } from './health.ts';
import { slaClocks } from './sla.table.ts';

/** Running clocks with their breach likelihood, most at risk first. */
export async function atRisk(
  db: Queryable,
  orgId: string,
  now: Date,
  opts: { team?: string; minLevel?: 'low' | 'medium' | 'high' } = {},
) {
  const rows = await db
    .select({
      c: slaClocks,
      h: { id: handoffs.id, state: handoffs.state, caseId: handoffs.caseId, toTeamId: handoffs.toTeamId },
      team: teams.key,
      owner: { id: people.id, name: people.name },
    })
    .from(slaClocks)
    .innerJoin(handoffs, eq(handoffs.id, slaClocks.handoffId))
    .innerJoin(teams, eq(teams.id, handoffs.toTeamId))
    .leftJoin(people, eq(people.id, handoffs.ownerId))
    .where(
      and(
        eq(slaClocks.orgId, orgId),
        eq(slaClocks.state, 'running'),
        opts.team ? eq(teams.key, opts.team) : undefined,
      ),
    );
  const teamIds = [...new Set(rows.map((r) => r.h.toTeamId))];
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const [pickups, members] = teamIds.length
    ? await Promise.all([
        db
          .select({ teamId: handoffs.toTeamId, ms: sql<number>`(${caseEvents.data}->>'pickupMs')::bigint` })
          .from(caseEvents)
          .innerJoin(handoffs, eq(handoffs.id, caseEvents.handoffId))
          .where(
            and(
              eq(caseEvents.orgId, orgId),
              eq(caseEvents.type, 'handoff.accepted'),
              gte(caseEvents.at, since),
              inArray(handoffs.toTeamId, teamIds),
            ),
          )
          .orderBy(desc(caseEvents.seq))
          .limit(2000),
        db
          .select({ teamId: teamMembers.teamId, n: sql<number>`count(*)::int` })
          .from(teamMembers)
          .where(inArray(teamMembers.teamId, teamIds))
          .groupBy(teamMembers.teamId),
      ])
    : [[], []];
  const memberCount = new Map(members.map((m) => [m.teamId, Number(m.n)]));
  const items = rows.map((r) => {
    const cal = compileCalendar(r.c.calendar);
    const deadline = r.c.deadline!.getTime();
    const remainingMs = deadline > now.getTime() ? elapsedMs(cal, now.getTime(), deadline) : 0;
    const queueAhead = rows.filter(
      (o) => o.h.toTeamId === r.h.toTeamId && o.c.name === r.c.name && o.c.deadline! < r.c.deadline!,
    ).length;
    const risk = breachLikelihood({
      remainingMs,
      budgetMs: r.c.budgetMs,
      recentPickupMs: pickups.filter((p) => p.teamId === r.h.toTeamId).map((p) => Number(p.ms)),
      queueAhead,
      members: memberCount.get(r.h.toTeamId) ?? 1,
      accepted: r.h.state === 'accepted',
    });
    return {
      handoffId: r.h.id,
      caseId: r.h.caseId,
      team: r.team,
      owner: r.owner?.id ? r.owner : null,
      clock: r.c.name,
      target: r.c.target,
      deadline: r.c.deadline!.toISOString(),
      remainingBusinessMs: remainingMs,
      ...risk,
    };
  });
  const order = { low: 0, medium: 1, high: 2 };
  return items
    .filter((i) => order[i.level] >= order[opts.minLevel ?? 'medium'])
    .sort((a, b) => b.probability - a.probability || a.deadline.localeCompare(b.deadline));
}

/** Counts of due work: due now, overdue, the oldest overdue instant, failing. */
const dueWorkCounts = (dueAt: AnyColumn, attempts: AnyColumn, now: Date) => {
  const overdueBefore = new Date(now.getTime() - overdueAfterMs);
  return {
    due: sql<number>`count(*) filter (where ${dueAt} <= ${now})::int`,
    overdue: sql<number>`count(*) filter (where ${dueAt} <= ${overdueBefore})::int`,
    oldestOverdueAt: sql<string | null>`min(${dueAt}) filter (where ${dueAt} <= ${overdueBefore})`,
    failing: sql<number>`count(*) filter (where ${attempts} > 0)::int`,
  };
};

const asState = (
  row: { due: number; overdue: number; oldestOverdueAt: string | null; failing: number },
  failures: { lastError: string | null }[],
) => ({
  due: Number(row.due),
  overdue: Number(row.overdue),
  oldestOverdueAt: row.oldestOverdueAt ? new Date(row.oldestOverdueAt) : null,
  failing: Number(row.failing),
  latestError: failures[0]?.lastError ?? null,
});

/** The SLA engine's due work in an organisation, with the latest failures (most recent first). */
export async function slaWork(db: Queryable, orgId: string, now: Date) {
  const [clocks] = await db
    .select({ armed: sql<number>`count(*)::int`, ...dueWorkCounts(slaClocks.dueAt, slaClocks.attempts, now) })
    .from(slaClocks)
    .where(and(eq(slaClocks.orgId, orgId), isNotNull(slaClocks.dueAt)));
  const deferredRung = and(eq(timers.orgId, orgId), eq(timers.kind, 'sla.step'), isNull(timers.firedAt));
  const [deferred] = await db
    .select({ waiting: sql<number>`count(*)::int`, ...dueWorkCounts(timers.dueAt, timers.attempts, now) })
    .from(timers)
    .where(deferredRung);
  const failingClocks = await db
    .select({
      clockId: slaClocks.id,
      clock: slaClocks.name,
      handoffId: slaClocks.handoffId,
      caseId: slaClocks.caseId,
      attempts: slaClocks.attempts,
      lastError: slaClocks.lastError,
      retryAt: slaClocks.retryAt,
    })
    .from(slaClocks)
    .where(and(eq(slaClocks.orgId, orgId), isNotNull(slaClocks.dueAt), gt(slaClocks.attempts, 0)))
    .orderBy(desc(slaClocks.retryAt))
    .limit(20);
  const failingRungs = await db
    .select({
      clockId: timers.refId,
      attempts: timers.attempts,
      lastError: timers.lastError,
      retryAt: timers.dueAt,
    })
    .from(timers)
    .where(and(deferredRung, gt(timers.attempts, 0)))
    .orderBy(desc(timers.dueAt))
    .limit(20);
  const work: SlaWork = {
    armed: Number(clocks?.armed ?? 0),
    clocks: asState(clocks!, failingClocks),
    deferredRungs: { waiting: Number(deferred?.waiting ?? 0), ...asState(deferred!, failingRungs) },
  };
  return {
    ...slaIssues(work),
    checkedAt: now.toISOString(),
    ...work,
    failures: [
      ...failingClocks.map((f) => ({ kind: 'clock' as const, ...f })),
      ...failingRungs.map((f) => ({ kind: 'deferred_rung' as const, ...f })),
    ],
  };
}
