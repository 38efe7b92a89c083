import { and, eq, inArray, type SQLWrapper } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { appendEvent } from '../events/events.commands.ts';
import { EventType } from '../events/names.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { ApiError } from '../http/errors.ts';
import { isOpenAt } from '../sla/open.ts';
import { membersWithLoad } from '../teams/teams.queries.ts';
import { teams } from '../teams/teams.table.ts';
import { type Candidate, chooseOwner, type Strategy } from './assign.ts';

type Handoff = typeof handoffs.$inferSelect;

/**
 * Picks the one accountable owner in the receiving team. The team row is locked, so concurrent
 * sends to one team are assigned one after another and round-robin never double-assigns. The
 * round-robin cursor is moved here, or, with `deferRotation`, handed back as `rotation` for the
 * caller to write in its own statement (a send's one write; the team row stays locked till commit).
 */
export async function assignOwner(
  tx: Tx,
  orgId: string,
  teamId: string,
  now: Date,
  opts: { strategy?: Strategy; skills?: string[]; exclude?: string; deferRotation?: boolean } = {},
): Promise<{
  ownerId: string;
  rule: string;
  ownerName: string | null;
  team: typeof teams.$inferSelect;
  rotation: SQLWrapper | null;
}> {
  const [team] = await tx
    .select()
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.id, teamId)))
    .for('update');
  if (!team) throw new ApiError('unknown_team', `no team ${teamId}`);
  const members = await membersWithLoad(tx, orgId, teamId);
  const candidates: Candidate[] = members
    .filter((m) => m.id !== opts.exclude && m.active === 'yes')
    .map((m) => ({
      id: m.id,
      available: m.availability === 'available',
      onShift: m.calendar ? isOpenAt(m.calendar, now.getTime()) : true,
      load: m.load,
      capacity: m.capacity ?? team.defaultCapacity,
      skills: m.skills,
    }));
  const strategy = opts.strategy ?? (team.ownershipStrategy as Strategy);
  const choice = chooseOwner(candidates, strategy, team.lastAssignedId, opts.skills);
  const nameOf = (id: string) => members.find((m) => m.id === id)?.name ?? null;
  if (choice.ownerId === null) {
    return {
      ownerId: team.leadId,
      rule: 'fallback: team lead (no member available)',
      ownerName: nameOf(team.leadId),
      team,
      rotation: null,
    };
  }
  let rotation: SQLWrapper | null = null;
  if (strategy === 'round-robin') {
    const move = tx.update(teams).set({ lastAssignedId: choice.ownerId }).where(eq(teams.id, team.id));
    if (opts.deferRotation) rotation = move;
    else await move;
  }
  return { ...choice, ownerName: nameOf(choice.ownerId), team, rotation };
}

export async function changeOwner(
  tx: Tx,
  h: Handoff,
  ownerId: string,
  now: Date,
  reason: string,
  actorId: string | null,
) {
  if (ownerId === h.ownerId) return;
  await tx.update(handoffs).set({ ownerId, updatedAt: now }).where(eq(handoffs.id, h.id));
  await appendEvent(tx, {
    orgId: h.orgId,
    caseId: h.caseId,
    handoffId: h.id,
    type: EventType.ownerChanged,
    at: now,
    actorId,
    data: { handoffId: h.id, from: h.ownerId, to: ownerId, reason },
  });
}

/** Gives an open handoff to the next eligible member (the lead when nobody else can). */
export async function reassignToNext(
  tx: Tx,
  h: Handoff,
  now: Date,
  reason: string,
  actorId: string | null = null,
) {
  const choice = await assignOwner(tx, h.orgId, h.toTeamId, now, { exclude: h.ownerId ?? undefined });
  await changeOwner(tx, h, choice.ownerId, now, `${reason} (${choice.rule})`, actorId);
  return choice.ownerId;
}

/** Hands every open handoff a person owns (optionally only in one team) to the next eligible owner. */
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
  for (const h of open) await reassignToNext(tx, h, now, reason);
  return open.length;
}
