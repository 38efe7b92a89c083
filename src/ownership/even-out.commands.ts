import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { cases } from '../cases/cases.table.ts';
import type { Db } from '../db/database.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import type { Principal } from '../http/context.ts';
import { notFound } from '../http/errors.ts';
import { people } from '../people/people.table.ts';
import { scenarioVersionsOf } from '../scenarios/scenarios.queries.ts';
import { isOpenAt } from '../sla/open.ts';
import { teamMembers, teams } from '../teams/teams.table.ts';
import { evenOut, type Holder, type Move, type Stay, staying } from './even-out.ts';
import { ownerRule } from './owner-rule.ts';
import { changerOf, ownerChanges } from './ownership.commands.ts';

export type EvenOutInput = { reason?: string; dryRun?: boolean; keep?: string[] };
type Ctx = { principal: Principal; now: Date };

/**
 * Evens out one team's waiting handoffs (`evenOut`), or with `dryRun` only says what it would move.
 * The team is locked as a send locks it, so no send is assigned on the loads read here while it
 * moves them; each move is an `owner.changed` event, written together, so each receiver gets one notice.
 */
export async function evenOutTeam(db: Db, key: string, input: EvenOutInput, ctx: Ctx) {
  const orgId = ctx.principal.orgId;
  return db.transaction(async (tx) => {
    const [team] = await tx
      .select()
      .from(teams)
      .where(and(eq(teams.orgId, orgId), eq(teams.key, key)));
    if (!team) throw notFound('team', key);
    // The handoffs first, then the team: the order a reassignment takes them in (its handoff, then
    // the team its next owner comes from), so the two never wait on each other. Only to move them.
    const theirs = tx
      .select()
      .from(handoffs)
      .where(and(eq(handoffs.toTeamId, team.id), eq(handoffs.state, 'sent')))
      .orderBy(asc(handoffs.id));
    const waiting = input.dryRun ? await theirs : await theirs.for('update');
    if (!input.dryRun)
      await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, team.id)).for('no key update');
    const members = await tx
      .select({
        id: people.id,
        name: people.name,
        availability: people.availability,
        calendar: people.calendar,
        skills: people.skills,
        capacity: teamMembers.capacity,
      })
      .from(teamMembers)
      .innerJoin(people, eq(people.id, teamMembers.personId))
      .where(and(eq(teamMembers.teamId, team.id), eq(people.active, 'yes')))
      .orderBy(asc(people.id));
    const ids = members.map((m) => m.id);
    if (!ids.length) return answer(team.key, input, { moves: [], stays: [], holders: [] });
    // A person's load counts every team's open handoffs, exactly (the send path's count stops at capacity).
    const loads = await tx
      .select({ ownerId: handoffs.ownerId, open: sql<number>`count(*)::int` })
      .from(handoffs)
      .where(and(inArray(handoffs.ownerId, ids), inArray(handoffs.state, ['sent', 'accepted'])))
      .groupBy(handoffs.ownerId);
    const loadOf = new Map(loads.map((l) => [l.ownerId, Number(l.open)]));
    // What the supervisor chose to leave where it is: still counted in its holder's load, never moved.
    const keep = new Set(input.keep ?? []);
    const oldestFirst = [...waiting].sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1),
    );
    const holders: Holder[] = members.map((m) => ({
      id: m.id,
      available: m.availability === 'available',
      onShift: m.calendar ? isOpenAt(m.calendar, ctx.now.getTime()) : true,
      load: loadOf.get(m.id) ?? 0,
      capacity: m.capacity ?? team.defaultCapacity,
      skills: m.skills,
      waiting: oldestFirst.filter((h) => h.ownerId === m.id && !keep.has(h.id)).map((h) => h.id),
    }));
    // A handoff routed by skills (asked on it, its scenario's rule, else its team's) keeps to those who match them.
    const scenarioOf = await scenarioVersionsOf(tx, waiting);
    const wanted = new Map<string, readonly string[]>();
    for (const h of waiting) {
      const { strategy, skills } = ownerRule(scenarioOf(h), h.skills);
      if ((strategy ?? team.ownershipStrategy) === 'skills' && skills?.length) wanted.set(h.id, skills);
    }
    const moves = evenOut(holders, { wanted });
    const byId = new Map(waiting.map((h) => [h.id, h]));
    if (!input.dryRun) {
      const reason = input.reason?.trim() || `evening out ${team.name}'s load`;
      const changes = ownerChanges(tx, ctx.now, changerOf(ctx.principal));
      for (const m of moves) await changes.change(byId.get(m.handoffId)!, m.to, reason);
      await changes.write();
    }
    const stayed: Stay[] = [
      ...staying(holders, moves, { wanted }),
      ...oldestFirst
        .filter((h) => keep.has(h.id))
        .map((h) => ({ handoffId: h.id, holder: h.ownerId!, reason: 'kept' as const })),
    ];
    // Each case by its subject, so a supervisor sees what moves before moving it.
    const caseIds = [...new Set([...moves, ...stayed].map((x) => byId.get(x.handoffId)!.caseId))];
    const subjects = new Map(
      caseIds.length
        ? (
            await tx
              .select({ id: cases.id, subject: cases.subject })
              .from(cases)
              .where(inArray(cases.id, caseIds))
          ).map((c) => [c.id, c.subject])
        : [],
    );
    const withCase = <T extends { handoffId: string }>(x: T) => {
      const caseId = byId.get(x.handoffId)!.caseId;
      return { ...x, caseId, subject: subjects.get(caseId) ?? '' };
    };
    const stays = stayed.map((s) => ({
      ...withCase(s),
      skills: s.reason === 'skills' ? (wanted.get(s.handoffId) ?? []) : undefined,
    }));
    return answer(
      team.key,
      input,
      { moves: moves.map(withCase), stays, holders },
      new Map(members.map((m) => [m.id, m.name])),
    );
  });
}

type OfCase = { caseId: string; subject: string };
type Plan = {
  moves: (Move & OfCase)[];
  stays: (Stay & OfCase & { skills: readonly string[] | undefined })[];
  holders: Holder[];
};

/** What was (or would be) moved, what stays and why, and each member's load before and after, by name. */
function answer(
  team: string,
  input: EvenOutInput,
  { moves, stays, holders }: Plan,
  names = new Map<string, string>(),
) {
  const person = (id: string) => ({ id, name: names.get(id) ?? id });
  const net = (id: string) =>
    moves.filter((m) => m.to === id).length - moves.filter((m) => m.from === id).length;
  return {
    team,
    dryRun: Boolean(input.dryRun),
    moves: moves.map((m) => ({
      handoffId: m.handoffId,
      caseId: m.caseId,
      subject: m.subject,
      from: person(m.from),
      to: person(m.to),
    })),
    staying: stays.map((s) => ({
      handoffId: s.handoffId,
      caseId: s.caseId,
      subject: s.subject,
      holder: person(s.holder),
      reason: s.reason,
      ...(s.skills ? { skills: [...s.skills] } : {}),
    })),
    members: holders.map((h) => ({
      ...person(h.id),
      able: h.available && h.onShift,
      capacity: h.capacity,
      waiting: h.waiting.length + stays.filter((s) => s.reason === 'kept' && s.holder === h.id).length,
      before: h.load,
      after: h.load + net(h.id),
    })),
  };
}
