import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { caseEvents } from '../events/events.table.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { people } from '../people/people.table.ts';
import { teamMembers, teams } from '../teams/teams.table.ts';
import { breachLikelihood } from './at-risk.ts';
import { compileCalendar } from './calendar.ts';
import { elapsedMs } from './deadline.ts';
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
