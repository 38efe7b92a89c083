import { and, arrayContains, eq, inArray, sql } from 'drizzle-orm';
import { cases, messages } from '../cases/cases.table.ts';
import { inOrder, type Tx } from '../db/database.ts';
import { onEventInTransaction, onEventsInTransaction, type StoredEvent } from '../events/events.commands.ts';
import { caseEvents } from '../events/events.table.ts';
import { EventType } from '../events/names.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { people } from '../people/people.table.ts';
import { type Rating, ratingInWords, worthTelling } from '../satisfaction/rating.ts';
import { satisfactionRatings } from '../satisfaction/satisfaction.table.ts';
import { slaClocks } from '../sla/sla.table.ts';
import { teams } from '../teams/teams.table.ts';
import { parseMentions } from './mentions.ts';
import { notifyIn } from './notifications.commands.ts';
import type { PersonNotificationKind } from './notifications.types.ts';

const source = (e: StoredEvent) => ({
  orgId: e.orgId,
  eventId: e.id,
  caseId: e.caseId,
  handoffId: e.handoffId,
});

async function subjectOf(tx: Tx, caseId: string) {
  const [row] = await tx.select({ subject: cases.subject }).from(cases).where(eq(cases.id, caseId));
  return row?.subject;
}

/** A ladder rung: `data.notify` is the person the rung names (owner, team lead or supervisor). */
async function onLadderStep(tx: Tx, e: StoredEvent) {
  const notify = e.data.notify;
  if (typeof notify !== 'string' || !notify) return;
  const kind: PersonNotificationKind =
    e.type === EventType.slaWarning
      ? 'sla_warning'
      : e.data.action === 'page_supervisor'
        ? 'page'
        : 'sla_escalation';
  const clock = typeof e.data.clock === 'string' ? e.data.clock : undefined;
  const [zone] =
    clock && e.handoffId
      ? await tx
          .select({ timezone: sql<string | null>`${slaClocks.calendar}->>'timezone'` })
          .from(slaClocks)
          .where(and(eq(slaClocks.handoffId, e.handoffId), eq(slaClocks.name, clock)))
      : [];
  const facts = {
    kind,
    caseId: e.caseId,
    handoffId: e.handoffId,
    subject: await subjectOf(tx, e.caseId),
    clock,
    percent: typeof e.data.at === 'number' ? e.data.at : undefined,
    deadline: typeof e.data.deadline === 'string' ? e.data.deadline : null,
    deadlineZone: zone?.timezone ?? undefined,
  };
  await notifyIn(tx, source(e), facts, { personIds: [notify], teamIds: [] }, e.at);
}

/** A dip pulls in every supervisor, and the supervisors team's channel when it has one. */
async function onDip(tx: Tx, e: StoredEvent) {
  // A dip in a conversation brought in from the past is logged, not announced.
  if (e.data.historical === true) return;
  const [supervisors, team, holders] = await inOrder([
    tx
      .select({ id: people.id })
      .from(people)
      .where(
        and(eq(people.orgId, e.orgId), arrayContains(people.roles, ['supervisor']), eq(people.active, 'yes')),
      ),
    tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.orgId, e.orgId), eq(teams.key, 'supervisors'))),
    // Whoever holds the case hears that Baton pulled a supervisor in: the owners of its other open
    // handoffs, else whoever opened it (the agent still working it where it is).
    tx
      .select({ id: handoffs.ownerId })
      .from(handoffs)
      .where(
        and(
          eq(handoffs.caseId, e.caseId),
          inArray(handoffs.state, ['sent', 'accepted']),
          e.handoffId ? sql`${handoffs.id} <> ${e.handoffId}` : undefined,
        ),
      ),
  ]);
  const opener = holders.length
    ? []
    : await tx
        .select({ id: caseEvents.actorId })
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, e.caseId), eq(caseEvents.type, EventType.caseCreated)))
        .limit(1);
  const agents = [...holders, ...opener].map((r) => r.id).filter((id): id is string => Boolean(id));
  const facts = {
    kind: 'sentiment_dip' as const,
    caseId: e.caseId,
    handoffId: e.handoffId,
    subject: await subjectOf(tx, e.caseId),
    excerpt: typeof e.data.text === 'string' ? e.data.text : undefined,
    reason: typeof e.data.reason === 'string' ? e.data.reason : undefined,
  };
  await notifyIn(
    tx,
    source(e),
    facts,
    { personIds: [...supervisors.map((s) => s.id), ...agents], teamIds: team.map((t) => t.id) },
    e.at,
  );
}

