import { and, eq, inArray, type SQLWrapper, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../db/database.ts';
import { executePrepared } from '../db/prepared.ts';
import { appendEvents, type NewEvent } from '../events/events.commands.ts';
import { EventType } from '../events/names.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { ApiError } from '../http/errors.ts';
import { scenarioVersionsOf } from '../scenarios/scenarios.queries.ts';
import { isOpenAt } from '../sla/open.ts';
import { membersWithLoad } from '../teams/teams.queries.ts';
import { teams } from '../teams/teams.table.ts';
import { type Candidate, chooseOwner, type Strategy } from './assign.ts';
import { ownerRule } from './owner-rule.ts';

type Handoff = typeof handoffs.$inferSelect;

/** A team as ownership reads it, locked. */
type Team = Omit<typeof teams.$inferSelect, 'createdAt'>;
export type OwnerRequest = {
  orgId: string;
  teamId: string;
  now: Date;
  strategy?: Strategy;
  skills?: string[];
  exclude?: string;
};
export type OwnerChoice = { ownerId: string; rule: string; ownerName: string | null; team: Team };

/**
 * Picks the one accountable owner in the receiving team. The team row is locked, so concurrent
 * sends to one team are assigned one after another and round-robin never double-assigns.
 */
export async function assignOwner(
  tx: Tx,
  orgId: string,
  teamId: string,
  now: Date,
  opts: Omit<OwnerRequest, 'orgId' | 'teamId' | 'now'> = {},
): Promise<OwnerChoice> {
  const { choices, rotations } = await assignOwners(tx, [{ orgId, teamId, now, ...opts }]);
  for (const rotation of rotations) await rotation;
  return choices[0]!;
}

/**
 * Owners for several handoffs at once (a batch of sends): every team named is locked once, in id
 * order, its members and their load read in one query, and the choices made one after another in
 * the order given, each counting the owners chosen before it (load, round-robin cursor) exactly as
 * separate sends would. The moved cursors come back as `rotations` for the caller to write.
 *
 * The lock is FOR NO KEY UPDATE: it excludes the other senders (and the cursor's update) but not the
 * key-share locks that rows naming the team take (a handoff's `from_team_id`), so a transaction
 * holding one team never waits on another that only refers to it, nor deadlocks with it.
 */
export async function assignOwners(
  tx: Tx,
  requests: OwnerRequest[],
): Promise<{ choices: OwnerChoice[]; rotations: SQLWrapper[] }> {
  if (requests.length === 0) return { choices: [], rotations: [] };
  const teamIds = [...new Set(requests.map((r) => r.teamId))].sort();
  const locked = rowsOf<Team>(
    await executePrepared(
      tx,
      sql`select id, org_id as "orgId", key, name, lead_id as "leadId", calendar,
        ownership_strategy as "ownershipStrategy", default_capacity as "defaultCapacity",
        last_assigned_id as "lastAssignedId"
      from ${teams} where id = any(${sql.param(teamIds)}::text[]) order by id for no key update`,
    ),
  );
  const teamOf = new Map(locked.map((t) => [t.id, t]));
  const members = new Map<string, Awaited<ReturnType<typeof membersWithLoad>>>();
  for (const orgId of new Set(locked.map((t) => t.orgId))) {
    const inOrg = locked.filter((t) => t.orgId === orgId).map((t) => t.id);
    for (const m of await membersWithLoad(tx, orgId, inOrg))
      members.set(m.teamId, [...(members.get(m.teamId) ?? []), m]);
  }
  // A person's load counts every team's handoffs, so each choice raises it wherever they are listed.
  const loadOf = new Map<string, number>();
  for (const list of members.values()) for (const m of list) loadOf.set(m.id, m.load);
  const cursor = new Map(locked.map((t) => [t.id, t.lastAssignedId]));
  const moved = new Set<string>();
  const choices = requests.map((r): OwnerChoice => {
    const team = teamOf.get(r.teamId);
    if (!team || team.orgId !== r.orgId) throw new ApiError('unknown_team', `no team ${r.teamId}`);
    const listed = members.get(team.id) ?? [];
    const candidates: Candidate[] = listed
      .filter((m) => m.id !== r.exclude && m.active === 'yes')
      .map((m) => ({
        id: m.id,
        available: m.availability === 'available',
        onShift: m.calendar ? isOpenAt(m.calendar, r.now.getTime()) : true,
        load: loadOf.get(m.id) ?? m.load,
        capacity: m.capacity ?? team.defaultCapacity,
        skills: m.skills,
      }));
    const strategy = r.strategy ?? (team.ownershipStrategy as Strategy);
    const choice = chooseOwner(candidates, strategy, cursor.get(team.id) ?? null, r.skills);
    const ownerId = choice.ownerId ?? team.leadId;
    if (loadOf.has(ownerId)) loadOf.set(ownerId, loadOf.get(ownerId)! + 1);
    if (choice.ownerId !== null && strategy === 'round-robin') {
      cursor.set(team.id, choice.ownerId);
      moved.add(team.id);
    }
    const ownerName = listed.find((m) => m.id === ownerId)?.name ?? null;
    return choice.ownerId === null
      ? { ownerId, rule: 'fallback: team lead (no member available)', ownerName, team }
      : { ownerId, rule: choice.rule, ownerName, team };
  });
  const rotations = [...moved].map((id) =>
    tx
      .update(teams)
      .set({ lastAssignedId: cursor.get(id)! })
      .where(eq(teams.id, id)),
  );
  return { choices, rotations };
}

/**
 * The next owner of an open handoff, its owner now excluded, by the rule it was sent under: its
 * scenario's strategy (else its team's) and the skills asked for, as at its send (owner-rule.ts).
 */
export async function chooseNextOwner(tx: Tx, h: Handoff, now: Date): Promise<OwnerChoice> {
  const scenario = (await scenarioVersionsOf(tx, [h]))(h);
  return assignOwner(tx, h.orgId, h.toTeamId, now, {
    exclude: h.ownerId ?? undefined,
    ...ownerRule(scenario, h.skills),
  });
}

/** Who changes owners: a person, Baton itself (null), or an API token without a person (`via`, its name). */
export type OwnerChanger = string | null | { personId: null; via: string };

/**
 * Locks the receiving teams of several handoffs at once, in id order, before any of them is given a
 * next owner (each choice locks its team again, which then costs nothing; one team alone is left to
 * that choice). Taken one by one in the
 * handoffs' order instead, two commands moving handoffs of the same teams in a different order could
 * each hold one team and wait for the other.
 */
export async function holdTeams(tx: Tx, held: readonly Pick<Handoff, 'toTeamId'>[]) {
  const ids = [...new Set(held.map((h) => h.toTeamId))].sort();
  if (ids.length > 1)
    await tx.execute(
      sql`select id from ${teams} where id = any(${sql.param(ids)}::text[]) order by id for no key update`,
    );
}

function ownerChanged(h: Handoff, ownerId: string, now: Date, reason: string, by: OwnerChanger): NewEvent {
  const via = typeof by === 'object' && by ? { via: by.via } : {};
  return {
    orgId: h.orgId,
    caseId: h.caseId,
    handoffId: h.id,
    type: EventType.ownerChanged,
    at: now,
    actorId: typeof by === 'string' ? by : null,
    data: { handoffId: h.id, from: h.ownerId, to: ownerId, reason, ...via },
  };
}

/** The changer a request's principal is: its person, else its API token's name. */
export const changerOf = (p: { personId: string | null; tokenName?: string }): OwnerChanger =>
  p.personId ?? (p.tokenName ? { personId: null, via: p.tokenName } : null);

const setOwner = (tx: Tx, h: Handoff, ownerId: string, now: Date) =>
  tx.update(handoffs).set({ ownerId, updatedAt: now }).where(eq(handoffs.id, h.id));

/**
 * Owner changes made together (several handoffs reassigned at once, a person's work handed on, the
 * sweeper's pass): each handoff is updated at once, so the next choice counts its new load, and
 * their events are written together by `write`, so each new owner hears of them in one notice.
 */
export function ownerChanges(tx: Tx, now: Date, by: OwnerChanger) {
  const events: NewEvent[] = [];
  const change = async (h: Handoff, ownerId: string, reason: string) => {
    if (ownerId === h.ownerId) return false;
    await setOwner(tx, h, ownerId, now);
    events.push(ownerChanged(h, ownerId, now, reason, by));
    return true;
  };
  return {
    change,
    /** To the next eligible member, as `reassignToNext`: the owner it now has. */
    async toNext(h: Handoff, reason: string) {
      const choice = await chooseNextOwner(tx, h, now);
      await change(h, choice.ownerId, `${reason} (${choice.rule})`);
      return choice.ownerId;
    },
    write: () => appendEvents(tx, events),
  };
}

export async function changeOwner(
  tx: Tx,
  h: Handoff,
  ownerId: string,
  now: Date,
  reason: string,
  by: OwnerChanger,
) {
  const changes = ownerChanges(tx, now, by);
  await changes.change(h, ownerId, reason);
  await changes.write();
}

/** Gives an open handoff to the next eligible member (the lead when nobody else can). */
export async function reassignToNext(
  tx: Tx,
  h: Handoff,
  now: Date,
  reason: string,
  actorId: string | null = null,
) {
  const changes = ownerChanges(tx, now, actorId);
  const ownerId = await changes.toNext(h, reason);
  await changes.write();
  return ownerId;
}

/**
 * Hands every open handoff a person owns (optionally only in one team) to the next eligible owner:
 * how many moved, and how many were kept because nobody else can take them (the person is the
 * team's lead, its fallback owner).
 */
export async function handOnOpenWork(
  tx: Tx,
  orgId: string,
  personId: string,
  now: Date,
  reason: string,
  teamId?: string,
) {
  const open = await tx
    .select()
    .from(handoffs)
    .where(
      and(
        eq(handoffs.orgId, orgId),
        eq(handoffs.ownerId, personId),
        inArray(handoffs.state, ['sent', 'accepted']),
        teamId ? eq(handoffs.toTeamId, teamId) : undefined,
      ),
    )
    .for('update');
  await holdTeams(tx, open);
  const changes = ownerChanges(tx, now, null);
  let handedOn = 0;
  for (const h of open) if ((await changes.toNext(h, reason)) !== personId) handedOn += 1;
  await changes.write();
  return { handedOn, kept: open.length - handedOn };
}
