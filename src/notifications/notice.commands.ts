import { and, arrayContains, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { type Notice as Notify, notifyOnCommit } from '../db/notices.ts';
import { type Announcement, type AvailabilityChange, eventsChannel } from '../events/events.commands.ts';
import { people } from '../people/people.table.ts';
import { notifications } from './notifications.table.ts';

/** A notice for the inbox alone: of Baton's own doing (a send or a delivery given up), not of an event. */
export type Notice = {
  orgId: string;
  kind: string;
  /** Once per person and id: the same trouble the same day is one notice. */
  eventId: string;
  title: string;
  body: string;
  link: string | null;
};

/**
 * Puts a notice in the inbox of each of these people still active, once per person and `eventId`.
 * In-app only (no Slack, no e-mail): these notices tell of the very channels that fail.
 */
export async function putNotice(db: Db, personIds: string[], notice: Notice, now: Date): Promise<number> {
  if (!personIds.length) return 0;
  const active = await db
    .select({ id: people.id })
    .from(people)
    .where(and(inArray(people.id, personIds), eq(people.orgId, notice.orgId), eq(people.active, 'yes')));
  if (!active.length) return 0;
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(notifications)
      .values(
        active.map((p) => ({ id: newId('nt'), personId: p.id, ...notice, channels: [], createdAt: now })),
      )
      .onConflictDoNothing()
      .returning({ personId: notifications.personId });
    await signalInboxes(
      tx,
      notice.orgId,
      inserted.map((r) => r.personId),
      now,
    );
    return inserted.length;
  });
}

/** The live stream's word that a person's inbox changed: a notification came, or one was read. */
export const inboxChanged = 'inbox.changed';
/** The live stream's word that a person's own record changed (their status, set by a lead): re-read it. */
export const personChanged = 'me.changed';

/**
 * The live stream's word that the organisation's reference data changed (its people, their status
 * and access, teams, members, calendars, scenarios): every open page re-reads it, so that no
 * choice of owner offers someone who has just lost access or gone away.
 */
export const referenceChanged = 'reference.changed';

/**
 * Tells every open page of the organisation, once `tx` commits, that its reference data changed.
 * Several in one transaction are one (the same payload: PostgreSQL folds them, and so does PGlite's
 * in-process delivery). Someone's status alone (`availability`, many times a day per person) is
 * said with the new status, which pages apply as it is: an organisation's pages do not all read
 * its people and teams again whenever one of them goes to lunch.
 */
export async function signalReference(tx: Tx, orgId: string, now: Date, availability?: AvailabilityChange) {
  const a: Announcement = {
    ...(availability ? { availability } : {}),
    seq: 0,
    id: referenceChanged,
    orgId,
    caseId: '',
    handoffId: null,
    type: referenceChanged,
    at: now.toISOString(),
  };
  await notifyOnCommit(tx, [{ channel: eventsChannel, payload: JSON.stringify(a) }]);
}

/**
 * Tells the open pages of these people, once `tx` commits, that their inbox changed, so that the
 * bell follows without reading the inbox again at every event of the organisation. A signal on the
 * events channel for each person's streams alone, never stored.
 */
export async function signalInboxes(tx: Tx, orgId: string, personIds: string[], now: Date) {
  await signalPeople(tx, orgId, personIds, now, inboxChanged);
}

/** Tells a person's open pages, once `tx` commits, that their own record changed (`me` on the stream). */
export async function signalPerson(tx: Tx, orgId: string, personId: string, now: Date) {
  await signalPeople(tx, orgId, [personId], now, personChanged);
}

async function signalPeople(
  tx: Tx,
  orgId: string,
  personIds: string[],
  now: Date,
  type: typeof inboxChanged | typeof personChanged,
) {
  const at = now.toISOString();
  const signals: Notify[] = [...new Set(personIds)].map((personId) => {
    const a: Announcement = {
      seq: 0,
      id: `${type}:${personId}`,
      orgId,
      caseId: '',
      handoffId: null,
      type,
      at,
      personId,
    };
    return { channel: eventsChannel, payload: JSON.stringify(a) };
  });
  await notifyOnCommit(tx, signals);
}

/** The organisation's active admins: the readers of what is wrong with its integrations. */
export async function adminsOf(db: Db, orgId: string): Promise<string[]> {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.active, 'yes'), arrayContains(people.roles, ['admin'])));
  return rows.map((r) => r.id);
}