/** An internal note naming `@localpart` or `@team-key` notifies those people and teams, never its author. */
async function onInternalNote(tx: Tx, e: StoredEvent) {
  const [note] = await tx
    .select({ text: messages.text, authorId: messages.authorId })
    .from(messages)
    .where(eq(messages.id, String(e.data.messageId)));
  const handles = note ? parseMentions(note.text) : [];
  if (!note || handles.length === 0) return;
  const [named, namedTeams, author] = await inOrder([
    tx
      .select({ id: people.id })
      .from(people)
      .where(
        and(eq(people.orgId, e.orgId), inArray(sql`lower(split_part(${people.email}, '@', 1))`, handles)),
      ),
    tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.orgId, e.orgId), inArray(sql`lower(${teams.key})`, handles))),
    note.authorId
      ? tx.select({ name: people.name }).from(people).where(eq(people.id, note.authorId))
      : Promise.resolve([]),
  ]);
  if (named.length === 0 && namedTeams.length === 0) return;
  const facts = {
    kind: 'mention' as const,
    caseId: e.caseId,
    handoffId: e.handoffId,
    subject: await subjectOf(tx, e.caseId),
    author: author[0]?.name,
    excerpt: note.text,
  };
  const audience = {
    personIds: named.map((p) => p.id),
    teamIds: namedTeams.map((t) => t.id),
    exceptId: note.authorId,
  };
  await notifyIn(tx, source(e), facts, audience, e.at);
}

/**
 * A customer not satisfied with a handoff: its owner and the receiving team's lead hear of it, not
 * the person who recorded it. A rating before any handoff, or repeating an unhappy one, tells nobody.
 */
async function onRating(tx: Tx, e: StoredEvent) {
  const rating = e.data.rating as Rating;
  const changedFrom = e.data.changedFrom as Rating | undefined;
  const recordedAt = typeof e.data.recordedAt === 'string' ? new Date(e.data.recordedAt) : e.at;
  if (!e.handoffId || !worthTelling(rating, changedFrom, e.at, recordedAt)) return;
  const [held, said] = await inOrder([
    tx
      .select({ ownerId: handoffs.ownerId, leadId: teams.leadId, team: teams.name })
      .from(handoffs)
      .innerJoin(teams, eq(teams.id, handoffs.toTeamId))
      .where(eq(handoffs.id, e.handoffId)),
    // The comment is personal text kept beside the log: read it from the rating itself.
    tx
      .select({ comment: satisfactionRatings.comment })
      .from(satisfactionRatings)
      .where(eq(satisfactionRatings.id, String(e.data.ratingId))),
  ]);
  if (!held[0]) return;
  const facts = {
    kind: 'unsatisfied_rating' as const,
    caseId: e.caseId,
    handoffId: e.handoffId,
    subject: await subjectOf(tx, e.caseId),
    rating: ratingInWords(rating),
    team: held[0].team,
    excerpt: said[0]?.comment ?? undefined,
  };
  const personIds = [held[0].ownerId, held[0].leadId].filter((id): id is string => Boolean(id));
  await notifyIn(tx, source(e), facts, { personIds, teamIds: [], exceptId: e.actorId }, e.at);
}

/**
 * Handoffs made someone's by another person (a reassignment) or by Baton (their owner away or gone,
 * a ladder's reassign rung): the new owner hears of it with the reason. Changes written together
 * (several reassigned at once, a person's work handed on) are one notice per new owner. Taking it
 * oneself (accepting a teammate's) tells nobody; a send's first owner is not an owner change, and is
 * found in the queue.
 */
async function onOwnersChanged(tx: Tx, all: StoredEvent[]) {
  const changes = all.filter(
    (e) =>
      e.type === EventType.ownerChanged &&
      typeof e.data.to === 'string' &&
      e.data.to &&
      e.data.to !== e.actorId &&
      e.handoffId,
  );
  if (!changes.length) return;
  const fromOf = (e: StoredEvent) => (typeof e.data.from === 'string' ? e.data.from : null);
  const named = new Set(changes.flatMap((e) => [e.actorId, fromOf(e)]).filter((id) => id !== null));
  const [names, held] = await inOrder([
    named.size
      ? tx
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(inArray(people.id, [...named]))
      : Promise.resolve([]),
    tx
      .select({ id: handoffs.id, team: teams.name, subject: cases.subject })
      .from(handoffs)
      .innerJoin(teams, eq(teams.id, handoffs.toTeamId))
      .innerJoin(cases, eq(cases.id, handoffs.caseId))
      .where(
        inArray(
          handoffs.id,
          changes.map((e) => e.handoffId!),
        ),
      ),
  ]);
  const nameOf = new Map(names.map((p) => [p.id, p.name]));
  const heldBy = new Map(held.map((h) => [h.id, h]));
  const byOwner = new Map<string, StoredEvent[]>();
  for (const e of changes) {
    const key = `${e.data.to}:${e.actorId ?? ''}:${e.data.via ?? ''}`;
    const given = byOwner.get(key);
    if (given) given.push(e);
    else byOwner.set(key, [e]);
  }
  for (const given of byOwner.values()) {
    const first = given[0]!;
    const one = <T>(values: T[]) => (new Set(values).size === 1 ? values[0] : undefined);
    const facts = {
      kind: 'owner_changed' as const,
      caseId: first.caseId,
      handoffId: first.handoffId,
      by: first.actorId
        ? nameOf.get(first.actorId)
        : typeof first.data.via === 'string'
          ? `${first.data.via} (API token)`
          : undefined,
      previousOwner: one(given.map((e) => nameOf.get(fromOf(e) ?? ''))),
      team: [...new Set(given.map((e) => heldBy.get(e.handoffId!)?.team))].filter(Boolean).join(', '),
      reason: [...new Set(given.map((e) => (typeof e.data.reason === 'string' ? e.data.reason : '')))]
        .filter(Boolean)
        .join('; '),
      subject: heldBy.get(first.handoffId!)?.subject ?? undefined,
      count: given.length,
      subjects: given.map((e) => heldBy.get(e.handoffId!)?.subject ?? `case ${e.caseId}`),
    };
    // Several at once are no one handoff's: the notice links to the person's own queue.
    const src = given.length === 1 ? source(first) : { ...source(first), caseId: null, handoffId: null };
    await notifyIn(tx, src, facts, { personIds: [String(first.data.to)], teamIds: [] }, first.at);
  }
}

