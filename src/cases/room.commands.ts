import type { Database } from '../db/database.ts';
import { eventsChannel } from '../events/events.commands.ts';

/**
 * Presence in a case room: who has the case open right now. It is not a fact of the case (it is
 * never stored): each process keeps a map, fed by a NOTIFY on `baton_presence` that every process
 * LISTENs to, so a heartbeat sent to any process is known to all of them. Browsers beat every 15 s;
 * a viewer not heard from for 30 s has gone.
 */
export const presenceChannel = 'baton_presence';
export const presenceTtlMs = 30_000;

/** One heartbeat (or a goodbye) of one browser tab. */
export type Beat = { orgId: string; caseId: string; personId: string; tab: string; left?: boolean };
export type Viewer = { personId: string; since: string; lastSeen: string };

type Seen = { since: number; lastSeen: number };

/** The process's map of who views which case; every method takes "now". */
export class PresenceMap {
  private readonly rooms = new Map<string, Map<string, Seen>>();
  /** Tabs that said goodbye: a heartbeat of theirs arriving late (reordered) does not bring them back. */
  private readonly gone = new Map<string, number>();
  private lastSweep = 0;

  private static room(orgId: string, caseId: string) {
    return `${orgId}\n${caseId}`;
  }

  /** Records a beat; true when the room's set of people changed (someone arrived or left). */
  record(beat: Beat, now: number): boolean {
    this.sweep(now);
    const key = PresenceMap.room(beat.orgId, beat.caseId);
    const before = this.people(key, now);
    let room = this.rooms.get(key);
    const tabKey = `${beat.personId}\n${beat.tab}`;
    const goneKey = `${key}\n${tabKey}`;
    if (beat.left) {
      room?.delete(tabKey);
      this.gone.set(goneKey, now);
    } else if (this.gone.has(goneKey)) {
      return false;
    } else {
      if (!room) {
        room = new Map();
        this.rooms.set(key, room);
      }
      const seen = room.get(tabKey);
      const live = seen && seen.lastSeen >= now - presenceTtlMs;
      room.set(tabKey, { since: live ? seen.since : now, lastSeen: now });
    }
    if (room?.size === 0) this.rooms.delete(key);
    const after = this.people(key, now);
    return before.size !== after.size || [...after].some((p) => !before.has(p));
  }

  /** The people seen in the last 30 s, the earliest arrival first; several tabs of one person count once. */
  viewers(orgId: string, caseId: string, now: number): Viewer[] {
    const byPerson = new Map<string, Seen>();
    for (const [tabKey, seen] of this.rooms.get(PresenceMap.room(orgId, caseId)) ?? []) {
      if (seen.lastSeen < now - presenceTtlMs) continue;
      const personId = tabKey.split('\n')[0]!;
      const other = byPerson.get(personId);
      byPerson.set(personId, {
        since: Math.min(seen.since, other?.since ?? seen.since),
        lastSeen: Math.max(seen.lastSeen, other?.lastSeen ?? seen.lastSeen),
      });
    }
    return [...byPerson]
      .sort((a, b) => a[1].since - b[1].since || a[0].localeCompare(b[0]))
      .map(([personId, s]) => ({
        personId,
        since: new Date(s.since).toISOString(),
        lastSeen: new Date(s.lastSeen).toISOString(),
      }));
  }

  private people(key: string, now: number): Set<string> {
    const out = new Set<string>();
    for (const [tabKey, seen] of this.rooms.get(key) ?? [])
      if (seen.lastSeen >= now - presenceTtlMs) out.add(tabKey.split('\n')[0]!);
    return out;
  }

  /** Drops rooms nobody has beaten in for a while, so the map stays as small as the rooms in use. */
  private sweep(now: number) {
    if (now - this.lastSweep < presenceTtlMs) return;
    this.lastSweep = now;
    for (const [key, room] of this.rooms) {
      for (const [tab, seen] of room) if (seen.lastSeen < now - presenceTtlMs) room.delete(tab);
      if (room.size === 0) this.rooms.delete(key);
    }
    for (const [key, at] of this.gone) if (at < now - presenceTtlMs) this.gone.delete(key);
  }
}

function parseBeat(payload: string): Beat | null {
  try {
    const b = JSON.parse(payload) as Partial<Beat>;
    if (typeof b.orgId !== 'string' || typeof b.caseId !== 'string') return null;
    if (typeof b.personId !== 'string' || typeof b.tab !== 'string') return null;
    return { orgId: b.orgId, caseId: b.caseId, personId: b.personId, tab: b.tab, left: b.left === true };
  } catch {
    return null;
  }
}

type Presence = { map: PresenceMap; ready: Promise<unknown> };
const perDatabase = new WeakMap<Database, Presence>();

/**
 * The process's presence map for a database, LISTENing from the first call on (lazily: a process
 * that never serves a case room never listens). Beats from other processes update it as they arrive.
 */
export function presenceOf(database: Database, clock: () => Date): Presence {
  let p = perDatabase.get(database);
  if (!p) {
    const map = new PresenceMap();
    const ready = database
      .listen(presenceChannel, (payload) => {
        const beat = parseBeat(payload);
        if (beat) map.record(beat, clock().getTime());
      })
      .catch((error) => {
        perDatabase.delete(database);
        throw error;
      });
    p = { map, ready };
    perDatabase.set(database, p);
  }
  return p;
}

/**
 * A heartbeat: recorded here at once (so the answer includes the caller), sent to every process,
 * and, when the room's people changed, announced on the live stream as `presence.changed` (a
 * signal only, never written to the case's log) so open pages re-fetch who is there.
 */
export async function beat(database: Database, clock: () => Date, b: Beat): Promise<Viewer[]> {
  const presence = presenceOf(database, clock);
  await presence.ready;
  const now = clock();
  const changed = presence.map.record(b, now.getTime());
  await database.notify(presenceChannel, JSON.stringify(b));
  if (changed) {
    await database.notify(
      eventsChannel,
      JSON.stringify({
        seq: 0,
        id: `presence:${b.caseId}`,
        orgId: b.orgId,
        caseId: b.caseId,
        handoffId: null,
        type: 'presence.changed',
        at: now.toISOString(),
      }),
    );
  }
  return presence.map.viewers(b.orgId, b.caseId, now.getTime());
}

export async function viewersOf(
  database: Database,
  clock: () => Date,
  orgId: string,
  caseId: string,
): Promise<Viewer[]> {
  const presence = presenceOf(database, clock);
  await presence.ready;
  return presence.map.viewers(orgId, caseId, clock().getTime());
}