/** A handoff's sender, owner and receiving team's name, and the name of whoever acted on it. */
async function handoffAndActor(tx: Tx, handoffId: string, actorId: string | null) {
  const [[h], actor] = await inOrder([
    tx
      .select({ senderId: handoffs.senderId, ownerId: handoffs.ownerId, team: teams.name })
      .from(handoffs)
      .innerJoin(teams, eq(teams.id, handoffs.toTeamId))
      .where(eq(handoffs.id, handoffId)),
    actorId
      ? tx.select({ name: people.name }).from(people).where(eq(people.id, actorId))
      : Promise.resolve([]),
  ]);
  return { h, by: actor[0]?.name };
}

/**
 * A handoff bounced back: its sender (now its owner again) hears why, unless they bounced it
 * themselves. Without it, work came back to a desk that did not know.
 */
async function onBounce(tx: Tx, e: StoredEvent) {
  const to = typeof e.data.to === 'string' ? e.data.to : null;
  if (!to || to === e.actorId || !e.handoffId) return;
  const { h, by } = await handoffAndActor(tx, e.handoffId, e.actorId);
  const facts = {
    kind: 'bounced' as const,
    caseId: e.caseId,
    handoffId: e.handoffId,
    subject: await subjectOf(tx, e.caseId),
    team: h?.team,
    by,
    reason: typeof e.data.reason === 'string' ? e.data.reason : undefined,
    note: typeof e.data.note === 'string' && e.data.note ? e.data.note : undefined,
  };
  await notifyIn(tx, source(e), facts, { personIds: [to], teamIds: [] }, e.at);
}

/**
 * A handoff cancelled by someone else: its sender hears their handoff was recalled, and its owner
 * that it is off their desk. Whoever cancelled it knows already.
 */
async function onCancel(tx: Tx, e: StoredEvent) {
  if (!e.handoffId) return;
  const { h, by } = await handoffAndActor(tx, e.handoffId, e.actorId);
  if (!h) return;
  const subject = await subjectOf(tx, e.caseId);
  const told = [
    { personId: h.senderId, sender: true },
    { personId: h.ownerId, sender: false },
  ].filter(
    (r, i, all): r is { personId: string; sender: boolean } =>
      r.personId !== null &&
      r.personId !== e.actorId &&
      all.findIndex((x) => x.personId === r.personId) === i,
  );
  for (const { personId, sender } of told)
    await notifyIn(
      tx,
      source(e),
      {
        kind: 'cancelled' as const,
        caseId: e.caseId,
        handoffId: e.handoffId,
        subject,
        team: h.team,
        by,
        sender,
      },
      { personIds: [personId], teamIds: [] },
      e.at,
    );
}

let registered = false;

/** Notifications are written with the event that causes them, in its transaction. */
export function registerNotificationListener() {
  if (registered) return;
  registered = true;
  onEventsInTransaction(onOwnersChanged);
  onEventInTransaction(async (tx, event) => {
    switch (event.type) {
      case EventType.slaWarning:
      case EventType.slaEscalated:
        return onLadderStep(tx, event);
      case EventType.sentimentDip:
        return onDip(tx, event);
      case EventType.handoffBounced:
        return onBounce(tx, event);
      case EventType.handoffCancelled:
        return onCancel(tx, event);
      case EventType.satisfactionRated:
        return onRating(tx, event);
      case EventType.messageAdded:
        if (event.data.role === 'internal') return onInternalNote(tx, event);
    }
  });
}
